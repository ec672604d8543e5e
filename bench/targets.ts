import { readFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "../src/errors.js";
import { formatSpread, type BenchReport, type TargetCheck, type Verdict } from "./report.js";
import { PROJECT_ROOT } from "./reindex.js";
import type { Spread } from "./stats.js";

/**
 * The targets are stated in BENCHMARKS.md, in the table under this heading, and read from there
 * at run time; this file holds how each is checked, never its numbers.
 */
export const TARGETS_FILE = path.join(PROJECT_ROOT, "BENCHMARKS.md");
export const TARGETS_HEADING = "## Targets the bench checks";
const COLUMNS = ["check", "limit", "corpus", "what"] as const;

/** What a limit is measured in, and the units it may be written in (as multiples of the first). */
const UNITS = {
  time: { ms: 1, s: 1000 },
  memory: { MiB: 1, GiB: 1024, MB: 1e6 / 2 ** 20, GB: 1e9 / 2 ** 20 },
  ratio: { "": 1 },
} as const;
type Quantity = keyof typeof UNITS;

/** Every check the bench knows: what its limit measures and on which corpus it is judged. */
const CHECKS = {
  "seed-answer-p50": { quantity: "time", corpus: "seeds" },
  "scale-answer-p50": { quantity: "time", corpus: "passages" },
  "scale-load": { quantity: "time", corpus: "passages" },
  "scale-memory": { quantity: "memory", corpus: "passages" },
  "vectra-ratio": { quantity: "ratio", corpus: "seeds" },
  "postgres-ratio": { quantity: "ratio", corpus: "seeds" },
  reindex: { quantity: "time", corpus: "seeds" },
} as const satisfies Record<string, { quantity: Quantity; corpus: "seeds" | "passages" }>;
type CheckName = keyof typeof CHECKS;

interface Limit {
  /** `<` or `≤`. */
  op: "<" | "≤";
  /** In the quantity's first unit: ms, MiB, or a plain ratio. */
  value: number;
  /** As the report prints it, e.g. "≤ 50 ms". */
  text: string;
}

interface Target {
  limit: Limit;
  /** The synthetic corpus size it is judged at; null for the seeds. */
  passages: number | null;
}

export type Targets = Record<CheckName, Target>;

/** Reads the targets table of BENCHMARKS.md (or `file`). */
export function readTargets(file: string = TARGETS_FILE): Targets {
  let markdown: string;
  try {
    markdown = readFileSync(file, "utf8");
  } catch (error) {
    throw new UserError("BAD_TARGETS", `Cannot read the bench's targets from ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseTargets(markdown, path.relative(process.cwd(), file) || file);
}

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());

const unquote = (cell: string) => cell.replace(/^`(.*)`$/, "$1");

/**
 * Parses the table under TARGETS_HEADING: columns `check | limit | corpus | what`, one row per
 * check, every check once. A problem is reported as `file:line: what is wrong`.
 */
export function parseTargets(markdown: string, file: string): Targets {
  const lines = markdown.split(/\r?\n/);
  const fail = (index: number, problem: string): never => {
    throw new UserError("BAD_TARGETS", `${file}:${index + 1}: ${problem} (the bench reads its targets from the table under "${TARGETS_HEADING}").`);
  };
  const heading = lines.findIndex((line) => line.trim() === TARGETS_HEADING);
  if (heading === -1) throw new UserError("BAD_TARGETS", `${file}: no "${TARGETS_HEADING}" heading; the bench reads its targets from the table under it.`);

  let at = heading + 1;
  for (; at < lines.length && !(lines[at] as string).trimStart().startsWith("|"); at++) {
    if (/^#{1,6}\s/.test(lines[at] as string)) fail(at, "the section ends before any table");
  }
  if (at === lines.length) fail(heading, "no table follows this heading");
  const header = cellsOf(lines[at] as string);
  if (header.join("|") !== COLUMNS.join("|")) fail(at, `the table's columns must be | ${COLUMNS.join(" | ")} |, found | ${header.join(" | ")} |`);
  const rule = cellsOf(lines[at + 1] ?? "");
  if (rule.length !== COLUMNS.length || !rule.every((cell) => /^:?-{3,}:?$/.test(cell))) fail(at + 1, "the header must be followed by a | --- | row");

  const found = new Map<CheckName, Target>();
  for (at += 2; at < lines.length && (lines[at] as string).trimStart().startsWith("|"); at++) {
    const cells = cellsOf(lines[at] as string);
    if (cells.length !== COLUMNS.length) fail(at, `a row needs ${COLUMNS.length} cells, found ${cells.length}`);
    const [checkCell, limitCell, corpusCell] = cells as [string, string, string];
    const name = unquote(checkCell);
    if (!Object.hasOwn(CHECKS, name)) fail(at, `unknown check "${name}"; the bench knows ${Object.keys(CHECKS).join(", ")}`);
    const check = name as CheckName;
    if (found.has(check)) fail(at, `"${check}" is stated twice`);
    const { quantity, corpus } = CHECKS[check];
    const limit = parseLimit(limitCell, quantity);
    if (typeof limit === "string") fail(at, `"${check}": ${limit}`);
    const passages = parseCorpus(corpusCell, corpus);
    if (typeof passages === "string") fail(at, `"${check}": ${passages}`);
    found.set(check, { limit: limit as Limit, passages: passages as number | null });
  }
  const missing = Object.keys(CHECKS).filter((name) => !found.has(name as CheckName));
  if (missing.length > 0) fail(at - 1, `no row for ${missing.join(", ")}`);
  return Object.fromEntries(found) as Targets;
}

/** "≤ 50 ms", "< 1 s", "≤ 1 GB", "< 1"; an explanation of what is wrong otherwise. */
function parseLimit(cell: string, quantity: Quantity): Limit | string {
  const units: Record<string, number> = UNITS[quantity];
  const written = Object.keys(units).filter(Boolean);
  const expected = written.length === 0 ? "`<` or `≤` and a number, without a unit" : `\`<\` or \`≤\`, a number and a unit (${written.join(", ")})`;
  const match = /^(<|≤)\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(cell);
  const scale = match ? units[match[3] as string] : undefined;
  if (!match || scale === undefined) return `the limit "${cell}" should be ${expected}`;
  const [, op, number, unit] = match as unknown as [string, "<" | "≤", string, string];
  return { op, value: Number(number) * scale, text: unit === "" ? `${op} ${number}` : `${op} ${number} ${unit}` };
}

/** "seeds" or "N passages"; an explanation of what is wrong otherwise. */
function parseCorpus(cell: string, corpus: "seeds" | "passages"): number | null | string {
  if (corpus === "seeds") return cell === "seeds" ? null : `the corpus "${cell}" should be "seeds" (this check is judged on the seed articles)`;
  const match = /^(\d+) passages$/.exec(cell);
  const passages = match ? Number(match[1]) : 0;
  return passages >= 1 ? passages : `the corpus "${cell}" should be a synthetic corpus size, like "100000 passages"`;
}

const within = (value: number, limit: Limit) => (limit.op === "≤" ? value <= limit.value : value < limit.value);

const judge = (spread: Spread | null | undefined, limit: Limit): Verdict =>
  spread === null || spread === undefined || spread.n === 0 ? "not measured" : within(spread.median, limit) ? "met" : "not met";

/**
 * Faster counts when every run of ours beat every run of theirs (scaled by the limit on the
 * ratio). A lower median with overlapping runs is reported as within noise (this machine is
 * shared); a median that is not lower is not met.
 */
function faster(ours: Spread, theirs: Spread, limit: Limit): Verdict {
  const bound = (value: number): Limit => ({ ...limit, value: limit.value * value });
  if (!within(ours.median, bound(theirs.median))) return "not met";
  return within(ours.max, bound(theirs.min)) ? "met" : "within noise";
}

/** The targets, as BENCHMARKS.md states them, each with the figure it was judged on. */
export function checkTargets(report: Omit<BenchReport, "targets">, targets: Targets): TargetCheck[] {
  const atScale = (target: Target) => report.scales.find((scale) => scale.target === target.passages);
  const notRun = (target: Target) => `not run (scale ${target.passages} not in --scales)`;
  const scaleCheck = (target: Target, what: string, after: string, spread: (scale: NonNullable<ReturnType<typeof atScale>>) => Spread, format?: (value: number) => string): TargetCheck => {
    const scale = atScale(target);
    return {
      target: `${what} ${target.limit.text} at ${target.passages} passages${after}`,
      figure: scale ? formatSpread(spread(scale), format) : notRun(target),
      verdict: judge(scale ? spread(scale) : undefined, target.limit),
    };
  };

  const seedP50 = report.seed?.serve.askP50Ms ?? null;
  const seed = targets["seed-answer-p50"];
  const checks: TargetCheck[] = [
    { target: `warm answer p50 ${seed.limit.text} at seed scale`, figure: formatSpread(seedP50), verdict: judge(seedP50, seed.limit) },
    scaleCheck(targets["scale-answer-p50"], "warm answer p50", "", (scale) => scale.serve.askP50Ms),
    scaleCheck(targets["scale-load"], "index load", "", (scale) => scale.serve.loadMs),
    scaleCheck(targets["scale-memory"], "resident memory", " (peak RSS of the serving process)", (scale) => scale.serve.peakMiB, (mib) => `${mib.toFixed(0)} MiB`),
  ];

  const ratioLimit = targets["vectra-ratio"].limit;
  const ours = report.sideBySide[0];
  for (const peer of report.sideBySide.filter((row) => row.system.startsWith("vectra"))) {
    const oursP50 = ours?.queryP50Ms;
    const theirsP50 = peer.queryP50Ms;
    if (!ours || !oursP50 || !theirsP50 || ours.recallAt5 === null || peer.recallAt5 === null) {
      checks.push({ target: `faster than ${peer.system} and at least as accurate`, figure: peer.failure ?? "not measured", verdict: "not measured" });
      continue;
    }
    const accurate = ours.recallAt5 >= peer.recallAt5;
    const recall = `R@5 ${ours.recallAt5.toFixed(3)} vs ${peer.recallAt5.toFixed(3)}`;
    const paired = report.paired?.theirs === peer.system ? report.paired : null;
    if (paired) {
      // The same queries back to back in one process: the fair measure on a shared machine.
      const { ratio } = paired;
      const speed: Verdict = within(ratio.max, ratioLimit) ? "met" : within(ratio.median, ratioLimit) ? "within noise" : "not met";
      checks.push({
        target: `faster than ${peer.system} on the same queries (p50 ratio ${ratioLimit.text}) and at least as accurate (R@5)`,
        figure:
          `same process: ${formatSpread(paired.oursP50Ms)} vs ${formatSpread(paired.theirsP50Ms)}, ratio ${formatSpread(ratio, (value) => value.toFixed(3))}, ` +
          `ours faster on ${(paired.oursFasterShare * 100).toFixed(0)} % of paired answers; separate processes: ratio ${(oursP50.median / theirsP50.median).toFixed(2)}; ${recall}`,
        verdict: !accurate ? "not met" : speed,
      });
      continue;
    }
    const speed = faster(oursP50, theirsP50, ratioLimit);
    checks.push({
      target: `faster than ${peer.system} (p50 ratio ${ratioLimit.text}) and at least as accurate (R@5)`,
      figure:
        `${formatSpread(oursP50)} vs ${formatSpread(theirsP50)} (ratio ${(oursP50.median / theirsP50.median).toFixed(2)}); ${recall}`,
      verdict: !accurate ? "not met" : speed,
    });
  }
  // Judged only when --backend postgres ran, so the default report keeps its rows.
  if (report.postgres !== undefined) checks.push(postgresCheck(report.seed?.serve.askP50Ms ?? null, report.postgres.serve.askP50Ms, targets["postgres-ratio"].limit));
  const reindex = report.seed?.reindex.npmMs ?? null;
  const reindexLimit = targets.reindex.limit;
  checks.push({
    target: `re-running \`npm run index\` on an unchanged corpus ${reindexLimit.text}`,
    figure: formatSpread(reindex),
    verdict: reindex === null ? "not measured" : within(reindex.median, reindexLimit) ? "met" : "not met",
  });
  return checks;
}

/** Postgres's warm answer p50 over the files backend's, medians of the same passes: within the limit or not. */
function postgresCheck(files: Spread | null, postgres: Spread, limit: Limit): TargetCheck {
  const target = `postgres warm answer p50 ${limit.text}× files at seed scale`;
  if (files === null || files.n === 0 || postgres.n === 0 || files.median === 0) return { target, figure: "not measured", verdict: "not measured" };
  const value = postgres.median / files.median;
  return { target, figure: `${formatSpread(postgres)} vs ${formatSpread(files)} (ratio ${value.toFixed(2)})`, verdict: within(value, limit) ? "met" : "not met" };
}
