import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
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
    const { stdout, stderr } = await runShell('npm run --silent ask -- --jsonl < "$Q" 2>"$ERR" | head -1; echo "status ${PIPESTATUS[0]}" >&2; cat "$ERR" >&2', {
      Q: questions,
      ERR: `${index.env.INDEX_DIR}.stderr`,
    });
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

/** Every command line the README and BENCHMARKS.md show that asks for JSON (`--json`, `--jsonl`). */
function documentedJsonCommands(): Array<{ file: string; line: string; runnable: boolean }> {
  const found: Array<{ file: string; line: string; runnable: boolean }> = [];
  for (const file of ["README.md", "BENCHMARKS.md"]) {
    let inShell = false;
    for (const line of readFileSync(path.join(ROOT, file), "utf8").split("\n")) {
      if (line.startsWith("```")) inShell = line === "```sh";
      const commands = inShell ? [line.replace(/\s+#.*$/, "").trim()] : [...line.matchAll(/`(npm (?:run|start)[^`]*)`/g)].map((match) => match[1]!);
      for (const command of commands) {
        if (/--jsonl?\b/.test(command) && /\bnpm run\b/.test(command)) found.push({ file, line: command, runnable: inShell });
      }
    }
  }
  return found;
}

describe("JSON on standard output, as the README shows it", () => {
  it("every documented command that asks for JSON runs npm with --silent, so npm's banner stays off standard output", () => {
    const commands = documentedJsonCommands();
    expect(commands.length).toBeGreaterThan(4);
    expect(commands.filter(({ line }) => /npm run (?!--silent )/.test(line))).toEqual([]);
  });

  it("the README's JSON examples, run as written, print parseable JSON and nothing else", async () => {
    const examples = documentedJsonCommands().filter(({ file, runnable, line }) => file === "README.md" && runnable && line.includes(" ask "));
    expect(examples.map(({ line }) => line)).toEqual([
      'npm run --silent ask -- --json "wat did grushco say"',
      "npm run --silent ask -- --speakers --json",
      "printf 'What did Grushko say?\\nwho is peskov\\n' | npm run --silent ask -- --jsonl",
    ]);
    for (const { line } of examples) {
      const result = await runShell(line);
      expect(result.code, `${line}\n${result.stderr}`).toBe(0);
      const values = line.includes("--jsonl") ? result.stdout.trim().split("\n") : [result.stdout];
      for (const value of values) expect(() => JSON.parse(value), `${line} printed:\n${result.stdout.slice(0, 300)}`).not.toThrow();
    }
  });

  it("without --silent, says on standard error why standard output is not JSON alone", async () => {
    const result = await runShell('npm run ask -- --json "What did Grushko say?"');
    expect(result.stdout).toMatch(/^\n> news-citation-bot@\S+ ask\n/);
    expect(result.stderr).toContain("npm printed its own lines on standard output ahead of the JSON; for JSON alone run: npm run --silent ask -- …");
    expect(result.code).toBe(0);
  });
});

/** Runs a command line in bash, over the seed index, as a user would type it. */
async function runShell(command: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const shell = spawn("bash", ["-c", command], { cwd: ROOT, env: { ...process.env, ...index.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  shell.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  shell.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => shell.kill("SIGKILL"), 60_000);
  const [code] = (await once(shell, "close")) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}
