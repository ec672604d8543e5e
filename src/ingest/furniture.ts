/**
 * General rules for page furniture: the text a web page wraps around an article (appeals,
 * share widgets, comment forms, programme straps) that must never become a passage.
 */
import { DAY_NAMES, MONTH_NAMES } from "../text/calendar.js";

export type LineKind = "furniture" | "appeal" | "date" | "label" | "heading" | "subheading" | "text";

const BOILERPLATE =
  /^(source( link)?|related (articles|posts|stories|content)|leave a (reply|comment)|please enter your (comment|name|email)( here)?|stay connected|latest (articles|news|posts)|read more|advertisement|sponsored|share (this|on \w+)( article| story)?|click here\b.*|follow us\b.*|you may also like|most (popular|read)|comments?|sign up\b.*|subscribe\b.*|newsletter\b.*|(skip|jump) to (main )?content|listen to (this|the) article.*|image (source|caption)\b.*|getty images|copyright\b.*|©.*|all rights reserved\.?)[!.:]?$/i;

const SOCIAL_COUNTER = /^\d[\d,.]*\s*[km]?\s*(fans|followers|subscribers|likes|shares|comments|views)\s*(like|follow|subscribe|share)?$/i;

// A radio or TV programme strap: "James O'Brien 10am - 1pm", "Drivetime 16:00–19:00".
const PROGRAMME_STRAP =
  /^.{2,60}?\s\d{1,2}([:.]\d{2})?\s*(am|pm)?\s*[-–—]\s*\d{1,2}([:.]\d{2})?\s*(am|pm)?$/i;

const APPEAL =
  /\b(your support|your donation|donat(e|ion|ions|ing)|paywalls?|support (us|our journalism|independent journalism)|become a (member|subscriber)|make a contribution)\b/i;

const READER_ADDRESS = /\b(you|your|us|we|our)\b/i;

/** Parses a line that holds only a date (and perhaps a time) into `YYYY-MM-DD`, else null. */
export function parseDateLine(line: string): string | null {
  const text = line.trim().replace(/^(published|updated|posted)( on)?:?\s*/i, "");
  const time = String.raw`(,?\s*(at\s*)?\d{1,2}[:.]\d{2}(\s*(am|pm))?(\s*[A-Z]{2,4})?)?`;
  const weekday = String.raw`((${DAY_NAMES.map((day) => day.slice(0, 3)).join("|")})[a-z]*,?\s+)?`;
  const dayFirst = new RegExp(String.raw`^${weekday}(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})${time}$`, "i").exec(text);
  if (dayFirst) return isoDate(dayFirst[5], dayFirst[4], dayFirst[3]);
  const monthFirst = new RegExp(String.raw`^${weekday}([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})${time}$`, "i").exec(text);
  if (monthFirst) return isoDate(monthFirst[5], monthFirst[3], monthFirst[4]);
  const iso = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?${time}$`).exec(text);
  if (iso) return isoDate(iso[1], iso[2], iso[3]);
  return null;
}

function isoDate(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  if (year === undefined || month === undefined || day === undefined) return null;
  const monthNumber = /^\d+$/.test(month)
    ? Number(month)
    : MONTH_NAMES.findIndex((name) => name.startsWith(month.toLowerCase()) && month.length >= 3) + 1;
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > 31) return null;
  const date = new Date(Date.UTC(Number(year), monthNumber - 1, dayNumber));
  if (date.getUTCDate() !== dayNumber) return null;
  return date.toISOString().slice(0, 10);
}

/** A short line set in capitals, such as a kicker ("RUSSIAN PERSPECTIVE") or a subhead ("CEASEFIRE?"). */
function isCapitalsLabel(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  if (letters.length < 3) return false;
  const upper = line.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length >= 0.9 && line.split(/\s+/).length <= 8;
}

/** Classifies one trimmed, non-empty line by its own text. Context rules come after this. */
export function classifyLine(line: string): LineKind {
  if (/^#\s/.test(line)) return "heading";
  if (/^#{2,6}\s/.test(line)) return "subheading";
  if (BOILERPLATE.test(line) || SOCIAL_COUNTER.test(line) || PROGRAMME_STRAP.test(line)) return "furniture";
  if (parseDateLine(line) !== null) return "date";
  // An appeal speaks to the reader; a news sentence about a donation does not.
  if (APPEAL.test(line) && READER_ADDRESS.test(line)) return "appeal";
  if (isCapitalsLabel(line)) return "label";
  return "text";
}

/**
 * Marks as appeal every line that sits between two appeal lines with at most `maxGap` lines
 * between them: a donation box is a run of paragraphs, not all of which name money.
 */
export function widenAppeals(kinds: LineKind[], maxGap = 2): LineKind[] {
  const result = [...kinds];
  let previousAppeal = -1;
  kinds.forEach((kind, index) => {
    if (kind !== "appeal") return;
    if (previousAppeal >= 0 && index - previousAppeal - 1 <= maxGap) {
      for (let between = previousAppeal + 1; between < index; between++) {
        if (result[between] === "text") result[between] = "appeal";
      }
    }
    previousAppeal = index;
  });
  return result;
}
