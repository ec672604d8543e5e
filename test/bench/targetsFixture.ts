import { parseTargets, TARGETS_HEADING } from "../../bench/targets.js";
import type { BenchReport } from "../../bench/report.js";

/** A targets table as BENCHMARKS.md states it, with fixed numbers, so tests of the checks do not move when the document does. */
export const TARGETS_MARKDOWN = `# Benchmarks

${TARGETS_HEADING}

Some prose.

| check | limit | corpus | what |
| --- | --- | --- | --- |
| \`seed-answer-p50\` | ≤ 50 ms | seeds | warm answer p50 |
| \`scale-answer-p50\` | ≤ 150 ms | 100000 passages | the same, synthetic |
| \`scale-load\` | ≤ 3 s | 100000 passages | index load |
| \`scale-memory\` | ≤ 1 GB | 100000 passages | peak RSS |
| \`vectra-ratio\` | < 1 | seeds | ours/theirs p50 |
| \`postgres-ratio\` | ≤ 2 | seeds | postgres p50 over files p50 |
| \`reindex\` | < 1 s | seeds | re-running \`npm run index\` |

## Next section
`;

export const TARGETS = parseTargets(TARGETS_MARKDOWN, "fixture.md");

/** A bench report with nothing measured, for `checkTargets`; `changes` fills in what a test measured. */
export function benchReport(changes: Partial<Omit<BenchReport, "targets">> = {}): Omit<BenchReport, "targets"> {
  return {
    command: "npm run bench",
    machine: { cores: 2, cpu: "test", memoryGiB: 1, node: "v20", platform: "linux x64", loadAtStart: [], loadAtEnd: [], startedAt: "", commit: null },
    settings: { repeats: 1, passes: 1, scales: [], questions: 3 },
    encoders: [],
    seed: null,
    sentenceTable: null,
    sideBySide: [],
    paired: null,
    scales: [],
    durationMs: 0,
    ...changes,
  };
}
