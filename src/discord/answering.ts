import { MessageFlags, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from "discord.js";
import type { AskOptions } from "../types.js";
import { deferReplyOnce } from "./acknowledge.js";
import { isAllowedChannel, notAllowedMessage } from "./channels.js";
import type { BotContext } from "./context.js";
import { describeRefusal } from "./limits.js";
import { renderAnswer } from "./render/answer.js";
import { notice, type ReplyPayload } from "./render/payload.js";

/** The engine's answer, remembered for its buttons and follow-ups, rendered for Discord. */
export async function answerQuestion(context: BotContext, question: string, options: AskOptions): Promise<{ payload: ReplyPayload; key: string }> {
  const answer = await context.engine.ask(question, options);
  const key = context.memory.remember(answer);
  return { payload: renderAnswer(answer, key), key };
}

type EngineInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/**
 * The shape of every command that calls the engine: channel allow-list and limits first (a
 * refusal is private and immediate), then `deferReply` within Discord's 3-second window, then
 * the engine work, then the edited reply. Errors propagate to the interaction router.
 */
export async function runEngineCommand(
  interaction: EngineInteraction,
  context: BotContext,
  ephemeral: boolean,
  work: () => Promise<{ payload: ReplyPayload; key?: string }>,
): Promise<void> {
  const channel = interaction.channel;
  const parentId = channel?.isThread() ? channel.parentId : null;
  if (!isAllowedChannel(context.config, interaction.channelId, parentId)) {
    await interaction.reply({ ...notice(notAllowedMessage(context.config)), flags: MessageFlags.Ephemeral });
    return;
  }
  const admission = context.limiter.admit(interaction.user.id);
  if (!admission.ok) {
    await interaction.reply({ ...notice(describeRefusal(admission)), flags: MessageFlags.Ephemeral });
    return;
  }
  try {
    await deferReplyOnce(interaction, ephemeral);
    const { payload, key } = await work();
    const message = await interaction.editReply(payload);
    if (key !== undefined) context.memory.linkMessage(message.id, key);
  } finally {
    admission.release();
  }
}
