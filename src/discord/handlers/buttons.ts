import { MessageFlags, type ButtonInteraction } from "discord.js";
import { UserError } from "../../errors.js";
import type { Answer } from "../../types.js";
import type { BotContext } from "../context.js";
import { parseButtonId } from "../customIds.js";
import { citationPassages, renderPassages } from "../render/passages.js";
import { notice } from "../render/payload.js";
import { md, type SafeText } from "../render/safeText.js";
import { plural } from "../render/text.js";

const FORGOTTEN = md`I no longer have this answer (it is older than my last restart). Ask again for a fresh one.`;

/** Says which passages the answer quotes (they come first) and which were only found. */
function passagesHeading(answer: Answer): SafeText {
  const total = answer.citations.length;
  const quoted = answer.citations.filter((citation) => citation.cited).length;
  if (quoted === 0) return md`${plural(total, "passage")} found for “${answer.question}” (the answer quotes none of them):`;
  const more = total > quoted ? `, then ${plural(total - quoted, "more passage")} found` : "";
  return md`The ${plural(quoted, "passage")} quoted in the answer to “${answer.question}”${more}:`;
}

/** A button whose id this bot did not make, or no longer makes: unanswered, Discord would say "This interaction failed". */
function unknownButton(): never {
  throw new UserError(
    "UNKNOWN_BUTTON",
    "I don't recognise this button: it may be from an older version of me, or not one of mine. Ask again with /ask or by mentioning me, and use the buttons under the new answer.",
  );
}

/** "Show passages" and the vote buttons under an answer; both answer only the user who pressed. */
export async function handleButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const action = parseButtonId(interaction.customId) ?? unknownButton();
  const answer = context.memory.get(action.key);
  if (answer === undefined) {
    await interaction.reply({ ...notice(FORGOTTEN), flags: MessageFlags.Ephemeral });
    return;
  }
  if (action.kind === "passages") {
    await interaction.reply({ ...renderPassages(passagesHeading(answer), citationPassages(answer.citations)), flags: MessageFlags.Ephemeral });
    return;
  }
  await context.feedback.record(action.vote, answer, action.key, interaction.user.id);
  const thanks = action.vote === "helpful" ? md`👍 Thanks! Recorded as helpful.` : md`👎 Thanks for saying so. Recorded as not helpful; it helps improve the answers.`;
  await interaction.reply({ ...notice(thanks), flags: MessageFlags.Ephemeral });
}
