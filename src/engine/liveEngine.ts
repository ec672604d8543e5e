import type { Logger } from "../log.js";
import type { IndexStore } from "../retrieve/store.js";
import type { IndexBackend } from "./backend.js";
import type { Engine } from "./engine.js";

/** How often a live engine looks whether a new build was published, by default. */
const BUILD_POLL_MS = 1000;

export interface LiveEngineOptions {
  /** Where the builds are published: a folder's CURRENT pointer, or a database's manifest row. */
  builds: Pick<IndexBackend, "currentBuild" | "openStore">;
  log: Logger;
  /** An engine over a newly opened build, with the same encoder as the one serving. */
  makeEngine: (store: IndexStore) => Engine;
  pollMs?: number;
}

/**
 * An engine that follows the index while the bot runs. When `npm run index` publishes a new
 * build (the folder's CURRENT pointer moves, or the database's manifest gets a new build time),
 * it opens that build in the background and swaps
 * engines in one assignment: a question already asked finishes on the engine it started on,
 * the next one uses the new engine, and the old one is left to the garbage collector. A build
 * that cannot be loaded (damaged, made with another encoder) leaves the old engine serving and
 * is reported once.
 */
export class LiveEngine {
  private current: Engine;
  /** The name of the build serving now (backend.ts, currentBuild). */
  private loadedBuild: string | null;
  /** The last build that failed to load, so it is reported once, not at every look. */
  private failedBuild: string | null = null;
  private checking: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | undefined;

  private constructor(engine: Engine, build: string | null, private readonly options: LiveEngineOptions) {
    this.current = engine;
    this.loadedBuild = build;
  }

  /** Starts following the index from the engine already open over it. */
  static async follow(engine: Engine, options: LiveEngineOptions): Promise<LiveEngine> {
    return new LiveEngine(engine, await options.builds.currentBuild(), options);
  }

  /** The engine answering now. */
  get engine(): Engine {
    return this.current;
  }

  ask(...args: Parameters<Engine["ask"]>): ReturnType<Engine["ask"]> {
    return this.current.ask(...args);
  }

  retrieve(...args: Parameters<Engine["retrieve"]>): ReturnType<Engine["retrieve"]> {
    return this.current.retrieve(...args);
  }

  sources(): ReturnType<Engine["sources"]> {
    return this.current.sources();
  }

  outlets(): ReturnType<Engine["outlets"]> {
    return this.current.outlets();
  }

  describe(...args: Parameters<Engine["describe"]>): ReturnType<Engine["describe"]> {
    return this.current.describe(...args);
  }

  speakers(): ReturnType<Engine["speakers"]> {
    return this.current.speakers();
  }

  quotesBy(...args: Parameters<Engine["quotesBy"]>): ReturnType<Engine["quotesBy"]> {
    return this.current.quotesBy(...args);
  }

  builtAt(): string {
    return this.current.builtAt();
  }

  /** Looks for a new build every `pollMs` until `stop`; the timer does not keep the process alive. */
  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.options.pollMs ?? BUILD_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Loads and swaps in a newly published build; true when the engine changed. One look at a time. */
  check(): Promise<boolean> {
    this.checking ??= this.swapIfPublished().finally(() => (this.checking = null));
    return this.checking;
  }

  private async swapIfPublished(): Promise<boolean> {
    const { builds, log } = this.options;
    const build = await builds.currentBuild();
    if (build === null || build === this.loadedBuild || build === this.failedBuild) return false;
    try {
      const store = await builds.openStore();
      if (store === null) return false;
      const { manifest } = store.contents;
      const encoder = this.current.encoderId;
      if (manifest.encoder.id !== encoder) {
        throw new Error(`it was built with ${manifest.encoder.id}, but the bot runs ${encoder}; restart the bot to use it`);
      }
      const next = this.options.makeEngine(store);
      // Read the vocabulary now, not on the first question after the swap.
      await next.retrieve("warm up the new index", { k: 1 });
      this.current = next;
      this.loadedBuild = build;
      this.failedBuild = null;
      log.info(`Now answering from the index built at ${manifest.builtAt} (${manifest.articles.length} articles).`);
      return true;
    } catch (error) {
      this.failedBuild = build;
      const reason = error instanceof Error ? error.message : String(error);
      log.error(`The new index build ${build} could not be loaded (${reason}); still answering from the one loaded before.`);
      return false;
    }
  }
}
