import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, spawnCli } from "../support/runCli.js";
import { buildSeedIndex, type SeedIndex } from "../support/seedIndex.js";

let index: SeedIndex;
beforeAll(async () => {
  index = await buildSeedIndex();
});
afterAll(async () => {
  await index.cleanup();
});

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const QUESTIONS = ["What did Grushko say?", "Who is Peskov?", "How many troops would Britain send?"];

describe("a reader that closes standard output early", () => {
  it("`npm run --silent ask -- --jsonl < q.txt | head -1`, as the issue ran it, ends quietly with status 0", async () => {
    // Enough answers to overflow the pipe's buffer, so ask is still writing when head exits.
    const input = `${Array.from({ length: 60 }, (_, i) => QUESTIONS[i % QUESTIONS.length]).join("\n")}\n`;
    const questions = `${index.env.INDEX_DIR}.questions.txt`;
    await writeFile(questions, input);
    const shell = spawn("bash", ["-c", 'npm run --silent ask -- --jsonl < "$Q" 2>"$ERR" | head -1; echo "status ${PIPESTATUS[0]}" >&2; cat "$ERR" >&2'], {
      cwd: ROOT,
      env: { ...process.env, ...index.env, Q: questions, ERR: `${index.env.INDEX_DIR}.stderr` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    shell.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    shell.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => shell.kill("SIGKILL"), 60_000);
    await once(shell, "close");
    clearTimeout(timer);
    expect(JSON.parse(stdout)).toMatchObject({ question: "What did Grushko say?", confidence: "high" });
    expect(stderr).toMatch(/^status 0$/m);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it("ask --jsonl stops reading and answering as soon as its output is gone, with status 0", async () => {
    const child = spawnCli("src/cli/ask.ts", ["--jsonl"], { env: index.env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.write(`${QUESTIONS[0]}\n`);
    let firstLine = "";
    for await (const chunk of child.stdout) {
      firstLine += (chunk as Buffer).toString();
      if (firstLine.includes("\n")) break;
    }
    child.stdout.destroy();
    // Standard input stays open: only the closed output may end the command.
    child.stdin.write(`${QUESTIONS[1]}\n${QUESTIONS[2]}\n`);
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
    clearTimeout(timer);
    expect(JSON.parse(firstLine)).toMatchObject({ question: QUESTIONS[0] });
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });
});
