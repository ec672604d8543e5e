import path from "node:path";
import { Engine } from "../src/engine/engine.js";
import { FileIndexStore } from "../src/retrieve/fileStore.js";
import type { EvalQuestion } from "../src/eval/metrics.js";
import { buildIndex } from "../src/index/buildIndex.js";
import { loadIndex } from "../src/index/indexStore.js";
import { FolderArticleSource } from "../src/ingest/articleSource.js";
import { silentLogger } from "../src/log.js";
import type { Embedder } from "../src/types.js";
import { buildBm25Peer, queryBm25Peer } from "./bm25Peer.js";
import { evidenceRecall, meanRecall } from "./support/devSet.js";
import { collectGarbage } from "./gc.js";
import { elapsedMs, percentile, spreadOf, timed, type Spread } from "./stats.js";
import { buildVectraPeer, queryVectraPeer } from "./vectraPeer.js";

/** The systems compared, each measured in a fresh process of its own. */
export const SYSTEMS = ["ours-ask", "ours-retrieve", "bm25", "vectra-dense", "vectra-hybrid"] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** One system's figures on the dev set, with the same encoder as every other. */
export interface SystemFigures {
  system: string;
  detail: string;
  recallAt5: number | null;
  /** Median and spread of the timed passes' p50 query latencies (ms), over every process. */
  queryP50Ms: Spread | null;
  /** Index build with the encoder already loaded. */
  buildMs: Spread;
  failure: string | null;
}

/** What one fresh process measured for one system; `combineRuns` turns runs into figures. */
export interface SystemMeasurement {
  system: string;
  detail: string;
  recallAt5: number | null;
  /** p50 query latency of each timed pass (ms). */
  passP50s: number[];
  buildMs: number[];
  failure: string | null;
}

export interface SystemRun {
  system: SystemName;
  articlesDir: string;
  workDir: string;
  embedder: Embedder;
  questions: readonly EvalQuestion[];
  repeats: number;
  passes: number;
}

type Query = (question: string) => Promise<string[]>;

/** A built system: what it is, how long its builds took, and how it answers (the texts it cites). */
export interface Contender {
  label: string;
  detail: string;
  buildMs: number[];
  query: Query;
  /** Can run only one pass of queries in a process (see vectra-hybrid). */
  onePass: boolean;
}

async function repeatBuild<T>(repeats: number, build: (run: number) => Promise<T>): Promise<{ last: T; ms: number[] }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let run = 0; run < repeats; run++) {
    const result = await timed(() => build(run));
    ms.push(result.ms);
    last = result.value;
  }
  return { last: last as T, ms };
}

/** Builds one system `run.repeats` times over the articles and returns the last build, ready to query. */
export async function buildContender(run: SystemRun): Promise<Contender> {
  const { embedder, articlesDir, workDir, repeats } = run;
  if (run.system === "ours-ask" || run.system === "ours-retrieve") {
    const built = await repeatBuild(repeats, async (attempt) => {
      const indexDir = path.join(workDir, `${run.system}-${attempt}`);
      const source = new FolderArticleSource(articlesDir);
      await buildIndex({ indexDir, source, encoderId: embedder.id, loadEmbedder: async () => embedder, rebuild: true, log: silentLogger });
      return indexDir;
    });
    const index = await loadIndex(built.last);
    if (index === null) throw new Error("the side-by-side index was not written");
    const engine = new Engine(new FileIndexStore(index), embedder);
    const chars = index.passages.reduce((sum, passage) => sum + passage.text.length, 0) / Math.max(1, index.passages.length);
    const detail = `${index.passages.length} passages, ${Math.round(chars)} chars on average`;
    return run.system === "ours-ask"
      ? { label: "ours: engine.ask (full answer)", detail, buildMs: built.ms, onePass: false, query: async (q) => (await engine.ask(q)).citations.map((c) => c.text) }
      : { label: "ours: engine.retrieve (retrieval only)", detail, buildMs: built.ms, onePass: false, query: async (q) => (await engine.retrieve(q)).map((r) => r.passage.text) };
  }
  if (run.system === "bm25") {
    const built = await repeatBuild(repeats, () => buildBm25Peer(articlesDir));
    const detail = `${built.last.passages.size} passages, no vectors`;
    return { label: "BM25 only (our passages, MiniSearch scoring)", detail, buildMs: built.ms, onePass: false, query: async (q) => queryBm25Peer(built.last, q, 5) };
  }
  const built = await repeatBuild(repeats, (attempt) => buildVectraPeer(path.join(workDir, `${run.system}-${attempt}`), articlesDir, embedder));
  const detail = `${built.last.chunks} chunks of ≤512 GPT tokens, ${Math.round(built.last.meanChunkChars)} chars on average`;
  const hybrid = run.system === "vectra-hybrid";
  return {
    label: hybrid ? "vectra LocalDocumentIndex (isBm25 hybrid, one pass)" : "vectra LocalDocumentIndex (dense)",
    detail,
    buildMs: built.ms,
    // vectra builds a new wink-nlp pipeline for every hybrid query, and its English model
    // re-serialises itself each time: a process can run about 20 hybrid queries before a
    // string outgrows V8's limit. One pass, no warm-up, so the figure covers what does run.
    onePass: hybrid,
    query: (q) => queryVectraPeer(built.last, q, { chunks: 5, hybrid }),
  };
}

/**
 * Runs `task` with unhandled promise rejections recorded instead of fatal. The encoder's WASM
 * runtime makes every unhandled rejection crash the process, and vectra's hybrid query leaves
 * one behind when its BM25 set-up throws; the peer's failure must be reported, not end the run.
 */
async function capturingUnhandledRejections<T>(task: () => Promise<T>): Promise<{ value: T; rejections: unknown[] }> {
  const rejections: unknown[] = [];
  const previous = process.listeners("unhandledRejection");
  const record = (reason: unknown) => void rejections.push(reason);
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", record);
  try {
    const value = await task();
    // Rejections surface a tick after the query that caused them.
    await new Promise((resolve) => setImmediate(resolve));
    return { value, rejections };
  } finally {
    process.removeListener("unhandledRejection", record);
    for (const listener of previous) process.on("unhandledRejection", listener);
  }
}

/**
 * Warm latency (each timed pass's p50, after one warm-up pass) and recall@5 over the question
 * set. Recall counts only the queries that returned; failures are counted and described.
 */
async function measure(contender: Contender, run: SystemRun): Promise<{ p50s: number[]; recall: number; failure: string | null }> {
  let failed = 0;
  let attempted = 0;
  let failure: string | null = null;
  const attempt = async (question: string): Promise<string[] | null> => {
    attempted++;
    try {
      return await contender.query(question);
    } catch (error) {
      failed++;
      failure ??= (error as Error).message;
      return null;
    }
  };
  if (!contender.onePass) for (const question of run.questions) await attempt(question.question);
  const p50s: number[] = [];
  const recalls: Array<number | null> = [];
  for (let pass = 0; pass < (contender.onePass ? 1 : run.passes); pass++) {
    collectGarbage();
    const times: number[] = [];
    for (const question of run.questions) {
      const start = performance.now();
      const texts = await attempt(question.question);
      if (texts === null) continue;
      times.push(elapsedMs(start));
      if (pass === 0) recalls.push(evidenceRecall(question, texts, 5));
    }
    if (times.length > 0) p50s.push(percentile(times, 50));
  }
  return { p50s, recall: meanRecall(recalls), failure: failure === null ? null : `failed on ${failed} of ${attempted} queries: ${failure}` };
}

/** Builds one system `repeats` times and measures it on the question set (run in a fresh process). */
export async function measureSystem(run: SystemRun): Promise<SystemMeasurement> {
  const contender = await buildContender(run);
  const { value: measured, rejections } = await capturingUnhandledRejections(() => measure(contender, run));
  const first = rejections[0];
  const leaked = first === undefined ? "" : `; its BM25 set-up also rejected ${rejections.length} time(s) unhandled: ${(first as Error).message ?? String(first)}`;
  return {
    system: contender.label,
    detail: contender.detail,
    recallAt5: Number.isNaN(measured.recall) ? null : measured.recall,
    passP50s: measured.p50s,
    buildMs: contender.buildMs,
    failure: measured.failure === null && leaked === "" ? null : `${measured.failure ?? "answered every query"}${leaked}`,
  };
}

/** One system's runs from several processes as figures: median and spread over every timed pass and build. */
export function combineRuns(runs: readonly SystemMeasurement[]): SystemFigures {
  const first = runs[0];
  if (first === undefined) throw new Error("no runs to combine");
  const p50s = runs.flatMap((run) => run.passP50s);
  return {
    system: first.system,
    detail: first.detail,
    recallAt5: first.recallAt5,
    queryP50Ms: p50s.length > 0 ? spreadOf(p50s) : null,
    buildMs: spreadOf(runs.flatMap((run) => run.buildMs)),
    failure: runs.find((run) => run.failure !== null)?.failure ?? null,
  };
}
