import type { Message } from "discord.js";
import { validateQuestion } from "../../engine/engine.js";
import type { Answer } from "../../types.js";
import { answerQuestion } from "../answering.js";
import { isAllowedChannel } from "../channels.js";
import type { BotContext } from "../context.js";
import { userFacingMessage } from "../failures.js";
import { resolveFollowUp } from "../followups.js";
import { visibleText } from "../../util/visible.js";
import { describeRefusal } from "../limits.js";
import { notice } from "../render/payload.js";
import { md, type SafeText } from "../render/safeText.js";
import { replyOnce } from "../replyOnce.js";

const MENTION_HELP = md`Ask me a question after the mention, e.g. “@me What did Grushko say?”. /help lists everything I do.`;

/** The answer a message follows up on: the one it replies to, or the one whose thread it is in. */
function followedAnswer(message: Message<true>, context: BotContext): Answer | undefined {
  const replyTo = message.reference?.messageId;
  if (replyTo !== undefined) return context.memory.forMessage(replyTo);
  return message.channel.isThread() ? context.memory.forMessage(message.channelId) : undefined;
}

/** A public notice in reply to a message, unless its author or its channel has had its share (see `NoticeGate`). */
async function replyNotice(message: Message<true>, context: BotContext, text: SafeText): Promise<void> {
  if (context.notices.allow(message.author.id, message.channelId)) await replyOnce(message, notice(text));
}

/**
 * Answers `@bot <question>`, replies to the bot's answers, and questions (ending in "?") in a
 * thread under an answer. Follow-ups are resolved against the question they follow.
 */
export function createMessageHandler(context: BotContext): (message: Message) => Promise<void> {
  return async (message) => {
    if (message.author.bot || message.webhookId !== null || !message.inGuild()) return;
    const botId = message.client.user.id;
    const mention = new RegExp(`<@!?${botId}>`, "g");
    const mentioned = mention.test(message.content);
    const previous = followedAnswer(message, context);
    const text = visibleText(message.content.replace(mention, " ")).replace(/\s+/g, " ").trim();
    const repliesToBot = message.reference !== null && (previous !== undefined || message.mentions.repliedUser?.id === botId);
    const threadQuestion = message.reference === null && previous !== undefined && text.endsWith("?");
    if (!mentioned && !repliesToBot && !threadQuestion) return;
    const parentId = message.channel.isThread() ? message.channel.parentId : null;
    if (!isAllowedChannel(context.config, message.channelId, parentId)) return;
    try {
      if (text === "") {
        if (mentioned) await replyNotice(message, context, MENTION_HELP);
        return;
      }
      // The question as the engine read it names the subject with typos fixed ("Grushkoo" → "Grushko").
      const question = validateQuestion(previous ? resolveFollowUp(previous.correctedQuestion ?? previous.question, text) : text);
      const admission = context.limiter.admit(message.author.id);
      if (!admission.ok) {
        await replyNotice(message, context, describeRefusal(admission));
        return;
      }
      try {
        await message.channel.sendTyping().catch(() => {});
        const { payload, key } = await answerQuestion(context, question, {});
        const reply = await replyOnce(message, payload);
        context.memory.linkMessage(reply.id, key);
        // The thread's next follow-up builds on this answer rather than on the thread's first one.
        if (message.channel.isThread() && previous !== undefined) context.memory.linkMessage(message.channelId, key);
      } finally {
        admission.release();
      }
    } catch (error) {
      await replyNotice(message, context, userFacingMessage(error, context.log, "answering a message failed")).catch((replyError: unknown) =>
        context.log.error("could not tell the user about a failed answer", replyError),
      );
    }
  };
}
