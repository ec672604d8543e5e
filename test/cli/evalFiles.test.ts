import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitStatusOf, UserError } from "../../src/errors.js";
import { readQuestionSet } from "../../src/eval/questionSet.js";
import { runCli } from "../support/runCli.js";

/**
 * `npm run eval -- FILE` on files that are not question sets: one line naming the file (and the
 * line, for a bad line) and what to do, status 1, before any index or model is loaded. Each file
 * is read in-process, as eval reads it (readQuestionSet); one is given to eval as a process.
 */
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "eval-files-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const GOOD = JSON.stringify({ id: "q1", type: "speaker", question: "What did Grushko say?", evidence: [["Grushko"]] });

/** What eval prints (as stderrLogger writes it) and its exit status for the file `name`, written with `content` first unless undefined. */
async function evalOn(name: string, content?: string | Buffer) {
  const file = path.join(root, name);
  if (content !== undefined) await writeFile(file, content);
  try {
    readQuestionSet(file);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return { file, lines: `error: ${(error as UserError).message}`.split("\n"), code: exitStatusOf(error) };
  }
  throw new Error(`${file} was read as a question set`);
}

describe("eval on a file that is not a question set", () => {
  it("a missing file (run as a process: one line, status 1, before the engine, whose articles folder does not exist, is loaded)", async () => {
    const file = path.join(root, "missing.jsonl");
    const result = await runCli("scripts/eval.ts", [file], { env: { ARTICLES_DIR: "/nonexistent/none", INDEX_DIR: "/nonexistent/never-built" }, timeoutMs: 30_000 });
    expect(result.stderr.trim().split("\n")).toEqual([`error: ${file}: no such file. Give the path of a question set (JSON lines; see test/fixtures/eval/README.md).`]);
    expect(result.code).toBe(1);
  });

  it("a folder", async () => {
    await mkdir(path.join(root, "sets.jsonl"));
    const result = await evalOn("sets.jsonl");
    expect(result.lines).toEqual([`error: ${result.file}: is a folder, not a question set. Give the path of a question set (JSON lines; see test/fixtures/eval/README.md).`]);
    expect(result.code).toBe(1);
  });

  it("a binary file", async () => {
    const result = await evalOn("model.onnx", Buffer.from([0x08, 0x07, 0x12, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x0a, 0x00]));
    expect(result.lines).toEqual([`error: ${result.file}: is a binary file, not a question set. A question set is JSON lines; see test/fixtures/eval/README.md.`]);
    expect(result.code).toBe(1);
  });

  it("an empty file", async () => {
    const result = await evalOn("empty.jsonl", "\n\n");
    expect(result.lines).toEqual([`error: ${result.file}: has no questions. Each line is one JSON question; see test/fixtures/eval/README.md.`]);
    expect(result.code).toBe(1);
  });

  it("a line that is not JSON, by its number and JSON's own reason", async () => {
    const result = await evalOn("broken.jsonl", `${GOOD}\n\n{"id": "q2", "type": "fact",\n`);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(new RegExp(`^error: ${result.file}:3: not valid JSON \\(.+\\)\\. Each line must be one JSON object; see test/fixtures/eval/README\\.md\\.$`));
    expect(result.code).toBe(1);
  });

  it("a pretty-printed JSON file, at its first line", async () => {
    const result = await evalOn("set.json", JSON.stringify([JSON.parse(GOOD)], null, 2));
    expect(result.lines[0]).toMatch(new RegExp(`^error: ${result.file}:1: not valid JSON \\(.+\\)\\. Each line must be one JSON object`));
    expect(result.lines).toHaveLength(1);
  });

  it("a line that is JSON but not a question, naming each field", async () => {
    const result = await evalOn("fields.jsonl", `${GOOD}\n${JSON.stringify({ id: "q2", type: "opinion", evidence: "Grushko" })}\n`);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(new RegExp(`^error: ${result.file}:2: type .*speaker.*; question .*; evidence .*\\. See test/fixtures/eval/README\\.md\\.$`));
    expect(result.code).toBe(1);
  });

  it("a question that ask would refuse, by its line, before the engine is loaded", async () => {
    const long = JSON.stringify({ id: "q3", type: "fact", question: "why ".repeat(200), evidence: [] });
    const empty = JSON.stringify({ id: "q4", type: "fact", question: "  ", evidence: [] });
    const tooLong = await evalOn("long.jsonl", `${GOOD}\n${long}\n`);
    expect(tooLong.lines).toEqual([`error: ${tooLong.file}:2: The question is 799 characters long; the limit is 500. Shorten it.`]);
    expect(tooLong.code).toBe(1);
    const blank = await evalOn("blank.jsonl", `${empty}\n`);
    expect(blank.lines[0]).toMatch(new RegExp(`^error: ${blank.file}:1: The question is empty`));
  });
});
