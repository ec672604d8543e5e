import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Article, ArticleMeta, IngestWarning } from "../types.js";
import { UserError } from "../errors.js";
import { decodeText } from "../util/textFile.js";
import { articleHash, parseArticle } from "./parseArticle.js";

const ARTICLE_EXTENSIONS = new Set([".txt", ".md"]);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO date such as 2025-03-17")
  .refine((value) => !Number.isNaN(Date.parse(value)), "is not a real date");

/** What an optional `<id>.json` beside an article may say about it. */
const sidecarSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    outlet: z.string().trim().min(1).optional(),
    published: isoDate.optional(),
    url: z.url().optional(),
    // Who wrote it, as the page says (npm run ingest); kept with the article, not shown in answers.
    author: z.string().trim().min(1).optional(),
  })
  .strict();

export interface LoadedArticles {
  folder: string;
  articles: Article[];
  warnings: IngestWarning[];
}

/** Each article's id and content hash, read without parsing: enough to tell that nothing changed. */
export interface ArticleFingerprints {
  folder: string;
  articles: Array<{ id: string; hash: string }>;
  warnings: IngestWarning[];
}

/** Where articles come from. The folder implementation is the only one today. */
export interface ArticleSource {
  load(): Promise<LoadedArticles>;
  fingerprints(): Promise<ArticleFingerprints>;
}

/** An article file read and decoded, with its sidecar's metadata, not parsed yet. */
interface RawArticle {
  id: string;
  name: string;
  text: string;
  meta: ArticleMeta;
}

/** How many unusable files the "no usable article" message names before counting the rest. */
const LISTED_FILES = 10;

function noArticleFiles(folder: string): UserError {
  return new UserError("NO_ARTICLES", `Found no .txt or .md files in ${folder}. Add articles there (see README, "Adding articles") or set ARTICLES_DIR.`);
}

/** Every article file was skipped: says which and why, since the warnings would otherwise be lost. */
function noUsableArticle(folder: string, articleFiles: number, warnings: readonly IngestWarning[]): UserError {
  const listed = warnings.slice(0, LISTED_FILES).map((warning) => `  ${warning.file} ${warning.problem}`);
  const more = warnings.length > LISTED_FILES ? [`  … and ${warnings.length - LISTED_FILES} more`] : [];
  const skipped = articleFiles === 1 ? "its one article file was skipped" : `all ${articleFiles} article files were skipped`;
  return new UserError(
    "NO_ARTICLES",
    [
      `No usable article in ${folder}: ${skipped}.`,
      ...listed,
      ...more,
      'Fix or remove these files, or add articles (see README, "Adding articles"), or set ARTICLES_DIR.',
    ].join("\n"),
  );
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "file"} ${issue.message}`)
    .join("; ");
}

const MEGABYTE = 1024 * 1024;

/** "29 KB", "1.5 MB". */
function formatSize(bytes: number): string {
  return bytes >= MEGABYTE ? `${(bytes / MEGABYTE).toFixed(1).replace(/\.0$/, "")} MB` : `${Math.round(bytes / 1024)} KB`;
}

export interface FolderArticleSourceOptions {
  /** Larger files are skipped with a warning, unread (MAX_ARTICLE_MB); no limit when absent. */
  maxArticleMB?: number;
}

/** Reads every `.txt` and `.md` file of a folder (not recursive), with optional JSON sidecars. */
export class FolderArticleSource implements ArticleSource {
  private readonly maxArticleBytes: number;

  constructor(
    private readonly folder: string,
    options: FolderArticleSourceOptions = {},
  ) {
    this.maxArticleBytes = (options.maxArticleMB ?? Infinity) * MEGABYTE;
  }

  async load(): Promise<LoadedArticles> {
    const { folder, raw, warnings, articleFiles } = await this.readAll();
    const articles: Article[] = [];
    for (const { id, name, text, meta } of raw) {
      const article = parseArticle(id, name, text, meta);
      if (article.paragraphs.length === 0) {
        warnings.push({ file: name, problem: "has no article text left after removing page furniture; skipped" });
        continue;
      }
      articles.push(article);
    }
    if (articles.length === 0) throw noUsableArticle(folder, articleFiles, warnings);
    return { folder, articles, warnings };
  }

  async fingerprints(): Promise<ArticleFingerprints> {
    const { folder, raw, warnings } = await this.readAll();
    return { folder, articles: raw.map(({ id, text, meta }) => ({ id, hash: articleHash(text, meta) })), warnings };
  }

  private async readAll(): Promise<{ folder: string; raw: RawArticle[]; warnings: IngestWarning[]; articleFiles: number }> {
    const folder = path.resolve(this.folder);
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch (error) {
      throw new UserError(
        "ARTICLES_FOLDER_MISSING",
        `Cannot read the articles folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
          "Set ARTICLES_DIR to a folder of .txt or .md articles.",
      );
    }
    const articleFiles = names.filter((name) => ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase()));
    const present = new Set(names);
    const warnings: IngestWarning[] = [];
    const raw: RawArticle[] = [];
    const seen = new Map<string, string>();

    for (const name of articleFiles) {
      const id = path.basename(name, path.extname(name));
      const other = seen.get(id);
      if (other !== undefined) {
        warnings.push({ file: name, problem: `has the same article id "${id}" as ${other}; skipped` });
        continue;
      }
      seen.set(id, name);
      const text = await this.readText(folder, name, warnings);
      if (text !== null) raw.push({ id, name, text, meta: await this.loadSidecar(folder, `${id}.json`, present, warnings) });
    }
    if (articleFiles.length === 0) throw noArticleFiles(folder);
    if (raw.length === 0) throw noUsableArticle(folder, articleFiles.length, warnings);
    return { folder, raw, warnings, articleFiles: articleFiles.length };
  }

  private async readText(folder: string, name: string, warnings: IngestWarning[]): Promise<string | null> {
    const file = path.join(folder, name);
    let bytes: Buffer;
    try {
      const stats = await stat(file);
      if (!stats.isFile()) {
        warnings.push({ file: name, problem: "is not a regular file; skipped" });
        return null;
      }
      if (stats.size > this.maxArticleBytes) {
        const sizes = `${formatSize(stats.size)}, over the ${formatSize(this.maxArticleBytes)} limit for one article`;
        warnings.push({ file: name, problem: `is ${sizes}; split it into smaller articles or raise MAX_ARTICLE_MB. Skipped` });
        return null;
      }
      bytes = await readFile(file);
    } catch (error) {
      warnings.push({ file: name, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error}); skipped` });
      return null;
    }
    const decoded = decodeText(bytes);
    if ("problem" in decoded) {
      const problem = decoded.problem === "binary" ? "is a binary file, not text; skipped" : "is not valid UTF-8; re-save it as UTF-8 to index it. Skipped";
      warnings.push({ file: name, problem });
      return null;
    }
    const { text } = decoded;
    if (text.trim() === "") {
      warnings.push({ file: name, problem: "is empty; skipped" });
      return null;
    }
    return text;
  }

  private async loadSidecar(
    folder: string,
    sidecarName: string,
    present: ReadonlySet<string>,
    warnings: IngestWarning[],
  ): Promise<ArticleMeta> {
    if (!present.has(sidecarName)) return {};
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(folder, sidecarName), "utf8"));
    } catch (error) {
      warnings.push({
        file: sidecarName,
        problem: `is not valid JSON (${(error as Error).message}); the article is indexed without it`,
      });
      return {};
    }
    const parsed = sidecarSchema.safeParse(raw);
    if (!parsed.success) {
      warnings.push({
        file: sidecarName,
        problem: `${describeZodError(parsed.error)}; the article is indexed without it`,
      });
      return {};
    }
    const meta: ArticleMeta = {};
    if (parsed.data.title !== undefined) meta.title = parsed.data.title;
    if (parsed.data.outlet !== undefined) meta.outlet = parsed.data.outlet;
    if (parsed.data.published !== undefined) meta.published = parsed.data.published;
    if (parsed.data.url !== undefined) meta.url = parsed.data.url;
    return meta;
  }
}
