import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

/**
 * Every command exits the same way (README, "Commands"): 2 when it was called or configured
 * wrongly (a flag, an argument, a variable's value), 1 when the work itself failed. None of
 * these needs an index, a model or Discord, so each run is quick. Wrong flags and arguments are
 * read in-process (test/cli/args.test.ts); these runs are of what only the process shows: the
 * configuration each command reads and the failures it ends on.
 */
const COMMANDS = {
  ask: { script: "src/cli/ask.ts", args: ["What did Grushko say?"] },
  index: { script: "scripts/index.ts", args: [] },
  ingest: { script: "scripts/ingest.ts", args: ["https://example.com/story"] },
  eval: { script: "scripts/eval.ts", args: [] },
  register: { script: "scripts/register.ts", args: [] },
  start: { script: "src/discord/main.ts", args: [] },
} as const;
type CommandName = keyof typeof COMMANDS;

/** Nothing here may reach a real index, articles folder or Discord. */
const isolated = {
  INDEX_DIR: "/nonexistent/never-built",
  ARTICLES_DIR: "/nonexistent/none",
  DISCORD_TOKEN: "",
  DISCORD_CLIENT_ID: "",
  DISCORD_API_URL: "http://127.0.0.1:9/",
};
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

function run(name: CommandName, args: readonly string[], env: Record<string, string> = {}) {
  const { script } = COMMANDS[name];
  return runCli(script, [...args], { env: { ...isolated, ...env }, timeoutMs: 30_000 });
}

describe.concurrent("exit status 2: called or configured wrongly", () => {
  it.each(["ask", "index", "eval", "ingest"] as const)("%s: an engine variable with a bad value", async (name) => {
    const result = await run(name, COMMANDS[name].args, { EMBEDDINGS: "sometimes" });
    expect(result.stderr).toMatch(/EMBEDDINGS: must be auto, transformers or offline/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(2);
  });

  it.each(["register", "start"] as const)("%s: a missing Discord variable", async (name) => {
    const result = await run(name, COMMANDS[name].args);
    expect(result.stderr).toMatch(/DISCORD_TOKEN: is missing/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(2);
  });
});

describe.concurrent("exit status 1: the work failed", () => {
  it.each(["ask", "index", "eval"] as const)("%s: the articles folder does not exist", async (name) => {
    const result = await run(name, COMMANDS[name].args);
    expect(result.stderr).toMatch(/Cannot read the articles folder \/nonexistent\/none .*Set ARTICLES_DIR/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
  });
});
