import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { renderSources } from "../render/sources.js";

export const data = new SlashCommandBuilder()
  .setName("sources")
  .setDescription("List the indexed articles: id, title, outlet, date and passage count.")
  .setContexts(InteractionContextType.Guild);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await interaction.reply({ ...renderSources(context.engine.sources(), context.engine.builtAt()), flags: MessageFlags.Ephemeral });
}
