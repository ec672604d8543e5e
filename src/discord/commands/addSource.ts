import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { notice } from "../render/payload.js";
import { md } from "../render/safeText.js";

/** Longest address accepted; real article addresses are far shorter. */
const MAX_URL_CHARS = 2000;

export const data = new SlashCommandBuilder()
  .setName("add-source")
  .setDescription("Add a web page to the indexed articles (server managers only).")
  .setContexts(InteractionContextType.Guild)
  // Managers only by default; a server can change who may use it in its Integrations settings.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((option) => option.setName("url").setDescription("The address of the article's web page").setRequired(true).setMaxLength(MAX_URL_CHARS));

/**
 * Fetches a page, adds it to the articles, updates the index and answers (privately) once the
 * page can be asked about, with its title; a rejected page gets the reason, privately too.
 */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const url = interaction.options.getString("url", true).trim();
  if (context.addSource === undefined) {
    await interaction.reply({ ...notice(md`Adding sources is not switched on for this bot.`), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const added = await context.addSource(url);
    const text =
      added.status === "added"
        ? md`Added “${added.title}” (\`${added.articleId}\`): it can be asked about now.`
        : md`Not added: “${added.title}” is already indexed (${added.reason}).`;
    await interaction.editReply(notice(text));
  } catch (error) {
    context.log.warn(`/add-source ${url} was refused: ${error instanceof Error ? error.message : String(error)}`);
    await interaction.editReply(notice(md`Could not add ${url}: ${error instanceof Error ? error.message : String(error)}.`));
  }
}
