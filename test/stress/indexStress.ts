/**
 * Index stress runs (not part of `npm test`: they take minutes). Run with tsx:
 *
 *   npx tsx test/stress/indexStress.ts concurrent [--runs 100] [--articles 1000]
 *     Each run starts two indexer processes on one folder at once (both --rebuild) and checks
 *     that both exit 0 and that the index then loads and answers.
 *   npx tsx test/stress/indexStress.ts kill [--runs 200] [--seed 1] [--articles 1000]
 *     Each run starts an indexer and kills it with SIGKILL at a seeded random moment, then
 *     checks that the index still loads and answers (from the old build or the new one).
 *
 * The corpus is synthetic (seed sentences recombined, see bench/support/syntheticCorpus.ts) and
 * the processes embed with the tests' hashing embedder, so a build takes seconds and the runs
 * exercise the index's file handling, not a model. Everything is written under the system's
 * temporary folder and removed at the end.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateSyntheticArticles, seededRandom, seedSentences } from "../../bench/support/syntheticCorpus.js";
import { Engine } from "../../src/engine/engine.js";
import { FileIndexStore } from "../../src/retrieve/fileStore.js";
import { buildIndex } from "../../src/index/buildIndex.js";
import { loadIndex } from "../../src/index/indexStore.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { silentLogger } from "../../src/log.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { createFakeEmbedder } from "../support/fakeEmbedder.js";

const SELF = fileURLToPath(import.meta.url);
const PARAGRAPHS_PER_ARTICLE = 8;

/** The child: one build of `articles` into `index`, then exit. */
async function child(articlesDir: string, indexDir: string): Promise<void> {
  const embedder = createFakeEmbedder();
  await buildIndex({
    indexDir,
    source: new FolderArticleSource(articlesDir),
    encoderId: embedder.id,
    loadEmbedder: async () => embedder,
    rebuild: true,
    log: silentLogger,
  });
}

function startChild(articlesDir: string, indexDir: string) {
  const process_ = spawn(process.execPath, ["--import", "tsx", SELF, "child", articlesDir, indexDir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  process_.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    process_.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { process: process_, exited };
}

/** Whether the index loads and answers a question with citations. */
async function answers(indexDir: string): Promise<string | null> {
  try {
    const index = await loadIndex(indexDir);
    if (index === null) return "no index";
    const answer = await new Engine(new FileIndexStore(index), createFakeEmbedder()).ask("What did Grushko say about peacekeepers?");
    return answer.citations.length > 0 ? null : "no citations";
  } catch (error) {
    return (error as Error).message;
  }
}

/** The lines of a failed child's stderr that say what went wrong: the error and where it was thrown. */
function whyItFailed(stderr: string): string {
  const lines = stderr.trim().split("\n");
  const error = lines.findIndex((line) => /Error|error:/.test(line));
  return (error < 0 ? lines.slice(-3) : lines.slice(error, error + 4)).join(" | ");
}

async function writeCorpus(folder: string, articles: number): Promise<void> {
  const seeds = await new FolderArticleSource(SEEDS_DIR).load();
  const generated = generateSyntheticArticles(seedSentences(seeds.articles), { paragraphs: articles * PARAGRAPHS_PER_ARTICLE, paragraphsPerArticle: PARAGRAPHS_PER_ARTICLE });
  await mkdir(folder, { recursive: true });
  for (const article of generated) await writeFile(path.join(folder, article.fileName), article.text);
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === "child") return child(rest[0] as string, rest[1] as string);
  const { values } = parseArgs({
    args: rest,
    options: { runs: { type: "string" }, seed: { type: "string", default: "1" }, articles: { type: "string", default: "1000" } },
  });
  if (mode !== "concurrent" && mode !== "kill") throw new Error("Usage: indexStress.ts concurrent|kill [--runs N] [--seed S] [--articles N]");
  const runs = Number(values.runs ?? (mode === "kill" ? 200 : 100));
  const root = await mkdtemp(path.join(os.tmpdir(), "index-stress-"));
  const articlesDir = path.join(root, "articles");
  const indexDir = path.join(root, "index");
  try {
    await writeCorpus(articlesDir, Number(values.articles));
    const started = Date.now();
    await child(articlesDir, indexDir);
    const buildMs = Date.now() - started;
    console.log(`${values.articles} articles; one build takes ${buildMs} ms in this process`);
    const random = seededRandom(Number(values.seed));
    const failures: string[] = [];
    for (let run = 1; run <= runs; run++) {
      if (mode === "concurrent") {
        const [a, b] = [startChild(articlesDir, indexDir), startChild(articlesDir, indexDir)];
        const results = await Promise.all([a.exited, b.exited]);
        for (const result of results) if (result.code !== 0) failures.push(`run ${run}: an indexer exited ${result.code ?? result.signal}: ${whyItFailed(result.stderr)}`);
      } else {
        const { process: indexer, exited } = startChild(articlesDir, indexDir);
        // Process start-up (tsx) plus a build: kill anywhere from the start to past the end.
        const delay = Math.floor(random() * (buildMs * 1.5 + 1500));
        setTimeout(() => indexer.kill("SIGKILL"), delay);
        await exited;
      }
      const problem = await answers(indexDir);
      if (problem !== null) failures.push(`run ${run}: the index does not answer: ${problem}`);
      if (run % 10 === 0) console.log(`${run}/${runs} runs, ${failures.length} failures`);
    }
    console.log(failures.length === 0 ? `All ${runs} runs: the index always answered.` : failures.join("\n"));
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
