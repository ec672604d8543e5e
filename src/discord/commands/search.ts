import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUESTION_CHARS } from "../../engine/engine.js";
import { runEngineCommand } from "../answering.js";
import type { BotContext } from "../context.js";
import { checkAskInput } from "../options.js";
import { renderPassages, retrievedPassages } from "../render/passages.js";
import { notice } from "../render/payload.js";
import { md } from "../render/safeText.js";

/** How many passages /search quotes. */
export const SEARCH_RESULTS = 5;

export const data = new SlashCommandBuilder()
  .setName("search")
  .setDescription("Read the passages that best match your words, quoted with their sources.")
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) => option.setName("query").setDescription("Words or a question to look for").setRequired(true).setMaxLength(MAX_QUESTION_CHARS))
  .addStringOption((option) => option.setName("outlet").setDescription("Only search articles from this outlet").setAutocomplete(true));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const { question: query, options } = checkAskInput(interaction.options.getString("query", true), interaction.options.getString("outlet"), context.engine.outlets());
  await runEngineCommand(interaction, context, false, async () => {
    const retrieved = await context.engine.retrieve(query, { ...options, k: SEARCH_RESULTS });
    if (retrieved.length === 0) return { payload: notice(md`No passage in the indexed articles matches “${query}”.`) };
    return { payload: renderPassages(md`🔎 The ${retrieved.length} passages that best match “${query}”:`, retrievedPassages(retrieved, context.engine)) };
  });
}

export { outletAutocomplete as autocomplete } from "./outletAutocomplete.js";
