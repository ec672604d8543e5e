/**
 * `SHARDS=auto|N npm start`: the bot under discord.js's ShardingManager. This process loads no
 * engine and opens no gateway connection; it forks one process per shard, each running the same
 * compiled entry (dist/src/discord/main.js) with the same environment, plus the SHARDS (its id),
 * SHARD_COUNT and SHARDING_MANAGER variables the manager sets, from which discord.js's Client
 * identifies with its own `[id, total]`.
 *
 * Answer memory stays per process, and that is enough: Discord sends a guild's events, interactions
 * included, only to the shard that owns the guild (`(guild_id >> 22) % total`), and DMs only to
 * shard 0. Every command is guild-only (`setContexts(Guild)`) and mentions are answered in servers
 * only, so an answer, the buttons under it, replies to it and its thread all belong to one guild:
 * a press or a follow-up reaches the shard that produced that answer and remembered it. (Changing the shard count
 * restarts every shard, which forgets its answers as a restart of one process does.)
 *
 * Stopping: SIGINT, SIGTERM or SIGHUP is passed to every shard, which finishes its answers in
 * progress and exits as a single bot does (see `superviseShutdown`); this process exits once they
 * all have, with the first non-zero status among them. A shard that exits on its own (a fatal
 * gateway close, a crash) stops the others too, and its status is the manager's, so that a
 * supervisor restarts the whole bot as it would restart one process. No shard outlives this
 * process: each also stops when its channel to the manager closes (see main.ts).
 */
import type { ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from "discord.js";
import type { Logger } from "../log.js";
import type { DiscordConfig, ShardsSetting } from "./config.js";
import { discordRest, explainDiscordError } from "./rest.js";
import { SHUTDOWN_GRACE_MS, STOP_SIGNALS } from "./shutdown.js";

/**
 * How long one shard may take to connect before the next one is started. Shards start one after
 * another (Discord allows one IDENTIFY per 5 s), and the first may build the index.
 */
const SHARD_READY_MS = 10 * 60_000;
/** After a stop was asked for, how long the shards get before they are killed. */
const STOP_MS = SHUTDOWN_GRACE_MS + 5_000;

export interface ShardsOptions {
  /** The compiled bot entry each shard runs. */
  file: string;
  shards: Exclude<ShardsSetting, undefined>;
  config: DiscordConfig;
  log: Logger;
  exit(code: number): void;
}

/** Asks Discord (GET /gateway/bot, at DISCORD_API_URL when set) how many shards it recommends. */
async function recommendedShards(config: DiscordConfig): Promise<number> {
  try {
    const gateway = (await discordRest(config).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return gateway.shards;
  } catch (error) {
    throw explainDiscordError(error);
  }
}

/** Starts the shards and supervises them until they have all exited; then calls `exit`. */
export async function runShards({ file, shards, config, log, exit }: ShardsOptions): Promise<void> {
  const total = shards === "auto" ? await recommendedShards(config) : shards;
  log.info(`Starting ${total} shard(s)${shards === "auto" ? " (Discord's recommendation)" : ""}.`);
  const manager = new ShardingManager(file, { totalShards: total, token: config.DISCORD_TOKEN, respawn: false, execArgv: process.execArgv });
  const running = new Map<number, ChildProcess>();
  let stopping = false;
  let status = 0;

  const finishIfDone = () => {
    if (stopping && running.size === 0) exit(status);
  };
  const stopAll = (signal: NodeJS.Signals) => {
    for (const child of running.values()) child.kill(signal);
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      log.warn(`Shard(s) ${[...running.keys()].join(", ")} still running ${STOP_MS / 1000} s after being asked to stop; killing them.`);
      for (const child of running.values()) child.kill("SIGKILL");
      exit(status || 1);
    }, STOP_MS).unref();
    finishIfDone();
  };

  manager.on("shardCreate", (shard: Shard) => {
    // Mode "process" (the default): each shard is a child process.
    shard.once("spawn", () => {
      if (!shard.process) return;
      running.set(shard.id, shard.process);
      // Started in the pause between shards, after another had already failed.
      if (stopping) shard.process.kill("SIGTERM");
    });
    shard.on("ready", () => log.info(`Shard ${shard.id} of ${total} connected.`));
    shard.once("death", () => {
      const child = running.get(shard.id);
      running.delete(shard.id);
      const code = child?.exitCode ?? (child?.signalCode ? 128 + constants.signals[child.signalCode] : 1);
      if (status === 0 && code !== 0) status = code;
      if (!stopping) {
        log.error(`Shard ${shard.id} of ${total} exited (status ${code}); stopping the others.`);
        stopAll("SIGTERM");
      }
      finishIfDone();
    });
  });
  // Each shard watches for the same signals (a Ctrl-C reaches the whole process group), and
  // tells a repeat of one apart from its echo: passing every signal on is safe.
  for (const signal of STOP_SIGNALS) process.on(signal, () => stopAll(signal));

  await manager.spawn({ timeout: SHARD_READY_MS }).catch((error: unknown) => {
    // A shard that died while starting has already stopped the rest (see "death" above).
    if (!stopping) {
      log.error("the shards could not start", error);
      if (status === 0) status = 1;
      stopAll("SIGTERM");
    }
  });
}
