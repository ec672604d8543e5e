import type { Message } from "discord.js";
import type { ReplyPayload } from "./render/payload.js";

/**
 * Replies to a user's message at most once. The nonce is the message's own id and, with
 * `enforceNonce`, Discord returns the reply already made with that nonce (in the last few
 * minutes) instead of posting another. So a send whose response was lost (a 5xx after Discord
 * created the message, a response slower than the REST timeout), which discord.js retries with
 * the same body (at most 3 times), and an apology sent after such a failure, all end in one reply.
 */
export function replyOnce(message: Message, payload: ReplyPayload): Promise<Message> {
  return message.reply({ ...payload, nonce: message.id, enforceNonce: true });
}
