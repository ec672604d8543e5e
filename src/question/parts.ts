/**
 * Two-part questions ("What did Healey say about peace, and how did Hegseth respond?") and
 * comparisons across articles ("How do the reports differ on…"), recognised from the wording.
 */

const OPENER = "what|how|who|whom|whose|when|where|which|why|did|does|do|is|are|was|were|has|have|had";
// A new clause that asks something: after "?", ";", "and", ", but", ", while".
const BOUNDARY = new RegExp(
  String.raw`(?:[?;]+\s*|,?\s+and\s+(?:also\s+)?|,\s*(?:but|while|plus)\s+)(?=(?:(?:by|in|on|at|for|from|to|with|since|until)\s+)?(?:${OPENER})\b)`,
  "giu",
);
const COMPARISON =
  /\b(differ|differs|different|difference|differences|compare|compared|comparison|contrast|versions?|disagree|wording|word it|each (?:article|outlet|report|source)|(?:both|the two|two|all the|all) (?:articles|outlets|reports|papers|sources)|(?:articles|outlets|reports|sources|papers|media) (?:say|give|report|put|describe|differ|quote|word|cover)|(?:each|both) (?:quote|quoted|quotes|report|reported|word|worded|cover|covered|describe|described)|which (?:outlets|articles|reports|papers|sources))\b/iu;

/** Fewer content words than this and a "part" is an afterthought of the one before ("out of how many?"). */
const MIN_PART_WORDS = 2;
/** What a part ends with when the next one is split off: ", and", "?", "; but". */
const BOUNDARY_TAIL = /(?:[?;]+|,?\s+and(?:\s+also)?|,\s*(?:but|while|plus))\s*$/iu;
const FILLER = new Set(OPENER.split("|").concat("the a an of to in on at for out about and or".split(" ")));

function substantive(part: string): number {
  return (part.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !FILLER.has(word.toLowerCase())).length;
}

/** The parts of a question, each a question of its own; one part when it asks one thing. */
export function splitParts(question: string): string[] {
  const starts = [0, ...[...question.matchAll(BOUNDARY)].map((match) => (match.index as number) + match[0].length)];
  const pieces = starts.map((start, index) => ({ start, end: index + 1 < starts.length ? (starts[index + 1] as number) : question.length }));
  // An afterthought ("…?? out of how many") stays with the part before it, as typed.
  const merged: Array<{ start: number; end: number }> = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    // "Where and when are they meeting?": a first piece of no words of its own ("Where") asks with the next one.
    const opensAlone = previous !== undefined && merged.length === 1 && previous.start === 0 && substantive(question.slice(previous.start, previous.end)) === 0;
    if (previous !== undefined && (opensAlone || substantive(question.slice(piece.start, piece.end)) < MIN_PART_WORDS)) previous.end = piece.end;
    else merged.push({ ...piece });
  }
  const parts = merged
    .map(({ start, end }, index) => {
      const text = question.slice(start, end);
      return (index + 1 < merged.length ? text.replace(BOUNDARY_TAIL, "") : text).trim();
    })
    .filter((part) => part !== "");
  return parts.length > 0 ? parts : [question];
}

/** "How many Ukrainian troops?" as a part: a count with no verb of its own. */
const VERBLESS_COUNT = /^(how (?:many|much))\s+([^?!.]+?)\s*[?!.]*$/iu;
/** Where the counted thing of "how many X have been killed" ends and what is said of it begins. */
const PREDICATE_START = /\s(?=(?:did|do|does|is|are|was|were|has|have|had|will|would|could|can|should|remain|remains)\s)/iu;

/** The most words a counted thing with no verb is asked with ("Ukrainian troops", "North Korean soldiers"). */
const MAX_COUNTED_WORDS = 3;

/** Whether words after "how many" name only what is counted: "Ukrainian troops", not "residents lost power". */
function countedOnly(words: string): boolean {
  const list = words.split(/\s+/u);
  if (list.length > MAX_COUNTED_WORDS || PREDICATE_START.test(` ${words} `) || list.some((word) => /\p{L}{2,}ed$/iu.test(word))) return false;
  return list.length === 1 || /\p{L}s$/iu.test(list[list.length - 1] as string);
}

/**
 * A count asked with no verb after one asked with a verb takes that verb: "how many Russian
 * troops have been killed or injured, and how many Ukrainian troops?" asks how many Ukrainian
 * troops have been killed or injured. The part as typed when it is not such a count.
 */
export function completeCount(part: string, previous: string): string {
  const count = VERBLESS_COUNT.exec(part);
  if (count === null || !countedOnly(count[2] as string)) return part;
  const asked = /\bhow (?:many|much)\s+(.+)$/iu.exec(previous.replace(/[?!.\s]+$/u, ""));
  const predicate = asked === null ? undefined : (asked[1] as string).split(PREDICATE_START)[1];
  return predicate === undefined ? part : `${count[1] as string} ${count[2] as string} ${predicate}?`;
}

/** A count whose counted thing is left out: "how much is left", "how many have arrived". */
const THINGLESS_COUNT = /^(\s*(?:and\s+)?how (?:many|much))\s+((?:did|do|does|is|are|was|were|has|have|had|will|would|could|can|remain|remains)\s.*)$/iu;

/**
 * A count that leaves out what it counts, after one that says it, counts the same thing: "how
 * much Russian land did Ukraine hold at its peak, and how much is left under its control now?"
 * asks how much land is left. The part as typed when it is not such a count.
 */
export function completeThing(part: string, previous: string): string {
  const count = THINGLESS_COUNT.exec(part);
  if (count === null) return part;
  const asked = /\bhow (?:many|much)\s+(.+)$/iu.exec(previous.replace(/[?!.\s]+$/u, ""));
  const thing = asked === null ? undefined : (asked[1] as string).split(PREDICATE_START)[0]?.trim();
  if (thing === undefined || thing === "" || thing === asked?.[1] || /^of\b/iu.test(thing) || thing.split(/\s+/u).length > MAX_COUNTED_WORDS) return part;
  // The thing itself, not how the first part described it: "how many European troops…, and how many has Zelenskyy called
  // for?" asks how many troops Zelenskyy called for, European or not.
  const noun = thing.split(/\s+/u).at(-1) as string;
  return `${count[1] as string} ${noun} ${count[2] as string}`;
}

/** Whether the question asks how articles or outlets compare, rather than for one answer. */
export function isComparison(question: string): boolean {
  return COMPARISON.test(question) && likenedTo(question) === null;
}

/** "… compared with the UK's contracts?": a question about one thing, then the other it is compared with. */
const COMPARED_WITH = new RegExp(String.raw`^(\s*(?:${OPENER})\b.+?)\s*,?\s+(?:compared\s+(?:with|to)|versus|vs\.?|as opposed to)\s+(.+?)[?.!\s]*$`, "iu");
/** "How does the size of Starmer's force compare with…": a measure of one thing compared with another. */
const MEASURE_COMPARED = /^\s*how\s+(?:does|do|did|would)\s+(the\s+(?:size|number|scale|amount|figure|total|cost|value|length)\s+of\s+.+?)\s+compare\s+(?:with|to|against)\s+(.+?)[?.!\s]*$/iu;
/** A time alone: "now", "last year", "before the offensive" is no second thing. */
const WHEN_ONLY = /^(?:(?:right\s+)?now|then|today|currently|these days|before|after|earlier|later|last\s+(?:year|month|week|summer|autumn|winter|spring)|at\s+(?:its|the)\s+(?:peak|start|height)|(?:a|one)\s+(?:year|month|week)\s+ago)$/iu;
/** Words that make a comparison one of the articles themselves ("compared with what the other reports say"). */
const OF_ARTICLES = /\b(?:articles?|outlets?|reports?|sources?|papers?|media|versions?)\b/iu;

/**
 * A comparison of two figures or things as two parts, the second read against the first: "How
 * big is the EU package compared with the UK's drone contracts?" asks how big the package is,
 * "and how does that compare with the UK's drone contracts?". The question as it was when it
 * is no such comparison.
 */
export function comparedAsParts(question: string): string {
  if (OF_ARTICLES.test(question)) return question;
  const measure = MEASURE_COMPARED.exec(question);
  if (measure !== null) return `What is ${measure[1] as string}, and how does that compare with ${measure[2] as string}?`;
  const compared = COMPARED_WITH.exec(question);
  if (compared === null) return question;
  // "…, versus how many Russia claims it destroyed?" counts as the question does: one question already.
  const [first, second] = [compared[1] as string, compared[2] as string];
  // "…at its peak versus now?" compares two times of one thing, which one answer gives.
  if (/^how\s+(?:many|much)\b/iu.test(second) || WHEN_ONLY.test(second)) return question;
  return `${first}, and how does that compare with ${second}?`;
}

/** "What did Kellogg compare the aid pause to?", "what did he liken it with": a comparison someone made, not one of articles. */
const LIKENED = /^\s*what\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:compare|liken)\s+(.+?)\s+(?:to|with)\b(?:\s+(?:lol|lmao|tbh|exactly|again))*[?.!\s]*$/iu;

/** Who made the comparison a question asks about and of what, or null when it asks no such thing. */
export function likenedTo(question: string): { who: string; thing: string } | null {
  const match = LIKENED.exec(question);
  return match === null ? null : { who: (match[1] as string).trim(), thing: (match[2] as string).trim() };
}

/** "Compare what Lavrov and Peskov each said about…" ("What did Lavrov and Peskov each say" is one who-said-what question already). */
const SPEAKER_COMPARISON =
  /^\s*(?:compare|contrast)\s+what\s+(.+?)\s+and\s+(.+?)\s+(?:each\s+|both\s+)?(?:said|say|says|thought|told|wrote|posted|claimed|argued)\b\s*(.*?)[?.!\s]*$/iu;
/** "Medvedev versus Kornilov: what did each of them warn…", "Lavrov and Peskov - what did each say about…". */
const EACH_OF_TWO =
  /^\s*([^:?,-]+?)\s+(?:versus|vs\.?|v\.?|and)\s+([^:?,-]+?)\s*[:,-]+\s*what\s+did\s+(?:each(?:\s+of\s+them)?|they\s+each|both(?:\s+of\s+them)?)\s+(say|warn|claim|argue|predict|threaten|call|promise|want|think)\s*(.*?)[?.!\s]*$/iu;
/** The most words a person is named with here ("Russia's deputy foreign minister Grushko"). */
const MAX_NAME_WORDS = 6;

/**
 * A comparison of what two people said, as one question about each: "Compare what Lavrov and
 * Peskov each said about NATO troops" is "What did Lavrov say about NATO troops?" and the same
 * of Peskov. Null when the question is not one.
 */
export function speakerParts(question: string): string[] | null {
  // "Medvedev versus Kornilov: what did each of them warn would happen…" asks each what they warned.
  const each = EACH_OF_TWO.exec(question);
  if (each !== null) {
    const [first, second, verb, rest] = [each[1] as string, each[2] as string, each[3] as string, (each[4] ?? "").trim()];
    if ([first, second].some((name) => name.split(/\s+/).length > MAX_NAME_WORDS)) return null;
    return [first, second].map((name) => `What did ${name} ${verb}${rest === "" ? "" : ` ${rest}`}?`);
  }
  const match = SPEAKER_COMPARISON.exec(question);
  if (!match) return null;
  const [first, second, topic] = [match[1] as string, match[2] as string, (match[3] ?? "").trim()];
  if ([first, second].some((name) => name.split(/\s+/).length > MAX_NAME_WORDS)) return null;
  return [first, second].map((name) => `What did ${name} say${topic === "" ? "" : ` ${topic}`}?`);
}


/** Words a comparison of two sides uses to say "each of them", which a question about one side drops. */
const EACH = /\s+\b(?:each|both|respectively)\b/giu;
/** How many words may follow each side alike: "for Russian troops and for Ukrainian troops". */
const MAX_SHARED_WORDS = 3;

/**
 * A comparison of two people, countries or sides, as one question about each: "How did the
 * Italian and Canadian leaders' positions differ?" asks for the Italian leader's position and
 * the Canadian one's, wherever the articles give them (often in one article, so it is no
 * comparison of articles); so does "…for Russian troops and for Ukrainian troops?". `isSide`
 * says whether a word names one (a name, a place, a nationality). Null when no two sides are
 * joined by "and".
 */
export function sideParts(question: string, isSide: (word: string) => boolean): string[] | null {
  const tokens = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((match) => ({
    word: match[0].replace(/['’]s?$/u, "").toLowerCase(),
    start: match.index as number,
    end: (match.index as number) + match[0].length,
  }));
  // A run of side words may not cross punctuation: "…Macron, and how…" ends a side.
  const joined = (from: number, to: number) => !/[,;:?!]/u.test(question.slice(tokens[from]?.end ?? 0, tokens[to]?.start ?? 0));
  const side = (index: number) => tokens[index] !== undefined && isSide((tokens[index] as { word: string }).word);
  const word = (index: number) => tokens[index]?.word;
  for (let and = 1; and < tokens.length - 1; and++) {
    if (word(and) !== "and") continue;
    // The second side, past a repeated preposition ("for Russian troops and for Ukrainian troops").
    let second = and + 1;
    if (!side(second) && word(second + 1) !== undefined && side(second + 1)) second++;
    if (!side(second)) continue;
    let secondEnd = second;
    while (side(secondEnd + 1) && joined(secondEnd, secondEnd + 1)) secondEnd++;
    // What follows each side alike ("troops killed"), none when the sides stand together ("Italian and Canadian leaders").
    const followsBoth = (count: number) => [...Array(count).keys()].every((offset) => word(and - count + offset) !== undefined && word(and - count + offset) === word(secondEnd + 1 + offset));
    let shared = MAX_SHARED_WORDS;
    while (shared > 0 && !followsBoth(shared)) shared--;
    let first = and - 1 - shared;
    if (!side(first) || (second > and + 1 && word(first - 1) !== word(and + 1))) continue;
    while (side(first - 1) && joined(first - 1, first)) first--;
    // The first side keeps what follows the second ("…leaders' positions differ?"); the second what precedes the first.
    const [firstStart, secondStart] = [tokens[first]?.start, tokens[second]?.start];
    const parts = [
      question.slice(0, tokens[and - 1]?.end) + question.slice(tokens[secondEnd + shared]?.end),
      question.slice(0, firstStart) + question.slice(secondStart),
    ];
    return parts.map((part) => part.replace(EACH, "").replace(/\s+/gu, " ").trim());
  }
  return null;
}
