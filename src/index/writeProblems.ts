import path from "node:path";
import { UserError } from "../errors.js";

/** What each error of a write that cannot succeed means, and what to do about it. */
const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission is denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "part of the path is a file, not a folder",
  EEXIST: "a file is in the way of a folder",
  EISDIR: "a folder is in the way of a file",
};

/**
 * A write error in the index folder as a UserError naming the folder, the problem and the fix;
 * any other error is returned as it is.
 */
export function writeProblem(indexDir: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem = code === undefined ? undefined : WRITE_PROBLEMS[code];
  if (problem === undefined) return error;
  const fix = code === "ENOSPC" || code === "EDQUOT" ? "Free some space there" : "Make it writable";
  return new UserError(
    "INDEX_NOT_WRITABLE",
    `Cannot write the index in ${path.resolve(indexDir)}: ${problem} (${code}). ${fix}, or set INDEX_DIR to another folder.`,
    { cause: error },
  );
}
