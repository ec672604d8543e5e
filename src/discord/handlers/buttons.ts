import { MessageFlags, type ButtonInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { parseButtonId } from "../customIds.js";
import { citedPassages, renderPassages } from "../render/passages.js";
import { notice } from "../render/payload.js";

const FORGOTTEN = "I no longer have this answer (it is older than my last restart). Ask again for a fresh one.";

/** "Show passages" and the vote buttons under an answer; both answer only the user who pressed. */
export async function handleButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const action = parseButtonId(interaction.customId);
  if (action === null) return;
  const answer = context.memory.get(action.key);
  if (answer === undefined) {
    await interaction.reply({ ...notice(FORGOTTEN), flags: MessageFlags.Ephemeral });
    return;
  }
  if (action.kind === "passages") {
    const heading = `The ${answer.citations.length} passages cited for “${answer.question}”:`;
    await interaction.reply({ ...renderPassages(heading, citedPassages(answer.citations)), flags: MessageFlags.Ephemeral });
    return;
  }
  await context.feedback.record(action.vote, answer, action.key, interaction.user.id);
  const thanks = action.vote === "helpful" ? "👍 Thanks! Recorded as helpful." : "👎 Thanks for saying so. Recorded as not helpful; it helps improve the answers.";
  await interaction.reply({ ...notice(thanks), flags: MessageFlags.Ephemeral });
}
