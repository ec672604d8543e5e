import type { Speaker } from "../ingest/quotes/speakers.js";
import type { Answer, Citation } from "../types.js";

function sourceLine(citation: Pick<Citation, "title" | "outlet" | "published" | "articleId">): string {
  const details = [citation.outlet, citation.published].filter((value): value is string => value !== null);
  return `${citation.title}${details.length > 0 ? ` — ${details.join(", ")}` : ""} (article ${citation.articleId})`;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

function citationLines(citation: Citation): string[] {
  const lines = [`[${citation.n}] ${sourceLine(citation)}`, indent(`“${citation.text}”`, "    ")];
  for (const other of citation.alsoReportedBy) {
    lines.push(`    Also reported by: ${sourceLine(other)}`);
    if (other.wording) lines.push(`      in these words: ${other.wording}`);
  }
  return lines;
}

/**
 * The answer as a person reads it in a terminal: how the question was read when that changed,
 * the answer, the sources it quotes, then the other passages retrieval found.
 */
export function formatAnswer(answer: Answer): string {
  const lines: string[] = [];
  if (answer.correctedQuestion !== undefined) lines.push(`(Read as: “${answer.correctedQuestion}”)`, "");
  lines.push(answer.answer, "");
  const cited = answer.citations.filter((citation) => citation.cited);
  const more = answer.citations.filter((citation) => !citation.cited);
  if (cited.length > 0) lines.push("Sources:", ...cited.flatMap(citationLines), "");
  if (more.length > 0) lines.push("More passages:", ...more.flatMap(citationLines));
  return lines.join("\n").trimEnd();
}

/** The stable JSON shape of the CLI contract. */
export function answerJson(answer: Answer): object {
  return {
    question: answer.question,
    ...(answer.correctedQuestion !== undefined ? { correctedQuestion: answer.correctedQuestion } : {}),
    answered: answer.answered,
    confidence: answer.confidence,
    answer: answer.answer,
    citations: answer.citations.map((citation) => ({
      n: citation.n,
      cited: citation.cited,
      articleId: citation.articleId,
      title: citation.title,
      outlet: citation.outlet,
      published: citation.published,
      // Articles from the web have an address to link to (npm run ingest); the seeds have none.
      ...(citation.url ? { url: citation.url } : {}),
      text: citation.text,
      start: citation.start,
      end: citation.end,
      score: citation.score,
      alsoReportedBy: citation.alsoReportedBy.map((other) => ({
        ...(other.wording ? { wording: other.wording } : {}),
        articleId: other.articleId,
        title: other.title,
        outlet: other.outlet,
        published: other.published,
        text: other.text,
        start: other.start,
        end: other.end,
      })),
    })),
  };
}

/** Everyone quoted, most quoted first: name, kind, roles, quote count and articles. */
export function formatSpeakers(speakers: readonly Speaker[]): string {
  return speakers
    .map((speaker) => {
      const details = [...speaker.roles, ...speaker.organisations].join("; ");
      const kind = speaker.kind === "person" ? "" : ` (${speaker.kind})`;
      const also = speaker.variants.filter((variant) => variant !== speaker.name);
      return (
        `${String(speaker.quoteCount).padStart(3)}  ${speaker.name}${kind}${details ? ` — ${details}` : ""}` +
        `${also.length > 0 ? ` [also: ${also.join(", ")}]` : ""} in ${speaker.articleIds.length} article${speaker.articleIds.length === 1 ? "" : "s"}`
      );
    })
    .join("\n");
}
