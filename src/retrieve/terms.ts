/** Tokenising shared by the keyword index, answer composition and the abstention check. */

const STOPWORDS = new Set(
  (
    "a an the and or but if then than so of to in on at by for from with without about into onto over under " +
    "as is are was were be been being am do does did doing done has have had having will would shall should can could " +
    "may might must not no nor this that these those it its it's he him his she her they them their theirs we us our " +
    "you your i me my mine what which who whom whose when where why how all any both each few more most other some such " +
    "only own same too very just also there here up down out off again further once s t don now say says said tell told " +
    "ask asked give gave get got make made much many one"
  ).split(" "),
);

/** Lower-cased words and numbers ("30,000" stays one token), possessives removed. */
export function words(text: string): string[] {
  const normalised = text.normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'");
  const tokens = normalised.match(/[\p{L}\p{N}]+(?:[.,'-][\p{L}\p{N}]+)*/gu) ?? [];
  return tokens.flatMap((token) => {
    const bare = token.replace(/'s$/, "").replace(/,(?=\d{3}\b)/g, "");
    // Hyphenated compounds ("pro-russia", "200,000-troops") count as their parts too.
    return bare.includes("-") ? [bare, ...bare.split("-")] : [bare];
  });
}

/** A light plural stemmer (S-stemmer): "troops" → "troop", "countries" → "country". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Content terms of a text: stemmed words without stopwords. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((word) => !isStopword(word))
    .map(stem);
}
