import { Routes, type REST, type RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import { messageCommands, slashCommands } from "./commands/index.js";
import type { DiscordConfig } from "./config.js";
import { explainDiscordError } from "./rest.js";

/** The JSON of every command, as Discord registers it. */
function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...slashCommands.map((command) => command.data.toJSON()), ...messageCommands.map((command) => command.data.toJSON())];
}

/**
 * Registers the commands with one bulk overwrite: to one server when `DISCORD_GUILD_ID` is set
 * (instant, for development), else globally. Running it again replaces them with the same set.
 */
export async function registerCommands(rest: REST, config: Pick<DiscordConfig, "DISCORD_CLIENT_ID" | "DISCORD_GUILD_ID">): Promise<{ scope: string; names: string[] }> {
  const route =
    config.DISCORD_GUILD_ID === undefined
      ? Routes.applicationCommands(config.DISCORD_CLIENT_ID)
      : Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID);
  const registered = (await rest.put(route, { body: commandDefinitions() }).catch((error: unknown) => {
    throw explainDiscordError(error);
  })) as { name: string }[];
  return {
    scope: config.DISCORD_GUILD_ID === undefined ? "globally" : `in server ${config.DISCORD_GUILD_ID}`,
    names: registered.map((command) => command.name),
  };
}
