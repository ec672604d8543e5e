import type { MachineInfo } from "./machine.js";
import type { ScaleFigures, ServeFigures } from "./scale.js";
import type { ReindexFigures } from "./reindex.js";
import type { EncoderBuildFigures } from "./seedScale.js";
import type { PairFigures } from "./paired.js";
import type { PostgresFigures } from "./postgresRun.js";
import type { SystemFigures } from "./sideBySide.js";
import type { Spread } from "./stats.js";

/** Everything one `npm run bench` measured; `--json` prints exactly this. */
export interface BenchReport {
  command: string;
  machine: MachineInfo;
  settings: { repeats: number; passes: number; scales: number[]; questions: number };
  encoders: EncoderBuildFigures[];
  seed: { encoderId: string; passages: number; serve: ServeFigures; reindex: ReindexFigures } | null;
  /** `--backend postgres` only: the same seed figures answered from Postgres + pgvector. */
  postgres?: PostgresFigures;
  sentenceTable: { sentences: number; ms: number } | null;
  sideBySide: SystemFigures[];
  /** Ours and vectra dense timed on the same queries, back to back, in one process per run. */
  paired: PairFigures | null;
  scales: ScaleFigures[];
  targets: TargetCheck[];
  durationMs: number;
}

export type Verdict = "met" | "not met" | "within noise" | "not measured";

export interface TargetCheck {
  target: string;
  figure: string;
  verdict: Verdict;
}

const MIB = 1024 * 1024;

function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return "–";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

const formatMiB = (mib: number) => (mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(0)} MiB`);
const formatBytes = (bytes: number) => formatMiB(bytes / MIB);
const formatRate = (rate: number) => `${rate >= 100 ? rate.toFixed(0) : rate.toFixed(1)}/s`;
const formatRecall = (value: number | null) => (value === null || Number.isNaN(value) ? "–" : value.toFixed(3));

/** "median (min–max)", or just the value when there was one run. */
export function formatSpread(spread: Spread | null, format: (value: number) => string = formatMs): string {
  if (spread === null || spread.n === 0) return "–";
  return spread.n === 1 ? format(spread.median) : `${format(spread.median)} (${format(spread.min)}–${format(spread.max)})`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function ratio(ours: Spread | null, theirs: Spread | null): string {
  if (ours === null || theirs === null || theirs.median === 0) return "–";
  return (ours.median / theirs.median).toFixed(2);
}

function encodersSection(report: BenchReport): string {
  const rows = report.encoders.map((figures) =>
    figures.unavailable !== null
      ? [figures.kind, "–", `not measured: ${figures.unavailable.split(". ")[0]}`, "–", "–"]
      : [
          `\`${figures.encoderId}\``,
          String(figures.passages),
          formatSpread(figures.buildMs),
          formatSpread(figures.modelLoadMs),
          `${formatSpread(figures.passagesPerSecond, formatRate)} passages`,
        ],
  );
  const sentences = report.sentenceTable
    ? `\nSeed-sentence table for the scale runs: ${report.sentenceTable.sentences} distinct sentences embedded in ${formatMs(report.sentenceTable.ms)} ` +
      `(${formatRate((report.sentenceTable.sentences * 1000) / report.sentenceTable.ms)} sentences, model already loaded).\n`
    : "";
  return `## Cold index build of seeds/ (fresh process, model load included)\n\n${table(
    ["encoder", "passages", "build", "model load", "embedding throughput"],
    rows,
  )}\n${sentences}`;
}

function seedSection(report: BenchReport): string {
  if (report.seed === null) return "";
  const { serve, reindex } = report.seed;
  const rows = [
    ["answer latency p50 (`engine.ask`, warm)", formatSpread(serve.askP50Ms)],
    ["answer latency p95", formatSpread(serve.askP95Ms)],
    ["retrieval only p50 (`engine.retrieve`)", formatSpread(serve.retrieveP50Ms)],
    ["index load (`loadIndex`)", formatSpread(serve.loadMs)],
    ["encoder load", formatSpread(serve.modelLoadMs)],
    ["resident memory after index load", formatSpread(serve.afterLoadMiB, formatMiB)],
    ["resident memory after encoder load and queries", formatSpread(serve.afterQueriesMiB, formatMiB)],
    ["peak resident memory", formatSpread(serve.peakMiB, formatMiB)],
    ["dev-set evidence recall@5", formatRecall(serve.recallAt5)],
    ["re-run `npm run index`, unchanged corpus", formatSpread(reindex.npmMs)],
    ["the same without npm (`tsx scripts/index.ts`)", formatSpread(reindex.tsxMs)],
  ];
  return `## Seeds (${report.seed.passages} passages, \`${report.seed.encoderId}\`)\n\n${table(["figure", "median (min–max)"], rows)}\n`;
}

function postgresSection(report: BenchReport): string {
  const { postgres, seed } = report;
  if (postgres === undefined || seed === null) return "";
  const files = seed.serve;
  const pg = postgres.serve;
  const row = (figure: string, pick: (serve: ServeFigures) => Spread) => [figure, formatSpread(pick(files)), formatSpread(pick(pg)), ratio(pick(pg), pick(files))];
  const rows = [
    row("answer latency p50 (`engine.ask`, warm)", (serve) => serve.askP50Ms),
    row("answer latency p95", (serve) => serve.askP95Ms),
    row("retrieval only p50 (`engine.retrieve`)", (serve) => serve.retrieveP50Ms),
    row("index open (`openStore`)", (serve) => serve.loadMs),
    ["dev-set evidence recall@5", formatRecall(files.recallAt5), formatRecall(pg.recallAt5), "–"],
  ];
  return `## Seeds: files vs postgres backend (${postgres.passages} passages in Postgres, same encoder and questions)

${table(["figure", "files", "postgres", "postgres/files"], rows)}

Postgres: ${postgres.pglite ? "PGlite + pgvector in the bench's process, over TCP on 127.0.0.1 (DATABASE_URL unset)" : `\`${postgres.database}\``}; dense and BM25 top-k run in SQL.
`;
}

function sideBySideSection(report: BenchReport): string {
  const ours = report.sideBySide[0];
  const rows = report.sideBySide.map((row) => {
    const own = row.system.startsWith("ours");
    return [
      row.system,
      row.detail,
      formatRecall(row.recallAt5),
      formatSpread(row.queryP50Ms),
      formatSpread(row.buildMs),
      own ? "–" : ratio(ours?.queryP50Ms ?? null, row.queryP50Ms),
      own ? "–" : ratio(ours?.buildMs ?? null, row.buildMs),
    ];
  });
  const failures = report.sideBySide
    .filter((row) => row.failure !== null)
    .map((row) => `- ${row.system} ${row.failure}`)
    .join("\n");
  return `## Side by side (each system in a fresh process, same encoder, ${report.settings.questions} dev-set questions)\n\n${table(
    ["system", "units", "R@5", "query p50", "build", "ours/theirs p50", "ours/theirs build"],
    rows,
  )}\n\nRatios compare \`engine.ask\` (full answer) with each peer; builds exclude model load (the encoder is shared and already loaded).\n${
    failures === "" ? "" : `\n${failures}\n`
  }`;
}

function pairedSection(report: BenchReport): string {
  const pair = report.paired;
  if (pair === null) return "";
  const rows = [
    [`${pair.ours} p50`, formatSpread(pair.oursP50Ms)],
    [`${pair.theirs} p50`, formatSpread(pair.theirsP50Ms)],
    ["ours/theirs p50, per process", formatSpread(pair.ratio, (value) => value.toFixed(3))],
    ["paired answers on which ours was faster", `${(pair.oursFasterShare * 100).toFixed(0)} %`],
  ];
  return `## Same queries, same process (ours and vectra dense, back to back)

${table(["figure", `median (min–max) over ${pair.ratio.n} processes, ${pair.queries} paired answers each`], rows)}

Each question goes to both systems back to back, once in each order, with one shared, loaded encoder, so machine load falls on both alike and neither gains from its position.
`;
}

function scaleSection(report: BenchReport): string {
  if (report.scales.length === 0) return "";
  const rows = report.scales.map((scale) => [
    String(scale.passages),
    formatMs(scale.buildMs),
    formatSpread(scale.reindexMs),
    `${formatBytes(scale.disk.total)} (${formatBytes(scale.disk.vectraJson)} / ${formatBytes(scale.disk.vectorCache)} / ${formatBytes(scale.disk.passages)} / ${formatBytes(scale.disk.keywords)} / ${formatBytes(scale.disk.tokens)} / ${formatBytes(scale.disk.other)})`,
    formatSpread(scale.serve.loadMs),
    formatSpread(scale.serve.afterLoadMiB, formatMiB),
    formatSpread(scale.serve.afterQueriesMiB, formatMiB),
    formatSpread(scale.serve.peakMiB, formatMiB),
    formatSpread(scale.serve.askP50Ms),
    formatSpread(scale.serve.askP95Ms),
    formatSpread(scale.serve.retrieveP50Ms),
  ]);
  return (
    "## Scale (SYNTHETIC passages: recombined seed sentences; vectors = normalised mean of the sentences' real vectors + seeded noise; " +
    `queries embedded for real)\n\n${table(
      [
        "passages",
        "build",
        "re-index unchanged (in process)",
        "disk (vectra JSON / f32 cache / passages / keywords / forward index / quotes and manifest)",
        "index load",
        "RSS after load",
        "RSS after queries",
        "peak RSS",
        "answer p50",
        "answer p95",
        "retrieve p50",
      ],
      rows,
    )}\n`
  );
}

/** `--backend postgres` with `--scales`: each synthetic corpus from files and from Postgres, side by side. */
function postgresScaleSection(report: BenchReport): string {
  const scales = report.scales.flatMap((scale) => (scale.postgres === undefined ? [] : [{ scale, pg: scale.postgres }]));
  const first = scales[0];
  if (first === undefined) return "";
  const rows = scales.flatMap(({ scale, pg }) => {
    const built = (ms: number) => `${formatMs(ms)} (${Math.round(scale.passages / (ms / 1000))} passages/s)`;
    const row = (figure: string, pick: (serve: ServeFigures) => Spread, format?: (value: number) => string) => ["", figure, formatSpread(pick(scale.serve), format), formatSpread(pick(pg.serve), format), ratio(pick(pg.serve), pick(scale.serve))];
    return [
      [String(scale.passages), "build, cold (in process)", built(scale.buildMs), built(pg.buildMs), (pg.buildMs / scale.buildMs).toFixed(2)],
      ["", "size (build folder / database)", formatBytes(scale.disk.total), formatBytes(pg.databaseBytes), (pg.databaseBytes / scale.disk.total).toFixed(2)],
      row("index open (`openStore`)", (serve) => serve.loadMs),
      row("RSS after open", (serve) => serve.afterLoadMiB, formatMiB),
      row("RSS after queries", (serve) => serve.afterQueriesMiB, formatMiB),
      row("answer p50", (serve) => serve.askP50Ms),
      row("answer p95", (serve) => serve.askP95Ms),
      row("retrieve p50", (serve) => serve.retrieveP50Ms),
      ["", "dev-set evidence recall@5", formatRecall(scale.serve.recallAt5), formatRecall(pg.serve.recallAt5), "–"],
    ];
  });
  const where = first.pg.pglite ? "PGlite + pgvector in the bench's process, over TCP on 127.0.0.1 (DATABASE_URL unset)" : `\`${first.pg.database}\``;
  return `## Scale: files vs postgres backend (the same SYNTHETIC corpus and vectors)

${table(["passages", "figure", "files", "postgres", "postgres/files"], rows)}

Postgres: ${where}, its index emptied before each build. The files backend loads the build folder whole; Postgres runs dense and BM25 top-k in SQL and reads passages, vocabulary and speakers when the index is opened, a speaker's quotes when asked.
`;
}

function targetsSection(report: BenchReport): string {
  const mark = (verdict: Verdict) => (verdict === "not met" ? "NOT met" : verdict);
  return `## Targets\n\n${table(["target", "measured", ""], report.targets.map((check) => [check.target, check.figure, mark(check.verdict)]))}\n`;
}

/** The whole report as Markdown, ready to paste into BENCHMARKS.md. */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" ");
  const header =
    `# \`${report.command}\`\n\n` +
    `${machine.startedAt.slice(0, 16).replace("T", " ")} UTC — ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ` +
    `Node ${machine.node}, ${machine.platform}${machine.commit ? `, commit ${machine.commit}` : ""}. ` +
    `Load average ${load(machine.loadAtStart)} at start, ${load(machine.loadAtEnd)} at end.\n` +
    `Each figure: median (min–max) over ${report.settings.repeats} runs; latencies over ${report.settings.questions} dev questions × ` +
    `${report.settings.passes} passes after one warm-up pass. Whole run: ${formatMs(report.durationMs)}.\n`;
  return [header, encodersSection(report), seedSection(report), postgresSection(report), sideBySideSection(report), pairedSection(report), scaleSection(report), postgresScaleSection(report), targetsSection(report)]
    .filter((part) => part !== "")
    .join("\n");
}
