/**
 * Words that open a question ("What", "Did", "Tell", "According to", "And"), capitalised only
 * because they come first, never part of a name.
 */
export const QUESTION_OPENERS: readonly string[] = (
  "what who whom whose when where why how which is are was were do does did has have had can could will would should " +
  "tell please according and but so the a an in on i " +
  // "Wasn't the push into Russia called…?", "Didn't Trump say…?"
  "isn't aren't wasn't weren't don't doesn't didn't hasn't haven't hadn't can't couldn't won't wouldn't shouldn't"
)
  .split(" ")
  .flatMap((word) => (word.includes("'") ? [word, word.replace("'", "’")] : [word]));
