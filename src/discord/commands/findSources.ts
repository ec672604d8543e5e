import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, type MessageContextMenuCommandInteraction } from "discord.js";
import { UserError } from "../../errors.js";
import type { Answer } from "../../types.js";
import { runEngineCommand } from "../answering.js";
import type { BotContext } from "../context.js";
import { claimFrom } from "../options.js";
import { citationPassages, renderPassages } from "../render/passages.js";
import { notice, type ReplyPayload } from "../render/payload.js";
import { md } from "../render/safeText.js";

/** Passages quoted for a claim: a few strong ones read better in a discussion than many. */
const CLAIM_PASSAGES = 3;

export const data = new ContextMenuCommandBuilder()
  .setName("Find sources")
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild);

/**
 * The engine decides whether the articles cover the claim; this only words the result. A `low`
 * answer still shows its closest passages, saying they may not support the claim exactly.
 */
export function renderClaimSources(claim: string, answer: Answer): ReplyPayload {
  if (answer.confidence === "none" || answer.citations.length === 0) {
    return notice(md`📭 The indexed articles do not support or discuss this claim: “${claim}”\n${answer.answer}`);
  }
  const heading =
    answer.confidence === "high"
      ? md`📎 Passages in the indexed articles about “${claim}”. Read them to judge whether they support it:`
      : md`📎 Passages in the indexed articles about “${claim}”. ⚠️ Not sure they support it exactly: these are only the closest passages, so read them before relying on them:`;
  return renderPassages(heading, citationPassages(answer.citations));
}

export async function execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void> {
  const claim = claimFrom(interaction.targetMessage.content);
  if (claim === "") throw new UserError("CLAIM_EMPTY", "That message has no text to find sources for.");
  await runEngineCommand(interaction, context, context.config.FIND_SOURCES_PRIVATE, async () => ({
    payload: renderClaimSources(claim, await context.engine.ask(claim, { k: CLAIM_PASSAGES })),
  }));
}
