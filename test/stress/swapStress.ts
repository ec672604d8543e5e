/**
 * Hot-swap stress run (issue 12; not part of `npm test`):
 *
 *   node --expose-gc --import tsx test/stress/swapStress.ts [--swaps 10] [--rate 20] [--articles 200]
 *
 * Indexes a synthetic corpus (seed sentences recombined) with the tests' hashing embedder,
 * follows it with a LiveEngine and asks `--rate` questions a second while `--swaps` new builds
 * are published (each adds an article) and swapped in. Checks that no answer failed or stalled
 * (over 2 s), that every answer's citations come from the build of the engine it was asked of,
 * and how resident memory after the last swap compares with after the first (after a GC).
 * Everything is written under the system's temporary folder and removed at the end.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateSyntheticArticles, seedSentences } from "../../bench/support/syntheticCorpus.js";
import { Engine } from "../../src/engine/engine.js";
import { filesBackend } from "../../src/engine/backend.js";
import { FileIndexStore } from "../../src/retrieve/fileStore.js";
import { LiveEngine } from "../../src/engine/liveEngine.js";
import { buildIndex } from "../../src/index/buildIndex.js";
import { loadIndex } from "../../src/index/indexStore.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { silentLogger } from "../../src/log.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { createFakeEmbedder } from "../support/fakeEmbedder.js";

const STALL_MS = 2000;
const QUESTIONS = ["What did Grushko say?", "How many drones did Ukraine shoot down?", "What did Peskov say about NATO troops?", "Who is Anna Berg?"];

const { values } = parseArgs({ options: { swaps: { type: "string", default: "10" }, rate: { type: "string", default: "20" }, articles: { type: "string", default: "200" } } });
const swaps = Number(values.swaps);
const rate = Number(values.rate);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc --import tsx, so memory is measured after a collection.");

const root = await mkdtemp(path.join(os.tmpdir(), "swap-stress-"));
try {
  const articlesDir = path.join(root, "articles");
  const indexDir = path.join(root, "index");
  await mkdir(articlesDir);
  const seeds = await new FolderArticleSource(SEEDS_DIR).load();
  const paragraphsPerArticle = 8;
  for (const article of generateSyntheticArticles(seedSentences(seeds.articles), { paragraphs: Number(values.articles) * paragraphsPerArticle, paragraphsPerArticle })) {
    await writeFile(path.join(articlesDir, article.fileName), article.text);
  }
  const embedder = createFakeEmbedder();
  const publish = () => buildIndex({ indexDir, source: new FolderArticleSource(articlesDir), encoderId: embedder.id, loadEmbedder: async () => embedder, rebuild: false, log: silentLogger });
  await publish();
  const first = await loadIndex(indexDir);
  if (!first) throw new Error("no index");
  const live = await LiveEngine.follow(new Engine(new FileIndexStore(first), embedder), { builds: filesBackend(indexDir), log: silentLogger, makeEngine: (store) => new Engine(store, embedder) });

  let asked = 0;
  let failed = 0;
  let stalled = 0;
  let mixed = 0;
  let slowest = 0;
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const engine = live.engine;
    const ids = new Set(engine.sources().map((record) => record.id));
    const started = performance.now();
    const question = QUESTIONS[asked++ % QUESTIONS.length] as string;
    const answer = live.ask(question).then(
      (result) => {
        const took = performance.now() - started;
        slowest = Math.max(slowest, took);
        if (took > STALL_MS) stalled++;
        if (!result.citations.every((citation) => ids.has(citation.articleId))) mixed++;
      },
      () => void failed++,
    );
    pending.add(answer);
    void answer.finally(() => pending.delete(answer));
  }, 1000 / rate);

  const memory: number[] = [];
  for (let swap = 1; swap <= swaps; swap++) {
    await writeFile(path.join(articlesDir, `added-${swap}.txt`), `Update ${swap}\n\nAnna Berg said update number ${swap} was published today.\n`);
    await publish();
    if (!(await live.check())) throw new Error(`swap ${swap} did not happen`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    gc();
    memory.push(process.memoryUsage().rss);
    process.stderr.write(`swap ${swap}: ${live.sources().length} articles, RSS ${(memory.at(-1)! / 2 ** 20).toFixed(1)} MiB\n`);
  }
  clearInterval(timer);
  await Promise.all(pending);
  const growth = memory.at(-1)! / memory[0]! - 1;
  process.stdout.write(
    `${swaps} swaps, ${asked} questions at ${rate}/s: ${failed} failed, ${stalled} stalled (over ${STALL_MS} ms; slowest ${slowest.toFixed(0)} ms), ${mixed} with citations from another build.\n` +
      `Resident memory after swap 1: ${(memory[0]! / 2 ** 20).toFixed(1)} MiB; after swap ${swaps}: ${(memory.at(-1)! / 2 ** 20).toFixed(1)} MiB (${(growth * 100).toFixed(1)}%).\n`,
  );
  process.exitCode = failed + stalled + mixed === 0 && growth <= 0.15 ? 0 : 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
