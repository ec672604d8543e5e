import { watch, type FSWatcher } from "node:fs";
import type { EngineConfig } from "../config.js";
import { isUserError } from "../errors.js";
import type { Logger } from "../log.js";
import type { Embedder } from "../types.js";
import { describeBuild, runIndexer } from "./openEngine.js";

/** Quiet time after the last change before indexing: a copy of many files is one update. */
const DEBOUNCE_MS = 500;

export interface ArticleWatcher {
  /** Stops watching (an update under way still finishes). */
  close(): void;
}

/**
 * `npm run index -- --watch`: updates the index whenever files in ARTICLES_DIR appear, change
 * or disappear, once they have been quiet for a moment, embedding only what changed and
 * publishing each build (a running bot then answers from it). One update runs at a time; a
 * change during one starts another after it. A failed update is reported and watching goes on.
 */
export function watchArticles(config: EngineConfig, log: Logger, report: (line: string) => void, options: { debounceMs?: number } = {}): ArticleWatcher {
  let embedder: Embedder | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const update = async (): Promise<void> => {
    try {
      const built = await runIndexer(config, log, { rebuild: false, progress: false, embedder });
      embedder = built.embedder ?? embedder;
      if (built.result.status !== "up-to-date") report(describeBuild(built.result, config));
    } catch (error) {
      log.error(isUserError(error) ? `Updating the index failed: ${error.message} Still watching.` : "Updating the index failed; still watching", isUserError(error) ? undefined : error);
    }
  };
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = update().finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };
  const watcher: FSWatcher = watch(config.ARTICLES_DIR, () => {
    clearTimeout(timer);
    timer = setTimeout(run, options.debounceMs ?? DEBOUNCE_MS);
  });
  watcher.on("error", (error) => log.error(`Cannot watch ${config.ARTICLES_DIR} any more`, error));
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
