import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What runs an entry point as its npm script does: `node dist/…js` for what the build compiles
 * (src/ and scripts/, built once before the tests by test/support/buildOnce.ts), tsx for the
 * benchmarks, which `npm run bench` also runs from source.
 */
function commandFor(script: string): [string, string[]] {
  if (script.startsWith("bench/")) return [TSX, [path.join(ROOT, script)]];
  return [process.execPath, [path.join(ROOT, "dist", script.replace(/\.ts$/, ".js"))]];
}

/** Starts one of the project's entry points as a real child process, its streams piped. */
export function spawnCli(script: string, args: string[], options: { env?: Record<string, string> } = {}): ChildProcessWithoutNullStreams {
  const [command, prefix] = commandFor(script);
  return spawn(command, [...prefix, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Runs one of the project's entry points as a real child process. */
export function runCli(script: string, args: string[], options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(script, args, options.env === undefined ? {} : { env: options.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 90_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}
