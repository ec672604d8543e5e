/**
 * Chat-speak as people type it in Discord: abbreviations spelled out, greetings and filler
 * dropped. Only whole words are rewritten, and only these; everything else is left to the
 * spelling corrector, which checks against the articles' own vocabulary.
 */
import { isWordToken, tokenise } from "../text/tokens.js";
import { isTimeOfDay } from "./questionWords.js";

/** Abbreviations and their meaning; an empty meaning drops the word (filler such as "lol"). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  u: "you", ur: "your", r: "are", n: "and", abt: "about", bout: "about", wud: "would", wld: "would",
  cud: "could", shud: "should", nxt: "next", govt: "government", gov: "government", wat: "what",
  wot: "what", wht: "what", wut: "what", wen: "when", whats: "what is", wats: "what is", hows: "how is", wheres: "where is", whos: "who is", guvnor: "governor", hw: "how", y: "why", ppl: "people", bc: "because",
  cuz: "because", coz: "because", b4: "before", rn: "right now", smth: "something", sth: "something",
  im: "I am", dont: "don't", didnt: "didn't", doesnt: "doesn't", isnt: "isn't", wasnt: "wasn't",
  cant: "can't", wont: "won't", tryna: "trying to", gonna: "going to", wanna: "want to", gotta: "got to",
  da: "the", teh: "the", thru: "through", tho: "though", ya: "you", yr: "year", yrs: "years",
  pm: "prime minister", fm: "foreign minister", spox: "spokesman", pres: "president", sec: "secretary",
  ukr: "Ukraine", rus: "Russia", w: "with", msg: "message", sus: "suspicious", convo: "conversation",
  kinda: "kind of", sorta: "sort of", mite: "might", rly: "really", realy: "really", tmrw: "tomorrow", yday: "yesterday", acc: "actually", actl: "actually",
  nite: "night", tonite: "tonight", overnite: "overnight", tv: "television", no10: "No 10",
  lol: "", lmao: "", rofl: "", omg: "", tbh: "", imo: "", idk: "", pls: "", plz: "", please: "",
  thx: "", ty: "", btw: "", fyi: "", ngl: "", fr: "", ok: "acceptable", okay: "acceptable",
};

/** Greetings and set phrases that open a message without being part of the question. */
const OPENING =
  /^\s*(?:(?:hi|hello|hey|hiya|yo|heya|sup|thanks|thank you|thx|ty|cheers|ok|okay|so|um|hmm|quick one|quick question|question|bot|and|also|btw|pls|please)\b[\s,!.:;?-]*)+/iu;
/** A yes-or-no tag that ends a question without asking anything more: "…send troops or nah", "…, right?" (not "which ally was right?"). */
const CLOSING_TAG = /(?:[\s,]+or (?:nah|not|no|nope|what)|\s*,\s*(?:right|yeah|innit|yes or no))\s*([?!.]*)\s*$/iu;
const POLITE = /^\s*(?:can|could|would) you (?:please )?(?:tell|show|explain to) me\b[\s,:]*|^\s*(?:do you know|i wonder|any idea|i(?:'|’)?d like to know)\b[\s,:]*/iu;

export interface ChatRewrite {
  /** The text with abbreviations spelled out and filler dropped. */
  text: string;
  /** Whether anything was dropped or rewritten. */
  changed: boolean;
}

/** Names people shorten to "N"/"S" ("N Korea", "S Korean"). */
const COMPASS_NAMES = /^(?:korea|korean|koreans|ireland|irish|sudan|ossetia)$/i;

/** A word is rewritten only on its own; "2"/"4" only where they stand for "to"/"for". */
function expand(word: string, previous: string | undefined, next: string | undefined): string | undefined {
  const lower = word.toLowerCase();
  if (lower === "2" || lower === "4") {
    // "send 2 ukraine", "fighting 4 russia": between words, and not counting a plural ("2 drones").
    const wordBefore = previous !== undefined && /^\p{L}+$/u.test(previous);
    const wordAfter = next === undefined || (/^\p{L}+$/u.test(next) && !/s$/i.test(next) && !isTimeOfDay(next, word));
    return wordBefore && wordAfter ? (lower === "2" ? "to" : "for") : undefined;
  }
  // "n korea", "s korean": the compass points of a country's name, not "and".
  if ((lower === "n" || lower === "s") && next !== undefined && COMPASS_NAMES.test(next)) return lower === "n" ? "North" : "South";
  // "acc to Kyiv" is according to Kyiv; "did zelensky acc want" is actually.
  if (lower === "acc" && next?.toLowerCase() === "to") return "according";
  // "30k troops" is 30,000 troops.
  const thousands = /^(\d+)k$/i.exec(word);
  if (thousands) return (Number(thousands[1]) * 1000).toLocaleString("en-GB");
  if (isTimeOfDay(lower, previous)) return undefined;
  return Object.hasOwn(ABBREVIATIONS, lower) ? ABBREVIATIONS[lower] : undefined;
}

/** Whether a word is chat-speak this table knows ("lol", "abt"): English, if not in a dictionary. */
export const isChatWord = (word: string): boolean => Object.hasOwn(ABBREVIATIONS, word.toLowerCase());

/** Drops greetings and polite openers, spells out chat abbreviations. */
export function rewriteChat(question: string): ChatRewrite {
  let text = question;
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(OPENING, "").replace(POLITE, "");
  }
  text = text.replace(CLOSING_TAG, "$1");
  // Text made only of filler ("hi!") is left as it was: there is nothing else to ask.
  if (text.trim() === "") text = question;
  // "ex-leader" is a former leader.
  text = text.replace(/\bex-(?=\p{L})/giu, "former ");
  const tokens = tokenise(text);
  const words = tokens.filter(isWordToken);
  let wordIndex = 0;
  const out = tokens.map((token) => {
    if (!isWordToken(token)) return token;
    const replaced = expand(token, words[wordIndex - 1], words[wordIndex + 1]);
    wordIndex++;
    return replaced ?? token;
  });
  const result = out.join("").replace(/\s+([?!.,;:])/g, "$1").replace(/\s{2,}/g, " ").trim();
  // Nothing but filler ("lol"): there is nothing else to ask, so the message stays as it was.
  if (!/[\p{L}\p{N}]/u.test(result)) return { text: question.trim(), changed: false };
  return { text: result, changed: result !== question.trim() };
}
