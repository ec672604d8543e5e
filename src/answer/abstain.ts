/** Words that open or shape a question and are capitalised only because they come first. */
const QUESTION_OPENERS = new Set(
  (
    "what who whom whose when where why how which is are was were do does did has have had can could will would " +
    "should shall may might tell show give list summarise summarize explain find according in on at the a an " +
    "please and or but if i"
  ).split(" "),
);

/**
 * Capitalised words of a question that look like names ("Angela Merkel", "Bitcoin"):
 * capitalised anywhere but the question's opening word, or the opening word when it is not a
 * question word. Possessives are dropped; acronyms count.
 */
export function namedTerms(question: string): string[] {
  const tokens = question.normalize("NFKC").match(/[\p{L}][\p{L}\p{N}'’.-]*/gu) ?? [];
  const names: string[] = [];
  tokens.forEach((token, index) => {
    const bare = token.replace(/['’]s?$/u, "").replace(/\.$/, "");
    if (!/^\p{Lu}/u.test(bare)) return;
    if (index === 0 && QUESTION_OPENERS.has(bare.toLowerCase())) return;
    if (QUESTION_OPENERS.has(bare.toLowerCase()) && bare !== bare.toUpperCase()) return;
    names.push(bare);
  });
  return names;
}

/** The named terms of a question that the corpus never mentions. */
export function unknownNames(question: string, mentions: (word: string) => boolean): string[] {
  return namedTerms(question).filter((name) => {
    const parts = name.toLowerCase().split(/[-.]/).filter((part) => part.length > 0);
    return !mentions(name.toLowerCase()) && !parts.every((part) => mentions(part));
  });
}
