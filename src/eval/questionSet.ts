import { readFileSync } from "node:fs";
import { validateQuestion } from "../engine/engine.js";
import { isUserError, UserError } from "../errors.js";
import { decodeText } from "../util/textFile.js";
import { evalQuestionSchema, type EvalQuestion } from "./metrics.js";

const FORMAT = "test/fixtures/eval/README.md";

const UNREADABLE: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a folder, not a question set",
  EACCES: "cannot be read (permission denied)",
};

function problem(file: string, line: number | null, message: string): UserError {
  return new UserError("EVAL_FILE", `${file}${line === null ? "" : `:${line}`}: ${message}`);
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw problem(file, null, `${UNREADABLE[code] ?? `cannot be read (${code})`}. Give the path of a question set (JSON lines; see ${FORMAT}).`);
  }
  const decoded = decodeText(bytes);
  if ("problem" in decoded) {
    throw problem(
      file,
      null,
      decoded.problem === "binary"
        ? `is a binary file, not a question set. A question set is JSON lines; see ${FORMAT}.`
        : `is not UTF-8 text. Re-save it as UTF-8; see ${FORMAT}.`,
    );
  }
  return decoded.text;
}

function parseLine(file: string, line: string, number: number): EvalQuestion {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw problem(file, number, `not valid JSON (${(error as Error).message}). Each line must be one JSON object; see ${FORMAT}.`);
  }
  const parsed = evalQuestionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "the line"} ${issue.message}`);
    throw problem(file, number, `${issues.join("; ")}. See ${FORMAT}.`);
  }
  try {
    validateQuestion(parsed.data.question);
  } catch (error) {
    if (isUserError(error)) throw problem(file, number, error.message);
    throw error;
  }
  return parsed.data;
}

/**
 * Reads a JSON-lines question set. A file that cannot be one, or a bad line, stops with one
 * line naming the file (and the line's number) and what to do.
 */
export function readQuestionSet(file: string): EvalQuestion[] {
  const questions = readText(file)
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => parseLine(file, line, number));
  if (questions.length === 0) throw problem(file, null, `has no questions. Each line is one JSON question; see ${FORMAT}.`);
  return questions;
}
