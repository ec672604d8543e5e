import { describe, expect, it } from "vitest";
import { BENCH_HELP, parseBenchArgs } from "../../bench/args.js";
import { ASK_HELP, parseAskArgs } from "../../src/cli/askArgs.js";
import { EVAL_HELP, parseEvalArgs } from "../../src/cli/evalArgs.js";
import { INDEX_HELP, parseIndexArgs } from "../../src/cli/indexArgs.js";
import { INGEST_HELP, parseIngestArgs } from "../../src/cli/ingestArgs.js";
import { parseRegisterArgs, REGISTER_HELP } from "../../src/cli/registerArgs.js";
import { parseStartArgs, START_HELP } from "../../src/discord/startArgs.js";
import { exitStatusOf, UsageError } from "../../src/errors.js";

/**
 * Every command's argument handling, in-process: what each command line is read as, and the
 * UsageError (status 2) a wrong one stops with. test/cli/help.test.ts runs each command once as
 * a process, and test/cli/exitStatus.test.ts shows how its errors end the process.
 */
const COMMANDS = [
  { name: "ask", parse: parseAskArgs, help: ASK_HELP, args: ["What did Grushko say?"] },
  { name: "index", parse: parseIndexArgs, help: INDEX_HELP, args: [] },
  { name: "ingest", parse: parseIngestArgs, help: INGEST_HELP, args: ["https://example.com/story"] },
  { name: "eval", parse: parseEvalArgs, help: EVAL_HELP, args: [] },
  { name: "bench", parse: parseBenchArgs, help: BENCH_HELP, args: [] },
  { name: "register", parse: parseRegisterArgs, help: REGISTER_HELP, args: [] },
  { name: "start", parse: parseStartArgs, help: START_HELP, args: [] },
];

/** The UsageError `parse` throws, with its exit status. */
function usageError(parse: () => unknown): { error: UsageError; status: number } {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return { error: error as UsageError, status: exitStatusOf(error) };
  }
  throw new Error("no UsageError was thrown");
}

describe.each(COMMANDS)("$name", ({ parse, help, args }) => {
  it("reads -h and --help as a request for help, which ends with the line on exit statuses", () => {
    expect(parse(["--help"]).help).toBe(true);
    expect(parse(["-h"]).help).toBe(true);
    expect(parse([...args]).help).toBe(false);
    expect(help).toMatch(/Exit status: 0 done, 1 the work failed, 2 called or configured wrongly/);
  });

  it("stops on an unknown flag with status 2, naming it and --help", () => {
    const { error, status } = usageError(() => parse(["--frobnicate", ...args]));
    expect(error.message).toMatch(/Unknown option '--frobnicate'.* Run with --help/);
    expect(error.code).toBe("BAD_FLAG");
    expect(status).toBe(2);
  });
});

describe("ask", () => {
  it.each([
    [["   "], /question is empty/],
    [["x".repeat(501)], /501 characters long; the limit is 500/],
    [["--frobnicate", "What did Grushko say?"], /Unknown option '--frobnicate'.*--help/],
    [["--k", "0", "What?"], /--k must be a whole number from 1 to 20/],
    [["--jsonl", "What?"], /--jsonl reads questions from standard input/],
  ])("rejects %j with a clear message and status 2", (args, message) => {
    const { error, status } = usageError(() => parseAskArgs(args));
    expect(error.message).toMatch(message);
    expect(status).toBe(2);
  });

  it("names every flag in its help", () => {
    for (const flag of ["--json", "--jsonl", "--k", "--outlet", "--article", "--help"]) expect(ASK_HELP).toContain(flag);
  });
});

describe("ingest", () => {
  it("stops with status 2 when there is nothing to ingest", () => {
    const { error, status } = usageError(() => parseIngestArgs([]));
    expect(error.message).toMatch(/Name at least one saved page or web address/);
    expect(status).toBe(2);
  });
});

describe("bench", () => {
  it("reads --backend files|postgres, files by default", () => {
    expect(parseBenchArgs([])).toMatchObject({ help: false, backend: "files" });
    expect(parseBenchArgs(["--backend", "postgres"])).toMatchObject({ help: false, backend: "postgres" });
    expect(BENCH_HELP).toContain("--backend");
  });

  it("stops on a backend it does not know with status 2, naming the flag and the allowed values", () => {
    const { error, status } = usageError(() => parseBenchArgs(["--backend", "sqlite"]));
    expect(error.message).toBe('--backend must be one of files, postgres, got "sqlite".');
    expect(error.code).toBe("BAD_FLAG");
    expect(status).toBe(2);
  });
});
