import { Client, Events, type ClientOptions } from "discord.js";
import type { UserError } from "../errors.js";
import type { Logger } from "../log.js";
import type { DiscordConfig } from "./config.js";
import type { AnswerEngine, BotContext } from "./context.js";
import type { FeedbackLog } from "./feedback.js";
import { fatalCloseError } from "./gatewayClose.js";
import { createInteractionHandler } from "./handlers/interactions.js";
import { createMessageHandler } from "./handlers/mentions.js";
import { botIntents } from "./intents.js";
import { AnswerLimiter } from "./limits.js";
import { AnswerMemory } from "./memory.js";
import { NoticeGate } from "./notices.js";
import { noPings } from "./render/payload.js";
import type { SourceAdder } from "../engine/addSource.js";

export interface BotDependencies {
  engine: AnswerEngine;
  config: DiscordConfig;
  log: Logger;
  feedback: FeedbackLog;
  /** Whether to ask for the privileged Message Content intent (see `detectMessageContent`). */
  messageContent: boolean;
  /** Extra discord.js options, e.g. shorter timeouts in tests. */
  clientOptions?: Omit<Partial<ClientOptions>, "intents">;
  /** Adds a web page to the articles and the running engine (/add-source); without it the command says it is off. */
  addSource?: SourceAdder;
}

export interface Bot {
  client: Client;
  context: BotContext;
  /** Stops taking questions, lets answers in progress finish (up to `graceMs`), then disconnects. */
  shutdown(graceMs: number): Promise<void>;
  /**
   * Calls `listener` when Discord closes the connection for good (see `fatalCloseError`), at start
   * or later: discord.js does not reconnect, so the bot can no longer hear questions.
   */
  onFatalClose(listener: (error: UserError) => void): void;
}

/** A discord.js client wired to the engine; call `client.login(token)` to connect. */
export function createBot({ engine, config, log, feedback, messageContent, clientOptions = {}, addSource }: BotDependencies): Bot {
  const client = new Client({
    intents: botIntents(messageContent),
    allowedMentions: noPings(),
    ...clientOptions,
    rest: { ...(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }), ...clientOptions.rest },
  });
  const context: BotContext = {
    engine,
    config,
    log,
    feedback,
    limiter: new AnswerLimiter({ cooldownMs: config.ANSWER_COOLDOWN_SECONDS * 1000, maxConcurrent: config.MAX_CONCURRENT_ANSWERS }),
    memory: new AnswerMemory(),
    notices: new NoticeGate(),
    ...(addSource === undefined ? {} : { addSource }),
  };
  const onInteraction = createInteractionHandler(context);
  const onMessage = createMessageHandler(context);
  // The handlers catch their own errors; these catches only keep a bug in them from crashing the bot.
  const interactionListener = (interaction: Parameters<typeof onInteraction>[0]) =>
    void onInteraction(interaction).catch((error: unknown) => log.error("interaction handler failed", error));
  const messageListener = (message: Parameters<typeof onMessage>[0]) =>
    void onMessage(message).catch((error: unknown) => log.error("message handler failed", error));
  client.on(Events.InteractionCreate, interactionListener);
  client.on(Events.MessageCreate, messageListener);
  client.on(Events.Error, (error) => log.error("Discord client error", error));
  let fatalClose: UserError | null = null;
  const fatalListeners: ((error: UserError) => void)[] = [];
  // Emitted only for close codes discord.js does not reconnect after, just before their ShardError.
  client.on(Events.ShardDisconnect, ({ code }) => {
    fatalClose = fatalCloseError(code);
    for (const listener of fatalListeners) listener(fatalClose);
  });
  client.on(Events.ShardError, (error) => fatalClose ?? log.error("Discord connection error", error));
  client.on(Events.Warn, (message) => log.warn(message));
  let stopping = false;
  client.on(Events.ShardReconnecting, () => stopping || log.info("Lost the Discord connection; reconnecting…"));
  client.on(Events.ShardResume, () => log.info("Discord connection resumed."));
  client.once(Events.ClientReady, (ready) => log.info(`Connected to Discord as ${ready.user.tag} in ${ready.guilds.cache.size} server(s).`));

  return {
    client,
    context,
    async shutdown(graceMs) {
      stopping = true;
      client.off(Events.InteractionCreate, interactionListener);
      client.off(Events.MessageCreate, messageListener);
      if (!(await context.limiter.whenIdle(graceMs))) log.warn(`Stopped waiting for ${context.limiter.activeAnswers} answer(s) in progress.`);
      await feedback.flush();
      await client.destroy();
    },
    onFatalClose(listener) {
      fatalListeners.push(listener);
    },
  };
}
