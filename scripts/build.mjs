#!/usr/bin/env node
/**
 * Compiles src/ and scripts/ to dist/ (tsconfig.build.json). Plain JavaScript, because it runs
 * before there is anything compiled to run.
 *
 *   node scripts/build.mjs              build (npm's `prepare`: on npm install and npm ci)
 *   node scripts/build.mjs --if-stale   build only when a source is newer than the last build
 *                                       (before every npm script that runs dist/)
 *
 * The check costs a few milliseconds of stat calls; `tsc -b` itself costs about 0.25 s of CPU
 * even when nothing changed (it loads the compiler), so it runs only when a source changed.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CONFIG = "tsconfig.build.json";
/** Written after every successful build; its time is the build's. */
const STAMP = path.join(ROOT, "dist", ".built");
/** What the build reads: a change to any of these (or a file added or removed there) rebuilds. */
const SOURCES = ["src", "scripts", "tsconfig.json", CONFIG];

function newestChange(entry) {
  let stats;
  try {
    stats = statSync(entry);
  } catch {
    return 0;
  }
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) for (const name of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

function isStale() {
  const built = builtAt();
  return built < 0 || SOURCES.some((source) => newestChange(path.join(ROOT, source)) > built);
}

function build() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    process.stderr.write("Cannot compile dist/: the typescript package is not installed. Run npm install (or npm ci) first.\n");
    process.exit(1);
  }
  // A source saved while tsc runs must still count as newer than this build.
  const started = new Date();
  // tsc's messages go to standard error, so that `ask --json` output stays pure JSON.
  const result = spawnSync(process.execPath, [tsc, "-b", CONFIG], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(`Compiling dist/ failed (tsc -b ${CONFIG}); fix the errors above.\n`);
    process.exit(1);
  }
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
}

if (!process.argv.includes("--if-stale")) build();
else if (isStale()) {
  process.stderr.write("Sources changed since dist/ was built: compiling (tsc -b, incremental)…\n");
  build();
}
