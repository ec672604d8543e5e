import type { AutocompleteInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { outletChoices } from "../options.js";

/** Suggests the outlets the index knows, for any command's `outlet` option. */
export async function outletAutocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(focused.name === "outlet" ? outletChoices(context.engine.outlets(), focused.value) : []);
}
