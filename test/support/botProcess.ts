import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { ROOT } from "./runCli.js";

/** One process as /proc shows it. */
interface ProcessInfo {
  pid: number;
  parent: number;
  group: number;
  /** R, S, D…; Z is a zombie: it has exited and only waits to be reaped. */
  state: string;
  commandLine: string;
}

function processes(): ProcessInfo[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ")".
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const [state = "", parent = "", group = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
        return [{ pid: Number(entry), parent: Number(parent), group: Number(group), state, commandLine }];
      } catch {
        return []; // it exited while being read
      }
    });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * `npm <args>` as a real process tree, leading a process group of its own so that a signal to
 * the group reaches only it. Linux only: the tree is read from /proc.
 */
export class NpmProcess {
  readonly pid: number;
  readonly exited: Promise<Exit>;
  private stderrText = "";
  private stdoutText = "";

  constructor(args: string[], env: Record<string, string>) {
    const child = spawn("npm", args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid === undefined) throw new Error("npm did not start");
    this.pid = child.pid;
    child.stdout.on("data", (chunk: Buffer) => (this.stdoutText += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (this.stderrText += chunk.toString()));
    this.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  }

  get stderr(): string {
    return this.stderrText;
  }

  get stdout(): string {
    return this.stdoutText;
  }

  /** Resolves once standard error has a line matching `pattern`; rejects if npm exits or the time is up first. */
  async waitForStderr(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (!pattern.test(this.stderrText)) {
      if (exited) throw new Error(`npm exited before printing ${pattern}:\n${this.stderrText}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}:\n${this.stderrText}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The processes of the group that have not exited (zombies, which have, are left out). */
  running(): ProcessInfo[] {
    return processes().filter((info) => info.group === this.pid && info.state !== "Z");
  }

  /** The bot itself: the node process that runs the bot's entry point, whatever wraps it. */
  botProcess(): ProcessInfo | undefined {
    return this.running().find((info) => /^\S*node .*\bdist\/src\/discord\/main\.js$/.test(info.commandLine));
  }

  /** Waits until no process of the group runs, up to `timeoutMs`; returns those still running. */
  async whenAllGone(timeoutMs: number): Promise<ProcessInfo[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.running().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.running();
  }

  /** SIGKILL to the whole group, for cleaning up after a test whatever state it left. */
  killAll(): void {
    try {
      process.kill(-this.pid, "SIGKILL");
    } catch {
      // ESRCH: nothing left
    }
  }
}

/** `promise`, or a rejection naming `what` after `ms`: a process that does not exit fails the test instead of hanging it. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms).unref())]);
}
