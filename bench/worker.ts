/**
 * One measurement in a fresh process, so load time and resident memory are not coloured by
 * whatever the benchmark did before. Run by `runWorker` (workerClient.ts); prints one result
 * line and exits.
 */
import { Engine } from "../src/engine/engine.js";
import { filesBackend, postgresBackend } from "../src/engine/backend.js";
import { planEncoder } from "../src/embed/chooseEmbedder.js";
import { buildIndex } from "../src/index/buildIndex.js";
import { FolderArticleSource } from "../src/ingest/articleSource.js";
import { silentLogger } from "../src/log.js";
import { readQuestionSet } from "../src/eval/questionSet.js";
import { evidenceRecall, meanRecall } from "./support/devSet.js";
import { collectGarbage } from "./gc.js";
import { benchConfig, loadBenchEmbedder, timedEmbedder, withEncoderId, type EncoderKind } from "./encoders.js";
import { syntheticEncoderId } from "./sentenceMeanEmbedder.js";
import { elapsedMs, percentile } from "./stats.js";
import { measurePair } from "./paired.js";
import { measureSystem } from "./sideBySide.js";
import {
  RESULT_MARKER,
  type BuildMeasurement,
  type BuildTask,
  type PairMeasurement,
  type PairTask,
  type ServeMeasurement,
  type ServeTask,
  type SideMeasurement,
  type SideTask,
  type WorkerTask,
} from "./workerProtocol.js";

const MIB = 1024 * 1024;

/** Resident memory in MiB after a full collection. */
function residentMiB(): number {
  collectGarbage();
  return process.memoryUsage().rss / MIB;
}

async function build(task: BuildTask): Promise<BuildMeasurement> {
  const start = performance.now();
  const kind: EncoderKind = task.encoder;
  const plan = await planEncoder(benchConfig(kind));
  let modelLoadMs = 0;
  let embedMs = 0;
  let embedded = 0;
  const result = await buildIndex({
    indexDir: task.indexDir,
    target: task.databaseUrl === undefined ? undefined : postgresBackend(task.databaseUrl).target,
    source: new FolderArticleSource(task.articlesDir),
    encoderId: plan.id,
    loadEmbedder: async () => {
      const loadStart = performance.now();
      const embedder = await loadBenchEmbedder(plan, kind);
      modelLoadMs = elapsedMs(loadStart);
      return timedEmbedder(embedder, (ms, texts) => {
        embedMs += ms;
        embedded += texts;
      });
    },
    rebuild: true,
    log: silentLogger,
  });
  return { encoderId: plan.id, buildMs: elapsedMs(start), modelLoadMs, embedMs, embedded, passages: result.passages };
}

async function serve(task: ServeTask): Promise<ServeMeasurement> {
  const baselineMiB = residentMiB();
  const loadStart = performance.now();
  // The files backend loads the build folder whole (`loadIndex`); Postgres reads the contents and ranks in SQL.
  const store = await (task.databaseUrl === undefined ? filesBackend(task.indexDir) : postgresBackend(task.databaseUrl)).openStore();
  const loadMs = elapsedMs(loadStart);
  if (store === null) throw new Error(`No index in ${task.databaseUrl === undefined ? task.indexDir : "the database"}`);
  const index = store.contents;
  const afterLoadMiB = residentMiB();

  const modelStart = performance.now();
  const plan = await planEncoder(benchConfig(task.encoder));
  const real = await loadBenchEmbedder(plan, task.encoder);
  const modelLoadMs = elapsedMs(modelStart);
  const indexEncoder = index.manifest.encoder.id;
  if (indexEncoder !== real.id && indexEncoder !== syntheticEncoderId(real.id)) {
    throw new Error(`The index at ${task.indexDir} was built with ${indexEncoder}, not ${real.id}.`);
  }
  const engine = new Engine(store, indexEncoder === real.id ? real : withEncoderId(real, indexEncoder));

  const questions = readQuestionSet(task.questionsFile);
  for (let pass = 0; pass < task.warmupPasses; pass++) for (const question of questions) await engine.ask(question.question);
  const askMs: number[] = [];
  const retrieveMs: number[] = [];
  const recalls: Array<number | null> = [];
  for (let pass = 0; pass < task.passes; pass++) {
    for (const question of questions) {
      let start = performance.now();
      const answer = await engine.ask(question.question);
      askMs.push(elapsedMs(start));
      start = performance.now();
      await engine.retrieve(question.question);
      retrieveMs.push(elapsedMs(start));
      if (pass === 0) recalls.push(evidenceRecall(question, answer.citations.map((citation) => citation.text), 5));
    }
  }
  return {
    passages: index.passages.length,
    loadMs,
    modelLoadMs,
    baselineMiB,
    afterLoadMiB,
    afterQueriesMiB: residentMiB(),
    peakMiB: (process.resourceUsage().maxRSS * 1024) / MIB,
    askP50: percentile(askMs, 50),
    askP95: percentile(askMs, 95),
    retrieveP50: percentile(retrieveMs, 50),
    recallAt5: meanRecall(recalls),
    queries: askMs.length,
  };
}

async function side(task: SideTask): Promise<SideMeasurement> {
  const embedder = await loadBenchEmbedder(await planEncoder(benchConfig(task.encoder)), task.encoder);
  return measureSystem({ ...task, embedder, questions: readQuestionSet(task.questionsFile) });
}

async function pair(task: PairTask): Promise<PairMeasurement> {
  const embedder = await loadBenchEmbedder(await planEncoder(benchConfig(task.encoder)), task.encoder);
  return measurePair({ ...task, embedder, questions: readQuestionSet(task.questionsFile), repeats: 1 });
}

async function run(task: WorkerTask): Promise<unknown> {
  switch (task.task) {
    case "build":
      return build(task);
    case "serve":
      return serve(task);
    case "side":
      return side(task);
    case "pair":
      return pair(task);
  }
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? "") as WorkerTask;
  const result = await run(task);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
