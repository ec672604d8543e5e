/**
 * Words that open a question ("What", "Did", "Tell", "According to", "And"), capitalised only
 * because they come first, never part of a name.
 */
export const QUESTION_OPENERS: readonly string[] = (
  "what who whom whose when where why how which is are was were do does did has have had can could will would should " +
  "tell please according and but so the a an in on i"
).split(" ");
