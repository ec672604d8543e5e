import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  RESULT_MARKER,
  type BuildMeasurement,
  type BuildTask,
  type PairMeasurement,
  type PairTask,
  type ServeMeasurement,
  type ServeTask,
  type SideMeasurement,
  type SideTask,
  type WorkerTask,
} from "./workerProtocol.js";

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");

/** Runs one measurement in a fresh Node process (with tsx) and returns its result. */
export function runWorker(task: BuildTask): Promise<BuildMeasurement>;
export function runWorker(task: ServeTask): Promise<ServeMeasurement>;
export function runWorker(task: SideTask): Promise<SideMeasurement>;
export function runWorker(task: PairTask): Promise<PairMeasurement>;
export function runWorker(task: WorkerTask): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, WORKER, JSON.stringify(task)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.split("\n").find((candidate) => candidate.startsWith(RESULT_MARKER));
      if (code !== 0 || line === undefined) {
        reject(new Error(`bench worker (${task.task}) exited with ${code}:\n${stderr.trim().slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)));
    });
  });
}
