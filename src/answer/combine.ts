import type { Answer, Citation, Confidence } from "../types.js";

/** One part of a question answered on its own, its [n] markers pointing into its own citations. */
export interface PartAnswer {
  /** The part as read, for saying which part the articles do not answer. */
  question: string;
  confidence: Confidence;
  /** Why a `low` answer may not answer the part, for the reader ("none of them gives that figure"). */
  doubt?: string;
  /** Sentences with [n] markers (high and low), or why nothing is cited (none). */
  text: string;
  citations: Citation[];
}

const key = (citation: Pick<Citation, "articleId" | "start">) => `${citation.articleId}@${citation.start}`;

/** Rewrites the [n] markers of a text through `renumber`. */
function remark(text: string, renumber: (n: number) => number): string {
  return text.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber(Number(n))}]`);
}

/**
 * Puts the passages the answer quotes first, in the order it quotes them, marked `cited`; the
 * other retrieved passages follow as "more passages", at most `limit` citations in all.
 */
export function citeWhatIsUsed(text: string, citations: readonly Citation[], limit: number): { text: string; citations: Citation[] } {
  const used = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])))];
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  const cited = used.flatMap((n) => byNumber.get(n) ?? []);
  const more = citations.filter((citation) => !used.includes(citation.n)).slice(0, Math.max(0, limit - cited.length));
  const ordered = [...cited, ...more].map((citation, index) => ({ ...citation, n: index + 1, cited: index < cited.length }));
  const renumbered = new Map([...cited, ...more].map((citation, index) => [citation.n, index + 1]));
  return { text: remark(text, (n) => renumbered.get(n) ?? n), citations: ordered };
}

/** The outcome of several parts: high only when every part is, none only when every part is. */
export function combinedConfidence(parts: readonly PartAnswer[]): Confidence {
  if (parts.every((part) => part.confidence === "high")) return "high";
  if (parts.every((part) => part.confidence === "none")) return "none";
  return "low";
}

/** Opens an answer the articles may not give exactly, saying why when known; the closest passages follow. */
export function notSure(doubt: string | undefined): string {
  return `The articles may not answer this exactly${doubt ? `: ${doubt}` : ""}. Closest passages:`;
}

/** An answer's sentences, each with the [n] markers after it (words after the last marker stay with it). */
function citedSentences(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  for (const match of text.matchAll(/\[\d+\](?:\s*\[\d+\])*/gu)) {
    const end = (match.index as number) + match[0].length;
    sentences.push(text.slice(from, end).trim());
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest !== "") sentences.length > 0 ? (sentences[sentences.length - 1] += ` ${rest}`) : sentences.push(rest);
  return sentences;
}

/** A cited sentence's words and its markers: "He said so. [2]" is "He said so." and "[2]". */
function splitMarkers(sentence: string): { words: string; markers: string } {
  const markers = /(?:\s*\[\d+\])+$/u.exec(sentence)?.[0] ?? "";
  return { words: sentence.slice(0, sentence.length - markers.length).trim(), markers: markers.trim() };
}

/**
 * What a part's cited sentences add to those shown: nothing when an earlier part quoted them with the same citation
 * (alone or among more of its sentences), and the rest when they hold one that was ("‘We will be talking about land.
 * We will be talking about power plants,’ he said. [3]" after "We will be talking about power plants,’ he said. [3]").
 */
function unquoted(sentence: string, shown: ReadonlySet<string>): string[] {
  const { words: own, markers } = splitMarkers(sentence);
  let rest = own;
  for (const earlier of shown) {
    const { words: quoted, markers: cited } = splitMarkers(earlier);
    if (cited !== markers || quoted === "") continue;
    if (quoted.includes(rest)) return [];
    if (rest.startsWith(`${quoted} `) || rest.endsWith(` ${quoted}`)) rest = rest.replace(quoted, "").trim();
  }
  return rest === own ? [sentence] : [`${rest} ${markers}`];
}

/**
 * One answer from the answers to a question's parts: each part's sentences in turn, saying
 * which part the articles do not answer, with one numbering of the citations of all parts.
 */
export function combineParts(question: string, parts: readonly PartAnswer[], limit: number, correctedQuestion?: string): Answer {
  const all: Citation[] = [];
  const numberOf = new Map<string, number>();
  const texts: string[] = [];
  const shown = new Set<string>();
  const single = parts.length === 1;
  for (const part of parts) {
    const local = new Map<number, number>();
    for (const citation of part.citations) {
      let n = numberOf.get(key(citation));
      if (n === undefined) {
        n = all.length + 1;
        numberOf.set(key(citation), n);
        all.push({ ...citation, n });
      }
      local.set(citation.n, n);
    }
    const marked = remark(part.text, (n) => local.get(n) ?? n);
    // Two parts answered by the same sentences ("how many were hurt, and how many lost power"): each quoted once, also
    // where one part quotes a passage's sentences and another one of them.
    const fresh = part.confidence === "none" ? [marked] : citedSentences(marked).flatMap((sentence) => unquoted(sentence, shown));
    if (fresh.length === 0 && part.confidence === "high") continue;
    const text = fresh.join(" ");
    for (const sentence of fresh) shown.add(sentence);
    if (part.confidence === "high") texts.push(text);
    else if (part.confidence === "low") {
      const unsure = `Not sure the articles answer “${part.question}”${part.doubt ? ` (${part.doubt})` : ""}`;
      texts.push(single ? `${notSure(part.doubt)} ${text}` : fresh.length === 0 ? `${unsure}.` : `${unsure}; closest: ${text}`);
    }
    else texts.push(single ? text : `The articles do not answer “${part.question.replace(/[?.!\s]+$/, "")}”.`);
  }
  const confidence = combinedConfidence(parts);
  // Parts past the first each have their own citations; keep every quoted one, then the best others.
  const { text, citations } = citeWhatIsUsed(texts.join(" "), all, Math.max(limit, 1));
  return {
    question,
    ...(correctedQuestion !== undefined ? { correctedQuestion } : {}),
    answered: confidence === "high",
    confidence,
    answer: text,
    citations: confidence === "none" ? [] : citations,
  };
}
