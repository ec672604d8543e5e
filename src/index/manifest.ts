import { z } from "zod";

/**
 * Bump when the files of a build change shape, or what they hold of a passage does (its
 * keyword tokens: 7 reads run-together words as their parts too), so old builds are rebuilt
 * rather than misread.
 */
export const INDEX_FORMAT_VERSION = 7;

const sectionSchema = z.object({ index: z.number().int(), title: z.string(), label: z.string().nullable() });

/** An article file's size and modification time (and its sidecar's), when it was indexed. */
const fileStampSchema = z.object({ size: z.number(), mtimeMs: z.number(), sidecarMtimeMs: z.number().nullable() });

const articleRecordSchema = z.object({
  id: z.string(),
  file: z.string(),
  hash: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  sections: z.array(sectionSchema),
  passageCount: z.number().int(),
  /** Absent when the file changed while it was being read: it is then checked by its hash. */
  stamp: fileStampSchema.optional(),
});

export const manifestSchema = z.object({
  // Any version parses, so an older build is recognised and rebuilt rather than called damaged.
  formatVersion: z.number().int(),
  encoder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  chunkerVersion: z.number().int(),
  quotesVersion: z.number().int().default(0),
  builtAt: z.string(),
  articlesDir: z.string(),
  articles: z.array(articleRecordSchema),
  /** SHA-256 of each other file of the build, checked when it is read (since format 6). */
  checksums: z.record(z.string(), z.string()).optional(),
});

/** The stored shape of an ArticleSpan (a passage, a quote). */
export const articleSpanSchema = z.object({
  articleId: z.string(),
  section: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});

export const passagesSchema = z.array(articleSpanSchema.extend({ id: z.string() }));

/** What the index knows about one article, without its text. */
export type ArticleRecord = z.infer<typeof articleRecordSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type FileStamp = z.infer<typeof fileStampSchema>;
