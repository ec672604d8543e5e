/**
 * How Discord reads a message, reduced to what the red-team tests need: which characters a
 * backslash escapes, and where a masked link, a mention or markdown would come alive. Written
 * from Discord's markdown rules, independently of the bot's sanitiser, and conservative where
 * the rules are unclear: a mention counts as live whether or not a backslash precedes it.
 */

const ESCAPABLE = /[^0-9A-Za-z\s]/;
const MARKDOWN = new Set(["*", "_", "~", "`", "|"]);
const LINE_START = /^[ \t]*(?:[#>+-]|\d+\.)/;

/** For each character, whether a backslash escapes it (the backslash itself counts as escaped). */
function escapedPositions(text: string): boolean[] {
  const escaped: boolean[] = new Array(text.length).fill(false);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && i + 1 < text.length && ESCAPABLE.test(text[i + 1] as string)) {
      escaped[i] = true;
      escaped[i + 1] = true;
      i++;
    }
  }
  return escaped;
}

// simple-markdown's link rule, which Discord's masked links follow: the text may hold nested
// brackets and backslashes (an escaped `\]` still closes it), the URL may sit in <…> after spaces.
const LINK_INSIDE = String.raw`(?:\[[^\]]*\]|[^\[\]]|\](?=[^\[]*\]))*`;
const LINK_TARGET = String.raw`\s*<?((?:\([^)]*\)|[^\s\\]|\\.)*?)>?(?:\s+['"]([\s\S]*?)['"])?\s*`;
const LINK = new RegExp(String.raw`^\[(${LINK_INSIDE})\]\(${LINK_TARGET}\)`);

/** Masked links Discord would make clickable: each one starting at a `[` no backslash escapes. */
export function liveLinks(text: string): string[] {
  const escaped = escapedPositions(text);
  const links: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "[" || escaped[i]) continue;
    const link = LINK.exec(text.slice(i))?.[0];
    if (link !== undefined) links.push(link);
  }
  return links;
}

/**
 * Stricter than `liveLinks`: every `]` directly followed by an unescaped `(`, the one junction
 * any masked link needs, whatever comes before it. Text without one cannot hold a masked link
 * however Discord reads the brackets.
 */
export function linkJunctions(text: string): string[] {
  const escaped = escapedPositions(text);
  const found: string[] = [];
  for (let i = 1; i < text.length; i++) if (text[i] === "(" && !escaped[i] && text[i - 1] === "]") found.push(text.slice(Math.max(0, i - 20), i + 20));
  return found;
}

/** Mentions Discord would render or ping: @everyone, @here, and <@…>, <#…>, <:…>, </…>, <t:…>, <a:…>. */
export function liveMentions(text: string): string[] {
  return [...text.matchAll(/@(?:everyone|here)|<(?:[@#:/]|[at]:)\S{0,24}/gi)].map((match) => match[0]);
}

/** Markdown Discord would format: unescaped emphasis, code and spoiler marks, and line-start headings, quotes and lists. */
export function liveMarkdown(text: string): string[] {
  const escaped = escapedPositions(text);
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!escaped[i] && MARKDOWN.has(text[i] as string)) found.push(`${text[i]} at ${i}`);
    if (i === 0 || text[i - 1] === "\n") {
      const start = LINE_START.exec(text.slice(i));
      if (start === null) continue;
      const mark = i + start[0].length - 1;
      if (!escaped[mark]) found.push(`line start ${JSON.stringify(start[0])} at ${i}`);
    }
  }
  return found;
}

/** Lone surrogates: half an emoji, left by a cut between the two halves. */
export function loneSurrogates(text: string): string[] {
  return [...text.matchAll(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g)].map((match) => `lone surrogate at ${match.index}`);
}

/** A backslash cut from what it escapes: at the very end, or just before a cut's "…". */
export function cutEscapes(text: string): string[] {
  const trailing = /(\\+)…?$/.exec(text)?.[1]?.length ?? 0;
  return trailing % 2 === 1 ? [JSON.stringify(text.slice(-20))] : [];
}
