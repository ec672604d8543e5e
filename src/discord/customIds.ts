/** The buttons under an answer carry the answer's memory key in their custom id. */
export type ButtonAction = { kind: "passages"; key: string } | { kind: "vote"; vote: Vote; key: string };
export const VOTES = ["helpful", "unhelpful"] as const;
export type Vote = (typeof VOTES)[number];

export const passagesButtonId = (key: string) => `passages:${key}`;
export const voteButtonId = (vote: Vote, key: string) => `vote:${vote}:${key}`;

/** Reads a button's custom id; null for ids this bot did not make. */
export function parseButtonId(customId: string): ButtonAction | null {
  const passages = /^passages:([\w-]{1,40})$/.exec(customId);
  if (passages?.[1]) return { kind: "passages", key: passages[1] };
  const vote = /^vote:(helpful|unhelpful):([\w-]{1,40})$/.exec(customId);
  if (vote?.[1] && vote[2]) return { kind: "vote", vote: vote[1] as Vote, key: vote[2] };
  return null;
}
