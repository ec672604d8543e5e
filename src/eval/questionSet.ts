import { readFileSync } from "node:fs";
import { UserError } from "../errors.js";
import { evalQuestionSchema, type EvalQuestion } from "./metrics.js";

/** Reads a JSON-lines question set; a bad line names its file and line number. */
export function readQuestionSet(file: string): EvalQuestion[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UserError("EVAL_FILE", `Cannot read the question set ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return text
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new UserError("EVAL_FILE", `${file}:${number}: not valid JSON.`);
      }
      const parsed = evalQuestionSchema.safeParse(json);
      if (!parsed.success) throw new UserError("EVAL_FILE", `${file}:${number}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
      return parsed.data;
    });
}
