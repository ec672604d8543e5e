import type { SourceAdder } from "../engine/addSource.js";
import type { Engine } from "../engine/engine.js";
import type { Logger } from "../log.js";
import type { DiscordConfig } from "./config.js";
import type { FeedbackLog } from "./feedback.js";
import type { AnswerLimiter } from "./limits.js";
import type { AnswerMemory } from "./memory.js";
import type { NoticeGate } from "./notices.js";

/** The part of the engine the Discord layer uses; tests may wrap or fake it. */
export type AnswerEngine = Pick<Engine, "ask" | "retrieve" | "sources" | "outlets" | "describe" | "speakers" | "quotesBy" | "builtAt">;

/** Everything a command or handler needs, built once in `createBot`. */
export interface BotContext {
  engine: AnswerEngine;
  config: DiscordConfig;
  log: Logger;
  limiter: AnswerLimiter;
  /** Limits the public notices that answer messages (see `NoticeGate`). */
  notices: NoticeGate;
  memory: AnswerMemory;
  feedback: FeedbackLog;
  /** Adds a web page to the articles and the running engine; absent where the bot does not allow it. */
  addSource?: SourceAdder;
}
