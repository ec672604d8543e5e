import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { elapsedMs, spreadOf, type Spread } from "./stats.js";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

function wallTime(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: elapsedMs(start), stdout, code }));
  });
}

export interface ReindexFigures {
  /** `npm run index` wall time, npm's own start-up included (null when not measured). */
  npmMs: Spread | null;
  /** `tsx scripts/index.ts` wall time: the same work without npm. */
  tsxMs: Spread;
  output: string;
}

/**
 * Wall time of re-running the indexer on an unchanged corpus, as a user would type it
 * (`npm run index`) and without npm (`tsx scripts/index.ts`). The encoder setting is the
 * user's own, so `auto` includes its check for a downloadable model.
 */
export async function reindexUnchanged(indexDir: string, articlesDir: string, repeats: number, options: { viaNpm: boolean }): Promise<ReindexFigures> {
  const env = { ...process.env, INDEX_DIR: indexDir, ARTICLES_DIR: articlesDir };
  const npm: number[] = [];
  const tsx: number[] = [];
  let output = "";
  const check = <T extends { stdout: string; code: number | null }>(result: T): T => {
    if (result.code !== 0 || !/up to date/.test(result.stdout)) {
      throw new Error(`re-indexing an unchanged corpus did not report "up to date": ${result.stdout.trim() || `exit ${result.code}`}`);
    }
    return result;
  };
  for (let run = 0; run < repeats; run++) {
    if (options.viaNpm) npm.push(check(await wallTime("npm", ["run", "--silent", "index"], env)).ms);
    const direct = check(await wallTime(path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), ["scripts/index.ts"], env));
    tsx.push(direct.ms);
    output = direct.stdout.trim();
  }
  return { npmMs: options.viaNpm ? spreadOf(npm) : null, tsxMs: spreadOf(tsx), output };
}
