import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../src/errors.js";
import { createEngineFixture, type EngineFixture } from "./support/engineFixture.js";
import { createFakeEmbedder } from "./support/fakeEmbedder.js";
import { startPgServer, type PgServer } from "../bench/support/pgServer.js";

/** The engine contract: the same tests, whichever backend holds the index (issue 13). */
describe.each(["files", "postgres"] as const)("Engine filters and sources (%s backend)", (backend) => {
  let fixture: EngineFixture;
  let server: PgServer | undefined;
  beforeAll(async () => {
    server = backend === "postgres" ? await startPgServer() : undefined;
    fixture = await createEngineFixture(
      createFakeEmbedder(),
      async (articlesDir) => {
        await writeFile(path.join(articlesDir, "003_c0678c1811952286.json"), JSON.stringify({ outlet: "Evening Paper", published: "2025-03-17" }));
        await writeFile(path.join(articlesDir, "000_c2c287abe968920d.json"), JSON.stringify({ outlet: "Morning Paper" }));
      },
      server === undefined ? {} : { databaseUrl: server.url },
    );
  }, 60_000);
  afterAll(async () => {
    await fixture?.cleanup();
    await server?.stop();
  });

  it("lists the indexed articles with their metadata and passage counts", () => {
    const sources = fixture.engine.sources();
    expect(sources.map((source) => source.id)).toHaveLength(5);
    expect(sources.find((source) => source.id === "003_c0678c1811952286")).toMatchObject({ outlet: "Evening Paper", published: "2025-03-17" });
    expect(sources.every((source) => source.passageCount > 0)).toBe(true);
    expect(fixture.engine.outlets()).toEqual(["Evening Paper", "Morning Paper"]);
  });

  it("answers only from the chosen outlet, whatever its case", async () => {
    const answer = await fixture.engine.ask("What did Grushko say?", { outlet: "evening paper" });
    expect(answer.answered).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) expect(citation).toMatchObject({ articleId: "003_c0678c1811952286", outlet: "Evening Paper", published: "2025-03-17" });
  });

  it("answers from the outlet a question names, and takes an outlet it does not know for where, not what about", async () => {
    const named = await fixture.engine.ask("What did the Evening Paper report Grushko said?");
    expect(named.citations.length).toBeGreaterThan(0);
    for (const citation of named.citations) expect(citation).toMatchObject({ outlet: "Evening Paper" });
    const other = await fixture.engine.ask("According to the LBC report, what did Grushko say?");
    expect(other.answer).not.toMatch(/never mention/);
    expect(other.citations.length).toBeGreaterThan(0);
  });

  it("answers only from the chosen article", async () => {
    const answer = await fixture.engine.ask("What did Peskov say?", { articleId: "004_a0944345dc9b0cb6" });
    expect(new Set(answer.citations.map((citation) => citation.articleId))).toEqual(new Set(["004_a0944345dc9b0cb6"]));
  });

  it("names the known outlets when asked for an unknown one", async () => {
    const error = await fixture.engine.ask("What did Grushko say?", { outlet: "Daily Nowhere" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain("Known outlets: Evening Paper, Morning Paper");
  });

  it("titles a passage by the section it sits in", async () => {
    const answer = await fixture.engine.ask("How much territory do Ukrainian forces still control in Kursk?", { articleId: "001_1272ebf6c73cbd1c", k: 20 });
    const kursk = answer.citations.find((citation) => citation.text.includes("110 square km"));
    expect(kursk?.title).toBe("Russian troops battle last Ukrainian forces in Kursk region");
  });

  it("rejects an empty or over-long question with a stable code", async () => {
    await expect(fixture.engine.ask("   ")).rejects.toMatchObject({ code: "QUESTION_EMPTY" });
    await expect(fixture.engine.ask("\u200b\u2060\ufeff ")).rejects.toMatchObject({ code: "QUESTION_EMPTY" });
    await expect(fixture.engine.ask("x".repeat(501))).rejects.toMatchObject({ code: "QUESTION_TOO_LONG" });
  });
});
