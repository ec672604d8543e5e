import * as addSource from "./addSource.js";
import * as ask from "./ask.js";
import * as findSources from "./findSources.js";
import * as help from "./help.js";
import * as quote from "./quote.js";
import * as search from "./search.js";
import * as sources from "./sources.js";
import type { MessageCommand, SlashCommand } from "./types.js";

/** Every slash command, in the order `/help` and the registration list them. */
export const slashCommands: readonly SlashCommand[] = [ask, search, quote, sources, addSource, help];

/** Every message context-menu command. */
export const messageCommands: readonly MessageCommand[] = [findSources];
