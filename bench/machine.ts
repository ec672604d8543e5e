import { spawnSync } from "node:child_process";
import os from "node:os";

/** What the figures were measured on. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the run started and when it ended. */
  loadAtStart: number[];
  loadAtEnd: number[];
  startedAt: string;
  /** The commit measured, with "+ uncommitted changes" when the work tree differs; null outside git. */
  commit: string | null;
}

function describeCommit(): string | null {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return null;
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? " + uncommitted changes" : ""}`;
}

export function describeMachine(): MachineInfo {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: os.loadavg(),
    loadAtEnd: [],
    startedAt: new Date().toISOString(),
    commit: describeCommit(),
  };
}

export function finishMachine(machine: MachineInfo): MachineInfo {
  return { ...machine, loadAtEnd: os.loadavg() };
}
