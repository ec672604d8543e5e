import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { NOT_SURE_MARKER } from "../render/answer.js";
import { noPings } from "../render/payload.js";
import { updatedAt } from "../render/sources.js";

export const data = new SlashCommandBuilder()
  .setName("help")
  .setDescription("What this bot does and how to ask it.")
  .setContexts(InteractionContextType.Guild);

const HELP = [
  "I answer questions about a set of news articles, quoting their own sentences with numbered sources. " +
    "**Answers come only from the indexed articles**: when they do not cover something, I say so instead of guessing.",
  "",
  "**/ask** `question` [`outlet`] [`private`] — an answer with [n] markers and its sources. `private` shows it only to you.",
  "**/search** `query` [`outlet`] — the best-matching passages themselves, to read rather than be answered.",
  "**/quote** `speaker` — everything one person, role or institution is quoted as saying, with sources.",
  "**/sources** — the indexed articles: id, title, outlet, date and passage count.",
  "**/add-source** `url` or `file` — add a web page or a .txt/.md/.html article to the indexed articles (server managers): I reply once it can be asked about.",
  "**@mention me** with a question — the same answer as /ask, as a reply. Reply to my answer (or ask in a thread under it) to follow up: “what else did he say?”",
  "**Find sources** — right-click a message → Apps → Find sources: the passages about what it claims, or a note that the articles do not cover it.",
  "",
  "Under each answer: its sources, then **More passages** found but not quoted; **Show passages** (the full passages, only for you) and **Helpful** / **Not helpful** to tell the maintainers how it did.",
  `An amber answer marked **${NOT_SURE_MARKER}** quotes the closest passages I found: they may not answer your question exactly, so read them before relying on it.`,
].join("\n");

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const count = context.engine.sources().length;
  await interaction.reply({
    embeds: [
      {
        title: "News citation bot",
        description: HELP,
        // The index grows while the bot runs (npm run index): say how big it is now.
        footer: { text: `${count} indexed article${count === 1 ? "" : "s"}, updated ${updatedAt(context.engine.builtAt())}.` },
      },
    ],
    allowedMentions: noPings(),
    flags: MessageFlags.Ephemeral,
  });
}
