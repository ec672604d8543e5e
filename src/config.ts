import { z } from "zod";
import { UsageError } from "./errors.js";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** The transformers.js model used when EMBEDDING_MODEL is not set. */
export const DEFAULT_EMBEDDING_MODEL = "Xenova/all-MiniLM-L6-v2";

const DATABASE_URL_EXAMPLE = "postgres://user:password@localhost:5432/news";

const engineSchema = z
  .object({
    ARTICLES_DIR: z.string().trim().min(1).default("seeds"),
    INDEX_DIR: z.string().trim().min(1).default("data/index"),
    MODELS_DIR: z.string().trim().min(1).default("models"),
    EMBEDDINGS: z.enum(["auto", "transformers", "offline"], { message: "must be auto, transformers or offline" }).default("auto"),
    EMBEDDING_MODEL: z
      .string()
      .trim()
      .regex(/^[\w.-]+\/[\w.-]+$/, "must be a model id such as Xenova/all-MiniLM-L6-v2")
      .default(DEFAULT_EMBEDDING_MODEL),
    ALLOW_MODEL_DOWNLOAD: booleanFlag.default(true),
    MODEL_HOST: z.url({ message: "must be a URL such as https://huggingface.co/" }).default("https://huggingface.co/"),
    MODEL_PROBE_TIMEOUT_MS: z.coerce.number({ message: "must be a number of milliseconds" }).int().min(100).max(60_000).default(3000),
    // 1 MB is some 20 long-form articles in one file; the offline encoder takes about 5 minutes to embed it.
    MAX_ARTICLE_MB: z.coerce
      .number({ message: "must be a number of megabytes above 0, such as 1 or 2.5" })
      .positive({ message: "must be a number of megabytes above 0, such as 1 or 2.5" })
      .default(1),
    // npm run ingest: whether loopback, private and link-local addresses may be fetched (tests serve pages on 127.0.0.1).
    ALLOW_PRIVATE_URLS: booleanFlag.default(false),
    // Where the index lives: a folder (INDEX_DIR) or a Postgres database with pgvector (DATABASE_URL).
    INDEX_BACKEND: z.enum(["files", "postgres"], { message: "must be files or postgres" }).default("files"),
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(?:ql)?:\/\/\S+$/, `must be a Postgres URL such as ${DATABASE_URL_EXAMPLE}`)
      .optional(),
  })
  .superRefine((config, context) => {
    if (config.INDEX_BACKEND === "postgres" && config.DATABASE_URL === undefined) {
      context.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: `must be set when INDEX_BACKEND=postgres: a URL such as ${DATABASE_URL_EXAMPLE} (or set INDEX_BACKEND=files)`,
      });
    }
  });

/** Engine settings, parsed once from the environment. */
export type EngineConfig = Readonly<z.output<typeof engineSchema>>;

/** Turns a zod failure into one message that names each variable and what it must be. */
export function describeConfigError(error: z.ZodError, what: string): UsageError {
  const problems = error.issues.map((issue) => {
    const name = issue.path.join(".");
    return `  ${name}: ${issue.message}`;
  });
  return new UsageError(
    "CONFIG_INVALID",
    `${what} is not valid:\n${problems.join("\n")}\nFix these in your environment or .env file (see .env.example).`,
  );
}

/** Treats empty strings as unset, the way a blank line in .env is meant. */
export function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ""));
}

export function loadEngineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const parsed = engineSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) throw describeConfigError(parsed.error, "The engine configuration");
  return Object.freeze(parsed.data);
}
