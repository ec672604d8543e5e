import { describe, expect, it } from "vitest";
import { runCli } from "./support/runCli.js";

// These fail before any index or model is touched, so they are quick and need no setup.
const env = { INDEX_DIR: "/nonexistent/never-built", ARTICLES_DIR: "/nonexistent/none" };

describe("ask CLI bad input", () => {
  it.each([
    [["   "], /question is empty/],
    [["x".repeat(501)], /501 characters long; the limit is 500/],
    [["--frobnicate", "What did Grushko say?"], /Unknown option '--frobnicate'.*--help/],
    [["--k", "0", "What?"], /--k must be a whole number from 1 to 20/],
    [["--jsonl", "What?"], /--jsonl reads questions from standard input/],
  ])("rejects %j with a clear message and status 2", async (args, message) => {
    const result = await runCli("src/cli/ask.ts", args, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("prints help with every flag", async () => {
    const result = await runCli("src/cli/ask.ts", ["--help"]);
    expect(result.code).toBe(0);
    for (const flag of ["--json", "--jsonl", "--k", "--outlet", "--article", "--help"]) expect(result.stdout).toContain(flag);
  });

  it("explains a missing articles folder instead of crashing", async () => {
    const result = await runCli("src/cli/ask.ts", ["What did Grushko say?"], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot read the articles folder .*none.*ARTICLES_DIR/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
