/**
 * The one sanitiser for text the bot did not write (questions, article text, titles, outlets,
 * speaker names) on its way into a Discord message. Everything is sanitised whole, before any
 * cut to Discord's limits, and cuts keep each escape with what it escapes.
 */

declare const inert: unique symbol;
/** Text that shows literally in Discord: no masked link, mention or markdown of its own can come alive. */
export type SafeText = string & { readonly [inert]: true };

const ZERO_WIDTH_SPACE = "\u200b";
/**
 * Marks Discord reads wherever they stand. `(` is among them because every masked link needs a
 * `]` directly followed by `(`: with each `(` escaped no `[text](url)` can form, whatever the
 * brackets, zero-width characters or look-alikes around it, and however the text is cut.
 */
const ALWAYS_ESCAPED = new Set(["\\", "*", "_", "~", "`", "|", "("]);
/** Marks Discord reads only at the start of a line: headings, block quotes, lists, subtext. */
const LINE_START_MARKS = new Set(["#", ">", "-", "+"]);
const PING_WORD = /^(?:everyone|here)/i;
const LINE_BREAK = /[\n\r]/;

/** Sanitised text with, for each offset in the raw text, where it lands: cuts chosen in the raw text fall between escapes. */
export interface Sanitised {
  readonly raw: string;
  readonly text: SafeText;
  /** `at[i]` is where raw character i starts in `text`; `at[raw.length] === text.length`. */
  readonly at: readonly number[];
}

/**
 * Sanitises `raw` for a part of a message that Discord renders as markdown (`"markdown"`:
 * content, embed titles, descriptions and fields) or shows as plain text (`"plain"`: footers,
 * author names, button labels, autocomplete choices). Both break mentions: `<` is followed by a
 * zero-width space, as is an `@` before "everyone" or "here" or at the end (where the next text
 * could complete it). Markdown also gets a backslash before every mark Discord would read.
 */
export function sanitise(raw: string, sink: "markdown" | "plain" = "markdown"): Sanitised {
  let text = "";
  const at: number[] = [];
  let lineStart = true;
  let leadingNumber = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string;
    at.push(text.length);
    const escape =
      sink === "markdown" && (ALWAYS_ESCAPED.has(char) || (lineStart && LINE_START_MARKS.has(char)) || (leadingNumber && char === "."));
    text += escape ? `\\${char}` : char;
    if (char === "<" || (char === "@" && (i === raw.length - 1 || PING_WORD.test(raw.slice(i + 1, i + 9))))) text += ZERO_WIDTH_SPACE;
    leadingNumber = /\d/.test(char) && (lineStart || leadingNumber);
    lineStart = LINE_BREAK.test(char) || (lineStart && (char === " " || char === "\t"));
  }
  at.push(text.length);
  return { raw, text: text as SafeText, at };
}

/** Article text or a user's words, for a part of a message Discord renders as markdown. */
export function escapeText(raw: string): SafeText {
  return sanitise(raw).text;
}

/** Article text or a user's words, for a part of a message Discord shows as plain text. */
export function plainText(raw: string): SafeText {
  return sanitise(raw, "plain").text;
}

/** The sanitised form of `raw[0, rawEnd)`, cut from the whole so no escape is separated from what it escapes. */
export function sanitisedUpTo(sanitised: Sanitised, rawEnd: number): SafeText {
  return sanitised.text.slice(0, sanitised.at[rawEnd]) as SafeText;
}

/**
 * Markdown the bot writes, with others' words in it: the literal parts are the bot's own and
 * kept as written; every interpolated string is sanitised (`md\`No one called “${name}”.\``).
 */
export function md(literals: TemplateStringsArray, ...values: readonly (string | number)[]): SafeText {
  return literals.reduce((text, literal, i) => text + literal + (i < values.length ? format(values[i] as string | number) : ""), "") as SafeText;
}

const format = (value: string | number) => (typeof value === "number" ? String(value) : escapeText(value));

/**
 * Cuts text to `max` characters at a word boundary, ending with "…"; for titles and names. A cut
 * never separates a backslash from the mark it escapes, a zero-width space from the `<` or `@` it
 * breaks, or the halves of an emoji.
 */
export function truncateWords<T extends string>(text: T, max: number): T {
  if (text.length <= max) return text;
  const cut = text.slice(0, wholeUnitsEnd(text, max - 1));
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…` as T;
}

/** The largest offset up to `end` that does not split an escape, a mention break or a surrogate pair. */
function wholeUnitsEnd(text: string, end: number): number {
  let cut = Math.max(end, 0);
  while (cut > 0 && splitsUnit(text, cut)) cut--;
  return cut;
}

function splitsUnit(text: string, cut: number): boolean {
  const before = text.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) return true;
  if (text[cut] === ZERO_WIDTH_SPACE && (text[cut - 1] === "<" || text[cut - 1] === "@")) return true;
  let backslashes = 0;
  while (text[cut - 1 - backslashes] === "\\") backslashes++;
  return backslashes % 2 === 1;
}
