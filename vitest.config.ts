import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/buildOnce.ts", "test/support/seedIndexCache.ts"],
    // One worker per core, where vitest's default keeps one core for itself (a single worker on 2
    // cores): the process tests spend much of their time waiting on the processes they start.
    maxWorkers: os.availableParallelism(),
    // A worker runs its files one after another in one process, importing each module once
    // instead of once per file (which cost the ~75 small files half their time). No test file
    // changes globals, the environment or the working folder; the one that fakes timers restores them.
    isolate: false,
    // The integration tests load a real sentence encoder; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
