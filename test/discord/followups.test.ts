import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFollowUp, subjectOf } from "../../src/discord/followups.js";
import { createEngineFixture, type EngineFixture } from "../support/engineFixture.js";

describe("subjectOf", () => {
  it.each([
    ["What did Grushko say?", "Grushko"],
    ["What did Sir Keir Starmer propose?", "Sir Keir Starmer"],
    ["Why did Starmer's plan worry the Kremlin?", "Starmer"],
    ["Grushko said what about NATO?", "Grushko"],
    ["what did the Kremlin threaten?", "Kremlin"],
    ["Is Putin ready to talk?", "Putin"],
    ["What did Britain and France propose?", "Britain and France"],
    ["Did Macron and the others agree?", "Macron"],
    ["how many troops are there?", null],
  ])("GIVEN %j THEN the subject is %j", (question, subject) => {
    expect(subjectOf(question)).toBe(subject);
  });
});

describe("resolveFollowUp", () => {
  it("replaces third-person pronouns with the previous question's subject", () => {
    expect(resolveFollowUp("What did Grushko say?", "what else did he say?")).toBe("what else did Grushko say?");
    expect(resolveFollowUp("What did Grushko say?", "What is his job?")).toBe("What is Grushko's job?");
    expect(resolveFollowUp("What did Britain and France propose?", "Why did they do it?")).toBe("Why did Britain and France do it?");
  });

  it("asks a follow-up without a pronoun, or after a question without a subject, as it stands", () => {
    expect(resolveFollowUp("What did Grushko say?", " What did Peskov say? ")).toBe("What did Peskov say?");
    expect(resolveFollowUp("how many troops?", "what did he say?")).toBe("what did he say?");
  });
});

describe("follow-ups through the engine", () => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await createEngineFixture();
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  it("'what else did he say?' after 'What did Grushko say?' is answered with Grushko's words; alone it is not", async () => {
    const resolved = await fixture.engine.ask(resolveFollowUp("What did Grushko say?", "what else did he say?"));
    expect(resolved.answered).toBe(true);
    expect(resolved.answer).toContain("We absolutely do not care under what label");
    expect((await fixture.engine.ask("what else did he say?")).answered).toBe(false);
  });
});
