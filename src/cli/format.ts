import type { Speaker } from "../quotes/speakers.js";
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

/** The answer as a person reads it in a terminal: the answer, then numbered sources with quotes. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.answer, ""];
  if (answer.citations.length > 0) lines.push("Sources:");
  for (const citation of answer.citations) {
    lines.push(`[${citation.n}] ${sourceLine(citation)}`);
    lines.push(indent(`“${citation.text}”`, "    "));
    for (const other of citation.alsoReportedBy) {
      lines.push(`    Also reported by: ${sourceLine(other)}`);
      if (other.wording) lines.push(`      in these words: ${other.wording}`);
    }
  }
  return lines.join("\n").trimEnd();
}

/** The stable JSON shape of the CLI contract. */
export function answerJson(answer: Answer): object {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: answer.answer,
    citations: answer.citations.map((citation) => ({
      n: citation.n,
      articleId: citation.articleId,
      title: citation.title,
      outlet: citation.outlet,
      published: citation.published,
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
