import { formatMs, formatSpread, type BenchReport, type TargetCheck } from "./report.js";

const LARGEST = 100_000;

/** The targets, each with the figure it was judged on. */
export function checkTargets(report: Omit<BenchReport, "targets">): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const seedP50 = report.seed?.serve.askP50Ms ?? null;
  checks.push({
    target: "warm answer p50 ≤ 50 ms at seed scale",
    figure: formatSpread(seedP50),
    met: seedP50 === null ? null : seedP50.median <= 50,
  });
  const largest = report.scales.find((scale) => scale.target === LARGEST) ?? null;
  const notRun = `not run (scale ${LARGEST} not in --scales)`;
  checks.push(
    {
      target: `warm answer p50 ≤ 150 ms at ${LARGEST} passages`,
      figure: largest ? formatSpread(largest.serve.askP50Ms) : notRun,
      met: largest ? largest.serve.askP50Ms.median <= 150 : null,
    },
    {
      target: `index load ≤ 3 s at ${LARGEST} passages`,
      figure: largest ? formatSpread(largest.serve.loadMs) : notRun,
      met: largest ? largest.serve.loadMs.median <= 3000 : null,
    },
    {
      target: `resident memory ≤ 1 GB at ${LARGEST} passages (peak RSS of the serving process)`,
      figure: largest ? `${largest.serve.peakMiB.median.toFixed(0)} MiB (${largest.serve.peakMiB.min.toFixed(0)}–${largest.serve.peakMiB.max.toFixed(0)})` : notRun,
      met: largest ? largest.serve.peakMiB.median * 1024 * 1024 <= 1e9 : null,
    },
  );
  const ours = report.sideBySide[0];
  for (const peer of report.sideBySide.filter((row) => row.system.startsWith("vectra"))) {
    const measured = ours?.queryP50Ms && peer.queryP50Ms && ours.recallAt5 !== null && peer.recallAt5 !== null;
    checks.push({
      target: `faster than ${peer.system} (p50 ratio < 1) and at least as accurate (R@5)`,
      figure: measured
        ? `${formatMs(ours.queryP50Ms!.median)} vs ${formatMs(peer.queryP50Ms!.median)} (ratio ${(ours.queryP50Ms!.median / peer.queryP50Ms!.median).toFixed(2)}); ` +
          `R@5 ${ours.recallAt5!.toFixed(3)} vs ${peer.recallAt5!.toFixed(3)}`
        : (peer.failure ?? "not measured"),
      met: measured ? ours.queryP50Ms!.median < peer.queryP50Ms!.median && ours.recallAt5! >= peer.recallAt5! : null,
    });
  }
  const reindex = report.seed?.reindex.npmMs ?? null;
  checks.push({
    target: "re-running `npm run index` on an unchanged corpus < 1 s",
    figure: formatSpread(reindex),
    met: reindex === null ? null : reindex.median < 1000,
  });
  return checks;
}
