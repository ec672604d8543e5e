import { InteractionContextType, MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { notice } from "../render/payload.js";
import { renderQuotes } from "../render/quotes.js";
import { md, plainText, truncateWords } from "../render/safeText.js";

export const data = new SlashCommandBuilder()
  .setName("quote")
  .setDescription("List everything one person or body is quoted as saying in the articles, with sources.")
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option.setName("speaker").setDescription("Who: start typing a name, a role or an institution").setRequired(true).setAutocomplete(true).setMaxLength(100),
  );

/** Discord shows at most 25 suggestions, each named in at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const choices = context.engine
    .speakers()
    .filter((speaker) => typed === "" || [speaker.name, ...speaker.variants, ...speaker.roles, ...speaker.organisations].some((text) => text.toLowerCase().includes(typed)))
    .slice(0, MAX_CHOICES)
    .map((speaker) => ({ name: truncateWords(plainText(`${speaker.name} (${speaker.quoteCount})`), MAX_CHOICE_NAME), value: speaker.id.slice(0, MAX_CHOICE_NAME) }));
  await interaction.respond(choices);
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const wanted = interaction.options.getString("speaker", true).trim();
  const speakers = context.engine.speakers();
  // A chosen suggestion gives the id; typed text without choosing falls back to the name.
  const speaker =
    speakers.find((candidate) => candidate.id === wanted) ??
    speakers.find((candidate) => [candidate.name, ...candidate.variants].some((name) => name.toLowerCase() === wanted.toLowerCase()));
  if (!speaker) {
    await interaction.reply({ ...notice(md`No one called "${wanted}" is quoted in the indexed articles. Pick a name from the suggestions.`), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.reply(renderQuotes(speaker, await context.engine.quotesBy(speaker.id), (articleId, section) => context.engine.describe(articleId, section)));
}
