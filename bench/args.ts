/** `npm run bench`'s help and arguments, apart from the benchmark so that they can be read without running it. */
import { EXIT_STATUS_HELP, UsageError } from "../src/errors.js";
import { HELP_FLAG, parseFlags } from "../src/util/flags.js";

export const BENCH_HELP = `Usage: npm run --silent bench -- [--json] [--quick] [--scales 1000,10000,100000] [--repeats N] [--passes N] [--keep]
                             [--backend files|postgres]

Measures index build, embedding throughput, warm answer latency, index load time, resident
memory and disk size on seeds/ and on synthetic corpora of the given sizes, and compares the
engine with vectra's LocalDocumentIndex and with keyword-only BM25 on the dev set. Load and
memory are measured in fresh processes. Synthetic corpora are written to a temporary folder
and deleted afterwards; they are never written to seeds/.

Options:
  --json          Print every figure as one JSON object instead of Markdown tables.
  --quick         CI-sized: scales 1000,10000 and one timed pass (about 2 minutes).
  --scales LIST   Comma-separated passage counts for the synthetic runs (default 1000,10000,100000;
                  "" for none).
  --repeats N     Fresh-process runs per figure (default 3).
  --passes N      Timed passes over the dev questions per run, after one warm-up pass (default 3).
  --keep          Keep the temporary folder with the synthetic corpora and indexes.
  --backend NAME  files (default) or postgres: also index the seeds, and each synthetic corpus,
                  into Postgres + pgvector and time warm answers there beside the files backend
                  (seed p50 ratio checked against BENCHMARKS.md). Uses DATABASE_URL when set (its
                  index is replaced), else an in-process PGlite server on 127.0.0.1, stopped at
                  the end.
  -h, --help      Show this help.

${EXIT_STATUS_HELP}`;

const BENCH_BACKENDS = ["files", "postgres"] as const;
type BenchBackend = (typeof BENCH_BACKENDS)[number];

interface BenchOptions {
  json: boolean;
  backend: BenchBackend;
  scales: number[];
  repeats: number;
  passes: number;
  keep: boolean;
}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError("BAD_FLAG", `${flag} must be a whole number ≥ 1, got "${value}".`);
  return number;
}

function backendOf(value: string): BenchBackend {
  if ((BENCH_BACKENDS as readonly string[]).includes(value)) return value as BenchBackend;
  throw new UsageError("BAD_FLAG", `--backend must be one of ${BENCH_BACKENDS.join(", ")}, got "${value}".`);
}

/**
 * Reads bench's command line (without `node` and the script): --help, or the options to run
 * with. A flag or a value it cannot take throws a UsageError (status 2); --help wins over a bad value, not a bad flag.
 */
export function parseBenchArgs(argv: string[]): { help: true } | ({ help: false } & BenchOptions) {
  const { values } = parseFlags({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      scales: { type: "string" },
      repeats: { type: "string", default: "3" },
      passes: { type: "string" },
      keep: { type: "boolean", default: false },
      backend: { type: "string", default: "files" },
      ...HELP_FLAG,
    },
  });
  if (values.help) return { help: true };
  const scalesText = values.scales ?? (values.quick ? "1000,10000" : "1000,10000,100000");
  const scales = scalesText.trim() === "" ? [] : scalesText.split(",").map((part) => positiveInteger("--scales", part.trim()));
  return {
    help: false,
    json: values.json,
    backend: backendOf(values.backend),
    scales,
    repeats: positiveInteger("--repeats", values.repeats),
    passes: positiveInteger("--passes", values.passes ?? (values.quick ? "1" : "3")),
    keep: values.keep,
  };
}
