import { z } from "zod";
import { articleSpanSchema } from "./manifest.js";
import type { Article, RoleHolder } from "../types.js";
import { extractQuotes } from "../ingest/quotes/extract.js";
import { resolveSpeakers, type Quote, type Speaker } from "../ingest/quotes/speakers.js";

/** Bump when extraction or attribution changes, so indexes rebuild their quotes (vectors are kept). */
export const QUOTES_VERSION = 5;

/** Who said what across all articles, persisted beside the vectors as quotes.json. */
export interface QuoteIndexData {
  speakers: Speaker[];
  quotes: Quote[];
  /** Everyone named in full with a role, quoted or not: what a question naming a role means. */
  people: RoleHolder[];
}

/** The quote index without its quotes: who is quoted, and who is named with a role. A speaker's quotes are asked of the index store. */
export type QuoteDirectory = Pick<QuoteIndexData, "speakers" | "people">;

export const quoteIndexSchema = z.object({
  speakers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(["person", "organisation", "role", "anonymous"]),
      variants: z.array(z.string()),
      roles: z.array(z.string()),
      organisations: z.array(z.string()),
      quoteCount: z.number().int(),
      articleIds: z.array(z.string()),
    }),
  ),
  quotes: z.array(articleSpanSchema.extend({ id: z.string(), kind: z.enum(["direct", "reported"]), speakerId: z.string() })),
  people: z.array(z.object({ name: z.string(), roles: z.array(z.string()) })),
});

/** The quote index as a Postgres database keeps it beside its quote rows (table `quotes`). */
export const quoteDirectorySchema = quoteIndexSchema.omit({ quotes: true });
/** The quotes of some rows of the Postgres `quotes` table. */
export const quotesSchema = quoteIndexSchema.shape.quotes;

/** Extracts and attributes every quote of the corpus. */
export function buildQuoteIndex(articles: readonly Article[]): QuoteIndexData {
  return resolveSpeakers(articles, articles.flatMap((article) => extractQuotes(article)));
}
