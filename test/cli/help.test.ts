import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

/** Each command's entry point and what its help must name. */
const COMMANDS = [
  { name: "ask", script: "src/cli/ask.ts", usage: "npm run --silent ask --", mentions: ["--json", "--jsonl", "--k"] },
  { name: "index", script: "scripts/index.ts", usage: "npm run index --", mentions: ["--rebuild", "--watch"] },
  { name: "ingest", script: "scripts/ingest.ts", usage: "npm run ingest --", mentions: ["ALLOW_PRIVATE_URLS", "5 MB"] },
  { name: "eval", script: "scripts/eval.ts", usage: "npm run --silent eval --", mentions: ["--json", "--verbose"] },
  { name: "bench", script: "bench/main.ts", usage: "npm run --silent bench --", mentions: ["--quick", "--scales"] },
  { name: "register", script: "scripts/register.ts", usage: "npm run register", mentions: ["DISCORD_TOKEN", "DISCORD_CLIENT_ID", "DISCORD_GUILD_ID"] },
  { name: "start", script: "src/discord/main.ts", usage: "npm start", mentions: ["DISCORD_TOKEN", "DISCORD_CLIENT_ID", "SIGTERM"] },
];

// Anything that tries to reach "Discord" during --help connects here and is counted.
let discord: Server;
let connections = 0;
let discordUrl = "";
beforeAll(async () => {
  discord = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => discord.listen(0, "127.0.0.1", resolve));
  const address = discord.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  discordUrl = `http://127.0.0.1:${address.port}/api`;
});
afterAll(async () => {
  await new Promise((resolve) => discord.close(resolve));
});

/**
 * The one run of each command as a process (its flags are read in-process in
 * test/cli/args.test.ts, -h among them): --help reaches standard output and exit status 0 before
 * anything else happens, with a token that would work and a Discord that would answer.
 */
describe.concurrent("--help", () => {
  it.each(COMMANDS)(
    "$name --help prints its usage and exits 0 without an index, and never reaches Discord",
    async ({ script, usage, mentions }) => {
      const result = await runCli(script, ["--help"], {
        // A complete-looking Discord configuration, so that only --help can stop register and start.
        env: {
          DISCORD_TOKEN: "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.fake-token-for-help-test-only-000000",
          DISCORD_CLIENT_ID: "123456789012345678",
          DISCORD_API_URL: discordUrl,
          INDEX_DIR: "/nonexistent/never-built",
          ARTICLES_DIR: "/nonexistent/none",
        },
        timeoutMs: 30_000,
      });
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain(`Usage: ${usage}`);
      for (const mention of mentions) expect(result.stdout).toContain(mention);
      expect(result.stdout).toMatch(/Exit status: 0 done, 1 the work failed, 2 called or configured wrongly/);
      expect(result.code).toBe(0);
      expect(connections).toBe(0);
    },
  );
});
