import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { notice } from "../render/payload.js";
import { md } from "../render/safeText.js";

/** Longest address accepted; real article addresses are far shorter. */
const MAX_URL_CHARS = 2000;

export const data = new SlashCommandBuilder()
  .setName("add-source")
  .setDescription("Add a web page or an article file to the indexed articles (server managers only).")
  .setContexts(InteractionContextType.Guild)
  // Managers only by default; a server can change who may use it in its Integrations settings.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((option) => option.setName("url").setDescription("The address of the article's web page").setMaxLength(MAX_URL_CHARS))
  .addAttachmentOption((option) => option.setName("file").setDescription("Or the article as a .txt, .md or .html file"));

/**
 * Fetches a page (or an attached article file), adds it to the articles, updates the index and answers (privately) once the
 * page can be asked about, with its title; a rejected page gets the reason, privately too.
 */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const url = interaction.options.getString("url")?.trim() ?? "";
  const file = interaction.options.getAttachment("file");
  const refuse = (text: ReturnType<typeof md>) => interaction.reply({ ...notice(text), flags: MessageFlags.Ephemeral });
  if (context.addSource === undefined) {
    await refuse(md`Adding sources is not switched on for this bot.`);
    return;
  }
  if ((url === "") === (file === null)) {
    await refuse(md`Give either a url or a file (.txt, .md or .html), not both and not neither.`);
    return;
  }
  const what = file === null ? url : file.name;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const added = await context.addSource(file === null ? { url } : { file: { name: file.name, url: file.url, size: file.size } });
    const text =
      added.status === "added"
        ? md`Added “${added.title}” (\`${added.articleId}\`): it can be asked about now.`
        : md`Not added: “${added.title}” is already indexed (${added.reason}).`;
    await interaction.editReply(notice(text));
  } catch (error) {
    context.log.warn(`/add-source ${what} was refused: ${error instanceof Error ? error.message : String(error)}`);
    await interaction.editReply(notice(md`Could not add ${what}: ${error instanceof Error ? error.message : String(error)}.`));
  }
}
