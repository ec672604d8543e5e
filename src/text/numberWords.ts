/** Numbers written as words ("three", "hundreds", "a dozen"), lower-case. */
export const NUMBER_WORDS: readonly string[] = (
  "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty " +
  "hundred hundreds thousand thousands million millions billion dozen dozens"
).split(" ");
