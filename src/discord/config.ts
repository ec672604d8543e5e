import { z } from "zod";
import { describeConfigError, withoutBlanks } from "../config.js";

const snowflake = z.string().trim().regex(/^\d{17,20}$/, "must be a Discord id (17-20 digits; Developer Mode → right-click → Copy ID)");

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

// Error messages never echo the value: this is the one variable that must not leak.
const token = z
  .string({ message: "is missing; copy it from the Developer Portal → your application → Bot → Reset Token" })
  .trim()
  .superRefine((value, context) => {
    if (/^bot\s/i.test(value)) context.addIssue({ code: "custom", message: "must be the bare token, without a \"Bot \" prefix" });
    else if (!/^[\w-]+={0,2}\.[\w-]+\.[\w-]+$/.test(value) || value.length < 50) {
      context.addIssue({ code: "custom", message: "does not look like a bot token (three dot-separated parts); copy it again from the Developer Portal → Bot" });
    }
  });

const schema = z.object({
  DISCORD_TOKEN: token,
  DISCORD_CLIENT_ID: z.string({ message: "is missing; it is the Application ID on the Developer Portal's General Information page" }).pipe(snowflake),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_CHANNEL_IDS: z
    .string()
    .transform((value) => value.split(",").map((id) => id.trim()).filter((id) => id !== ""))
    .pipe(z.array(snowflake).max(100, "can list at most 100 channels"))
    .optional()
    .transform((ids) => ids ?? []),
  DISCORD_API_URL: z.url({ message: "must be a URL such as https://discord.com/api" }).optional(),
  ANSWER_COOLDOWN_SECONDS: z.coerce.number({ message: "must be a number of seconds" }).min(0).max(3600).default(10),
  MAX_CONCURRENT_ANSWERS: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(100).default(4),
  DISCORD_MESSAGE_CONTENT: z
    .enum(["auto", "off"], { message: 'must be "auto" (use the Message Content intent when the Developer Portal allows it) or "off"' })
    .default("auto"),
  FIND_SOURCES_PRIVATE: booleanFlag.default(true),
  FEEDBACK_LOG: z.string().trim().min(1).default("data/feedback.jsonl"),
  FEEDBACK_SALT: z.string().min(16, "must be at least 16 characters (or leave it blank to generate one)").optional(),
});

/** Discord settings, parsed once from the environment. */
export type DiscordConfig = Readonly<z.output<typeof schema>>;

/** Parses the bot's settings; a missing or malformed variable throws a `CONFIG_INVALID` UserError naming it. */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig {
  const parsed = schema.safeParse(withoutBlanks(env));
  if (!parsed.success) throw describeConfigError(parsed.error, "The Discord bot configuration");
  // Not enumerable, so logging or serialising the config can never print the token.
  Object.defineProperty(parsed.data, "DISCORD_TOKEN", { enumerable: false });
  return Object.freeze(parsed.data);
}

const shardsSchema = z.object({
  SHARDS: z
    .string()
    .trim()
    .regex(/^(auto|[1-9]\d{0,3})$/, 'must be "auto" (as many shards as Discord recommends) or a whole number of shards from 1 to 9999; leave it unset to run one process without sharding')
    .transform((value) => (value === "auto" ? "auto" : Number(value)))
    .optional(),
});

/** How many shards `npm start` runs: "auto" (Discord's recommendation) or a count; undefined = one process, no ShardingManager. */
export type ShardsSetting = "auto" | number | undefined;

/**
 * Reads `SHARDS` for `npm start`. Inside a shard process discord.js's ShardingManager sets
 * `SHARDING_MANAGER` and reuses `SHARDS` for that shard's id, so there it means "run the bot"
 * (undefined). A malformed value throws a `CONFIG_INVALID` UserError naming it.
 */
export function loadShardsSetting(env: NodeJS.ProcessEnv = process.env): ShardsSetting {
  if (env.SHARDING_MANAGER !== undefined) return undefined;
  const parsed = shardsSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) throw describeConfigError(parsed.error, "The Discord bot configuration");
  return parsed.data.SHARDS;
}
