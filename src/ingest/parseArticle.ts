import { createHash } from "node:crypto";
import type { Article, ArticleMeta, Paragraph, Section } from "../types.js";
import { classifyLine, parseDateLine, widenAppeals, type LineKind } from "./furniture.js";
import { endsLikeSentence, splitSentences } from "../text/sentences.js";

interface Line {
  start: number;
  end: number;
  text: string;
  kind: LineKind;
}

/** Longest headline we accept; longer unpunctuated lines are captions or broken text. */
const MAX_HEADLINE_WORDS = 25;
/** How many content lines from the top of a file a dateline may sit. */
const DATELINE_WINDOW = 6;
const SHORT_TITLE_WORDS = 12;

/** Splits a file into trimmed, non-empty lines with their offsets. */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\n]*(\n|$)/g;
  for (let match = pattern.exec(text); match !== null && match[0] !== ""; match = pattern.exec(text)) {
    const raw = match[0].replace(/\r?\n$/, "");
    const leading = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content !== "") {
      const start = match.index + leading;
      lines.push({ start, end: start + content.length, text: content, kind: classifyLine(content) });
    }
    if (pattern.lastIndex >= text.length) break;
  }
  const kinds = widenAppeals(lines.map((line) => line.kind));
  lines.forEach((line, index) => (line.kind = kinds[index] ?? line.kind));
  return lines;
}

function isHeadline(line: Line | undefined): line is Line {
  return (
    line !== undefined &&
    line.kind === "text" &&
    !endsLikeSentence(line.text) &&
    line.text.split(/\s+/).length <= MAX_HEADLINE_WORDS
  );
}

/** A short form of a paragraph's first sentence, for articles printed without a headline. */
export function shortTitle(paragraph: string): string {
  const first = splitSentences(paragraph)[0];
  const sentence = first ? paragraph.slice(first.start, first.end) : paragraph;
  const words = sentence.replace(/[.!?…]+$/u, "").split(/\s+/);
  return words.length <= SHORT_TITLE_WORDS ? words.join(" ") : `${words.slice(0, SHORT_TITLE_WORDS).join(" ")}…`;
}

/** The content hash of an article: what it says and what its sidecar says, so either changing re-indexes it. */
export function articleHash(text: string, meta: ArticleMeta): string {
  return createHash("sha256").update(text).update(JSON.stringify(meta)).digest("hex");
}

/**
 * Parses one article file: drops page furniture, finds headlines and the sections of a file
 * that holds several articles, and keeps every paragraph's offsets into `text`.
 */
export function parseArticle(id: string, file: string, text: string, meta: ArticleMeta = {}): Article {
  const lines = readLines(text);
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let published: string | null = null;
  let bodySeen = false;

  const openSection = (start: number, title: string | null, label: string | null) => {
    const previous = sections[sections.length - 1];
    if (previous) previous.end = start;
    sections.push({ index: sections.length, title: title ?? "", label, start, end: text.length });
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    const next = lines[index + 1];
    if (line.kind === "date") {
      if (published === null && index < DATELINE_WINDOW) published = parseDateLine(line.text);
      continue;
    }
    // A Markdown "# Headline" starts an article; the first one opens the file.
    if (line.kind === "heading") {
      openSection(sections.length === 0 ? 0 : line.start, line.text.replace(/^#\s+/, ""), null);
      bodySeen = false;
      continue;
    }
    if (line.kind !== "text" && line.kind !== "label") continue;

    // A kicker in capitals followed by a headline starts a new article in the same file.
    if (line.kind === "label" && isHeadline(next)) {
      openSection(line.start, next.text, line.text);
      index++;
      bodySeen = false;
      continue;
    }
    if (line.kind === "label") continue; // a subhead such as "CEASEFIRE?"
    if (sections.length === 0 && !bodySeen && isHeadline(line)) {
      openSection(0, line.text, null);
      continue;
    }
    // Unpunctuated lines inside the body are captions, straps and links to other stories.
    if (!endsLikeSentence(line.text)) continue;

    if (sections.length === 0) openSection(0, null, null);
    const section = sections[sections.length - 1] as Section;
    if (section.title === "") section.title = shortTitle(line.text);
    paragraphs.push({ section: section.index, start: line.start, end: line.end });
    bodySeen = true;
  }

  const title = meta.title ?? sections[0]?.title ?? id;
  if (meta.title !== undefined && sections.length === 1 && sections[0]) sections[0].title = meta.title;
  return {
    id,
    file,
    text,
    hash: articleHash(text, meta),
    title,
    outlet: meta.outlet ?? null,
    published: meta.published ?? published,
    url: meta.url ?? null,
    sections,
    paragraphs,
  };
}
