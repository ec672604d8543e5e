import { MessageFlags, type RepliableInteraction } from "discord.js";
import { isUserError } from "../errors.js";
import type { Logger } from "../log.js";
import { notice, type ReplyPayload } from "./render/payload.js";
import { md, type SafeText } from "./render/safeText.js";

const APOLOGY = md`😕 Sorry, something went wrong on my side. It has been logged; please try again in a moment.`;

/**
 * What a user is told about an error: a `UserError`'s own message (it names the problem and the
 * fix; sanitised, as it may quote what the user typed), or a short apology while the full error
 * goes to the log. The one place errors are turned into words for users.
 */
export function userFacingMessage(error: unknown, log: Logger, context: string): SafeText {
  if (isUserError(error)) return md`⚠️ ${error.message}`;
  log.error(context, error);
  return APOLOGY;
}

/** Answers an interaction so only its user sees it, whatever state the interaction is in. */
async function replyPrivately(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
  if (interaction.deferred && interaction.ephemeral) {
    await interaction.editReply(payload);
  } else if (interaction.deferred || interaction.replied) {
    // A public "thinking…" cannot turn private; remove it and answer privately instead.
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => {});
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  }
}

export async function reportInteractionFailure(interaction: RepliableInteraction, error: unknown, log: Logger): Promise<void> {
  const where = interaction.isCommand() ? `/${interaction.commandName}` : interaction.isButton() ? `button ${interaction.customId}` : "interaction";
  await replyPrivately(interaction, notice(userFacingMessage(error, log, `${where} failed`)));
}
