import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { encoderChoices, loadBenchEmbedder } from "./encoders.js";
import { BENCH_HELP, parseBenchArgs } from "./args.js";
import { DEV_SET } from "./support/devSet.js";
import { readQuestionSet } from "../src/eval/questionSet.js";
import { describeMachine, finishMachine } from "./machine.js";
import { renderReport, type BenchReport } from "./report.js";
import { runScale, type ScaleFigures } from "./scale.js";
import { PROJECT_ROOT, reindexUnchanged } from "./reindex.js";
import { coldBuilds, seedServe } from "./seedScale.js";
import { postgresSeedServe, withBenchDatabase } from "./postgresRun.js";
import { combineRuns, SYSTEMS, type SystemName } from "./sideBySide.js";
import type { PairMeasurement, SideMeasurement } from "./workerProtocol.js";
import { combinePairs } from "./paired.js";
import { runWorker } from "./workerClient.js";
import { seedSentences } from "./support/syntheticCorpus.js";
import { checkTargets, readTargets } from "./targets.js";
import { noteNpmBanner, runCommand } from "../src/cli/command.js";
import { FolderArticleSource } from "../src/ingest/articleSource.js";

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${BENCH_HELP}\n`);
    return;
  }
  if (options.json) noteNpmBanner("bench");
  // Read before measuring, so that a malformed targets table stops the run at once.
  const targets = readTargets();
  const started = performance.now();
  const machine = describeMachine();
  const articlesDir = path.join(PROJECT_ROOT, "seeds");
  const questionsFile = path.join(PROJECT_ROOT, DEV_SET);
  const questions = readQuestionSet(questionsFile);
  const workDir = await mkdtemp(path.join(os.tmpdir(), "news-bench-"));
  try {
    const choices = await encoderChoices();
    const encoders = await coldBuilds(choices, { articlesDir, workDir, repeats: options.repeats, onProgress: progress });
    // The encoder `auto` would pick among those this machine has: transformers first, then offline.
    const served = encoders.find((figures) => figures.indexDir !== null);
    const servedChoice = choices.find((choice) => choice.kind === served?.kind);
    if (!served?.indexDir || !served.encoderId || !servedChoice?.plan) throw new Error("No encoder is available to benchmark.");

    const serve = await seedServe(served.indexDir, served.kind, { questionsFile, repeats: options.repeats, passes: options.passes, onProgress: progress });
    // The same encoder, questions and passes as the files figure above.
    const postgres =
      options.backend === "postgres"
        ? await postgresSeedServe({
            articlesDir,
            indexDir: path.join(workDir, "seed-postgres"),
            encoder: served.kind,
            questionsFile,
            repeats: options.repeats,
            passes: options.passes,
            onProgress: progress,
          })
        : undefined;
    progress("seeds: re-running the indexer on the unchanged corpus");
    const reindex = await reindexUnchanged(served.indexDir, articlesDir, options.repeats, { viaNpm: true });

    // Rounds of one fresh process per system, so a slow minute of a shared machine is spread
    // over every system rather than landing on one.
    const runs = new Map<SystemName, SideMeasurement[]>(SYSTEMS.map((system) => [system, []]));
    const pairs: PairMeasurement[] = [];
    for (let round = 0; round < options.repeats; round++) {
      for (const system of SYSTEMS) {
        progress(`side by side: ${system}, run ${round + 1} of ${options.repeats} (fresh process)`);
        const task = { task: "side", system, articlesDir, workDir, encoder: served.kind, questionsFile, repeats: 1, passes: options.passes } as const;
        runs.get(system)?.push(await runWorker(task));
      }
      progress(`side by side: ours and vectra dense on the same queries, run ${round + 1} of ${options.repeats} (one fresh process)`);
      const pairTask = { task: "pair", ours: "ours-ask", theirs: "vectra-dense", articlesDir, workDir, encoder: served.kind, questionsFile, passes: options.passes } as const;
      pairs.push(await runWorker(pairTask));
    }
    const rows = SYSTEMS.map((system) => combineRuns(runs.get(system) ?? []));

    let sentenceTable: BenchReport["sentenceTable"] = null;
    const scales: ScaleFigures[] = [];
    if (options.scales.length > 0) {
      const embedder = await loadBenchEmbedder(servedChoice.plan, served.kind);
      const { articles } = await new FolderArticleSource(articlesDir).load();
      const sentences = seedSentences(articles);
      progress(`scale: embedding ${sentences.length} distinct seed sentences with ${embedder.id}`);
      const start = performance.now();
      const vectors = await embedder.embed(sentences);
      sentenceTable = { sentences: sentences.length, ms: performance.now() - start };
      const sentenceVectors = new Map(sentences.map((sentence, index) => [sentence, vectors[index] as Float32Array]));
      const runScales = async (database?: { url: string; pglite: boolean }) => {
        for (const target of options.scales) {
          scales.push(
            await runScale(target, {
              workDir,
              sentences,
              sentenceVectors,
              encoder: served.kind,
              base: embedder,
              questionsFile,
              repeats: options.repeats,
              passes: options.passes,
              keep: options.keep,
              ...(database && { database }),
              onProgress: progress,
            }),
          );
        }
      };
      // With --backend postgres each corpus is also indexed into, and answered from, one database.
      await (options.backend === "postgres" ? withBenchDatabase(runScales) : runScales());
    }

    const partial = {
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      machine: finishMachine(machine),
      settings: { repeats: options.repeats, passes: options.passes, scales: options.scales, questions: questions.length },
      encoders,
      seed: { encoderId: served.encoderId, passages: served.passages, serve, reindex },
      sentenceTable,
      sideBySide: rows,
      paired: combinePairs(pairs),
      scales,
      ...(postgres && { postgres }),
      durationMs: performance.now() - started,
    };
    const report: BenchReport = { ...partial, targets: checkTargets(partial, targets) };
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderReport(report)}\n`);
  } finally {
    if (options.keep) progress(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

runCommand("bench", main);
