import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Compiles dist/ before any test file runs, when a source changed since the last build: the
 * CLI tests run the compiled entry points, as npm's scripts do. `npm test` builds first too;
 * this covers `npx vitest` after an edit.
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, "../../scripts/build.mjs"), "--if-stale"], { stdio: "inherit" });
}
