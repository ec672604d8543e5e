import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type RepliableInteraction } from "discord.js";

/**
 * Whether Discord refused a response because the interaction already has one (40060). discord.js
 * retries a response that got a 5xx or timed out, so when Discord accepted the first attempt but
 * its answer was lost, the retry gets this: the first attempt went through.
 */
export function isAlreadyAcknowledged(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/** `deferReply` that counts "already acknowledged" as the defer having gone through, so `editReply` can follow. */
export async function deferReplyOnce(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
  try {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.deferred = true;
    interaction.ephemeral = ephemeral;
  }
}
