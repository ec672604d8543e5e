/**
 * News outlets people name when they ask what one of them reported ("according to the LBC
 * report", "how do RT and the Independent each quote Lavrov"): the outlet says where the words
 * were published, not what the answer is about. Written from general knowledge of English-language
 * and wire outlets, not from the articles or any question set; the index adds the outlets its own
 * articles carry (sidecar `outlet`).
 */
export const NEWS_OUTLETS: readonly string[] = [
  "bbc", "reuters", "rt", "russia today", "tass", "ria novosti", "lbc", "sky news", "itv", "channel 4",
  "the independent", "the guardian", "the observer", "the times", "the sunday times", "the telegraph", "the daily telegraph",
  "the daily mail", "mail online", "the mail on sunday", "the express", "the daily express", "the mirror", "the sun",
  "the financial times", "the economist", "the i", "the new york times", "the washington post", "the wall street journal",
  "associated press", "the associated press", "afp", "agence france-presse", "bloomberg", "cnn", "fox news", "nbc", "cbs", "abc news",
  "politico", "axios", "al jazeera", "euronews", "deutsche welle", "dw", "france 24", "le monde", "der spiegel", "the kyiv independent",
  "kyiv post", "ukrainska pravda", "meduza", "novaya gazeta", "the moscow times",
];

/** The words of outlets' names that are written with a capital ("Independent", "LBC", "Mail"), lower case. */
export function outletWords(outlets: readonly string[]): Set<string> {
  return new Set(outlets.flatMap((outlet) => outlet.toLowerCase().split(/\s+/)).filter((word) => word !== "the" && word.length > 1));
}

/**
 * The outlets of a list that a question names, by their whole names with or without "the" ("the
 * Evening Paper", "evening paper"). A name of one word must be written with its capital and two
 * letters or more: "the sun was up" names no outlet called The Sun, nor does "I" one called The i.
 */
export function outletsNamedIn(question: string, outlets: readonly string[]): string[] {
  return outlets.filter((outlet) => {
    const bare = outlet.replace(/^the\s+/i, "");
    const name = bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const found = new RegExp(String.raw`(?<![\p{L}\p{N}])${name}(?![\p{L}\p{N}])`, "iu").exec(question);
    if (found === null) return false;
    return /\s/.test(bare) || (bare.length >= 2 && (found[0] === bare || /^\p{Lu}/u.test(found[0])));
  });
}
