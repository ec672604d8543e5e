import path from "node:path";
import { Engine } from "../engine/engine.js";
import type { EvalQuestion } from "../eval/metrics.js";
import { buildIndex } from "../index/buildIndex.js";
import { loadIndex } from "../index/indexStore.js";
import { FolderArticleSource } from "../ingest/articleSource.js";
import { silentLogger } from "../log.js";
import type { Embedder } from "../types.js";
import { buildBm25Peer, queryBm25Peer } from "./bm25Peer.js";
import { evidenceRecall, meanRecall } from "./devSet.js";
import { elapsedMs, percentile, spreadOf, timed, type Spread } from "./stats.js";
import { buildVectraPeer, queryVectraPeer, type VectraPeer } from "./vectraPeer.js";

/** One system's figures on the dev set, measured in the same process with the same encoder. */
export interface SystemFigures {
  system: string;
  detail: string;
  recallAt5: number | null;
  /** Median over passes of each pass's p50 query latency (ms), with the spread of those p50s. */
  queryP50Ms: Spread | null;
  buildMs: Spread;
  failure: string | null;
}

export interface SideBySideOptions {
  articlesDir: string;
  workDir: string;
  embedder: Embedder;
  questions: readonly EvalQuestion[];
  repeats: number;
  passes: number;
}

type Query = (question: string) => Promise<string[]>;

/**
 * Runs `task` with unhandled promise rejections recorded instead of fatal. The encoder's WASM
 * runtime makes every unhandled rejection crash the process, and vectra's hybrid query leaves
 * one behind when its BM25 set-up throws; the peer's failure must be reported, not end the run.
 */
async function capturingUnhandledRejections<T>(task: (rejections: unknown[]) => Promise<T>): Promise<T> {
  const rejections: unknown[] = [];
  const previous = process.listeners("unhandledRejection");
  const record = (reason: unknown) => void rejections.push(reason);
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", record);
  try {
    return await task(rejections);
  } finally {
    // Rejections surface a tick after the query that caused them.
    await new Promise((resolve) => setImmediate(resolve));
    process.removeListener("unhandledRejection", record);
    for (const listener of previous) process.on("unhandledRejection", listener);
  }
}

interface Measured {
  p50s: number[];
  recall: number;
  failure: string | null;
}

/**
 * Warm latency (p50 of each timed pass) and recall@5 of one query function over the question
 * set. Recall counts only the queries that returned; failures are counted and described.
 */
async function measureQueries(query: Query, options: SideBySideOptions, warmUp = true): Promise<Measured> {
  const questions = options.questions;
  let failure: string | null = null;
  let failed = 0;
  let attempted = 0;
  const attempt = async (question: string): Promise<string[] | null> => {
    attempted++;
    try {
      return await query(question);
    } catch (error) {
      failed++;
      failure ??= (error as Error).message;
      return null;
    }
  };
  if (warmUp) for (const question of questions) await attempt(question.question);
  const p50s: number[] = [];
  const recalls: Array<number | null> = [];
  for (let pass = 0; pass < (warmUp ? options.passes : 1); pass++) {
    const times: number[] = [];
    for (const question of questions) {
      const start = performance.now();
      const texts = await attempt(question.question);
      if (texts !== null) times.push(elapsedMs(start));
      if (pass === 0 && texts !== null) recalls.push(evidenceRecall(question, texts, 5));
    }
    if (times.length > 0) p50s.push(percentile(times, 50));
  }
  return { p50s, recall: meanRecall(recalls), failure: failure === null ? null : `failed on ${failed} of ${attempted} queries: ${failure}` };
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

function figures(system: string, detail: string, buildMs: number[], measured: Measured): SystemFigures {
  return {
    system,
    detail,
    recallAt5: Number.isNaN(measured.recall) ? null : measured.recall,
    queryP50Ms: measured.p50s.length > 0 ? spreadOf(measured.p50s) : null,
    buildMs: spreadOf(buildMs),
    failure: measured.failure,
  };
}

/** Our engine, keyword-only BM25 and vectra's LocalDocumentIndex (dense, then hybrid) on the same questions. */
export async function sideBySide(options: SideBySideOptions): Promise<SystemFigures[]> {
  const { embedder } = options;
  const ours = await repeatBuild(options.repeats, (run) => {
    const indexDir = path.join(options.workDir, `ours-${run}`);
    return buildIndex({
      indexDir,
      source: new FolderArticleSource(options.articlesDir),
      encoderId: embedder.id,
      loadEmbedder: async () => embedder,
      rebuild: true,
      log: silentLogger,
    }).then(() => indexDir);
  });
  const index = await loadIndex(ours.last);
  if (index === null) throw new Error("the side-by-side index was not written");
  const engine = new Engine(index, embedder);
  const passages = index.passages.length;
  const meanChars = index.passages.reduce((sum, passage) => sum + passage.text.length, 0) / Math.max(1, passages);
  const ourDetail = `${passages} passages, ${Math.round(meanChars)} chars on average`;
  const rows: SystemFigures[] = [
    figures("ours: engine.ask (full answer)", ourDetail, ours.ms, await measureQueries(async (q) => (await engine.ask(q)).citations.map((c) => c.text), options)),
    figures("ours: engine.retrieve (retrieval only)", ourDetail, ours.ms, await measureQueries(async (q) => (await engine.retrieve(q)).map((r) => r.passage.text), options)),
  ];

  const bm25 = await repeatBuild(options.repeats, () => buildBm25Peer(options.articlesDir));
  rows.push(figures("BM25 only (our passages, MiniSearch)", ourDetail, bm25.ms, await measureQueries(async (q) => queryBm25Peer(bm25.last, q, 5), options)));

  const vectra = await repeatBuild<VectraPeer>(options.repeats, (run) =>
    buildVectraPeer(path.join(options.workDir, `vectra-${run}`), options.articlesDir, embedder),
  );
  const vectraDetail = `${vectra.last.chunks} chunks of ≤512 GPT tokens, ${Math.round(vectra.last.meanChunkChars)} chars on average`;
  rows.push(
    figures("vectra LocalDocumentIndex (dense)", vectraDetail, vectra.ms, await measureQueries((q) => queryVectraPeer(vectra.last, q, { chunks: 5, hybrid: false }), options)),
  );
  // vectra builds a new wink-nlp pipeline for every hybrid query, and its English model
  // re-serialises itself each time: a process can run about 20 hybrid queries before a
  // string outgrows V8's limit. One pass, no warm-up, so the figure covers what does run.
  const hybrid = await capturingUnhandledRejections(async (rejections) => {
    const measured = await measureQueries((q) => queryVectraPeer(vectra.last, q, { chunks: 5, hybrid: true }), options, false);
    const first = rejections[0];
    const leaked = first === undefined ? "" : `; its BM25 set-up also rejected ${rejections.length} time(s) unhandled: ${(first as Error).message ?? String(first)}`;
    return { ...measured, failure: measured.failure === null && leaked === "" ? null : `${measured.failure ?? "answered every query"}${leaked}` };
  });
  rows.push(figures("vectra LocalDocumentIndex (isBm25 hybrid, one cold pass)", vectraDetail, vectra.ms, hybrid));
  return rows;
}
