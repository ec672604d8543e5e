/**
 * Verbs that report speech in the forms articles use ("Peskov said", "she told reporters"): the
 * ones every check for reported words knows. Each check adds the verbs its own reading needs.
 */
export const REPORTING_VERBS: readonly string[] = ["said", "says", "added", "told", "wrote", "posted", "warned", "stated"];

/** Verbs a question asks for someone's words with ("What did Grushko say?", "How did Kyiv react?"). */
export const ASKING_VERBS: readonly string[] = [
  "say", "said", "says", "tell", "told", "respond", "responded", "react", "reacted", "reply", "replied", "claim", "claimed",
  "warn", "warned", "argue", "argued", "post", "posted", "write", "wrote", "think", "mean",
  // "How did von der Leyen describe the moment?": her words for it
  "describe", "described", "characterise", "characterised", "characterize", "characterized",
  // "What did the spokesman point out about…", "What did Starmer stress?": words said, put another way
  "point out", "pointed out", "note", "noted", "stress", "stressed", "insist", "insisted", "admit", "admitted",
  // "What did Kellogg liken the aid pause to?": his words for it ("compare" is left out: "how does X compare with Y" compares figures)
  "liken", "likened",
];
