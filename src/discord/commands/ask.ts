import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUESTION_CHARS } from "../../engine/engine.js";
import { answerQuestion, runEngineCommand } from "../answering.js";
import type { BotContext } from "../context.js";
import { checkAskInput } from "../options.js";

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask about the news articles; the answer quotes them with numbered sources.")
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option.setName("question").setDescription("What do you want to know?").setRequired(true).setMaxLength(MAX_QUESTION_CHARS),
  )
  .addStringOption((option) => option.setName("outlet").setDescription("Only use articles from this outlet").setAutocomplete(true))
  .addBooleanOption((option) => option.setName("private").setDescription("Only you see the answer (default: everyone in the channel)"));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const { question, options } = checkAskInput(
    interaction.options.getString("question", true),
    interaction.options.getString("outlet"),
    context.engine.outlets(),
  );
  const ephemeral = interaction.options.getBoolean("private") ?? false;
  await runEngineCommand(interaction, context, ephemeral, () => answerQuestion(context, question, options));
}

export { outletAutocomplete as autocomplete } from "./outletAutocomplete.js";
