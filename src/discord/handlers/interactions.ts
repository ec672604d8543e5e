import type { Interaction } from "discord.js";
import { UserError } from "../../errors.js";
import { isAlreadyAcknowledged } from "../acknowledge.js";
import { messageCommands, slashCommands } from "../commands/index.js";
import type { BotContext } from "../context.js";
import { reportInteractionFailure } from "../failures.js";
import { handleButton } from "./buttons.js";

/** A command Discord still shows but this version of the bot no longer has. */
function unknownCommand(): never {
  throw new UserError("UNKNOWN_COMMAND", "I no longer know this command. An admin should run `npm run register` to update my commands.");
}

/** Routes every interaction to its command or button, and catches every error in one place. */
export function createInteractionHandler(context: BotContext): (interaction: Interaction) => Promise<void> {
  const slash = new Map(slashCommands.map((command) => [command.data.name, command]));
  const menus = new Map(messageCommands.map((command) => [command.data.name, command]));
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await (slash.get(interaction.commandName) ?? unknownCommand()).execute(interaction, context);
      else if (interaction.isAutocomplete()) await slash.get(interaction.commandName)?.autocomplete?.(interaction, context);
      else if (interaction.isMessageContextMenuCommand()) await (menus.get(interaction.commandName) ?? unknownCommand()).execute(interaction, context);
      else if (interaction.isButton()) await handleButton(interaction, context);
    } catch (error) {
      // A reply whose first attempt Discord accepted (its response lost, the retry refused): it was shown.
      if (isAlreadyAcknowledged(error)) return;
      if (!interaction.isRepliable()) {
        context.log.error(`autocomplete for /${interaction.isAutocomplete() ? interaction.commandName : "?"} failed`, error);
        return;
      }
      await reportInteractionFailure(interaction, error, context.log).catch((reportError: unknown) =>
        context.log.error("could not tell the user about a failed interaction", reportError),
      );
    }
  };
}
