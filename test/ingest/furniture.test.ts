import { describe, expect, it } from "vitest";
import { classifyLine, parseDateLine, widenAppeals } from "../../src/ingest/furniture.js";

describe("classifyLine", () => {
  it.each([
    "Source link",
    "Related Articles",
    "LEAVE A REPLY",
    "Please enter your comment!",
    "Please enter your name here",
    "Stay Connected",
    "0FansLike",
    "1,204 Followers Follow",
    "0SubscribersSubscribe",
    "Latest Articles",
    "James O'Brien 10am - 1pm",
    "Drivetime 4pm – 7pm",
  ])("treats %j as page furniture", (line) => {
    expect(classifyLine(line)).toBe("furniture");
  });

  it("recognises a donation appeal that speaks to the reader", () => {
    expect(classifyLine("Your support makes all the difference.")).toBe("appeal");
    expect(classifyLine("At such a critical moment, your donation allows us to keep sending journalists.")).toBe("appeal");
  });

  it("keeps a news sentence that merely mentions a donation", () => {
    expect(classifyLine("The party received a donation of £2m from a businessman, filings show.")).toBe("text");
  });

  it("finds kickers and subheads set in capitals", () => {
    expect(classifyLine("RUSSIAN PERSPECTIVE")).toBe("label");
    expect(classifyLine("CEASEFIRE?")).toBe("label");
    expect(classifyLine("NATO leaders met in Brussels.")).toBe("text");
  });
});

describe("widenAppeals", () => {
  it("absorbs the unmarked paragraphs inside a donation box", () => {
    expect(widenAppeals(["text", "appeal", "text", "appeal", "text"])).toEqual(["text", "appeal", "appeal", "appeal", "text"]);
  });

  it("does not join appeals far apart", () => {
    expect(widenAppeals(["appeal", "text", "text", "text", "appeal"])).toEqual(["appeal", "text", "text", "text", "appeal"]);
  });
});

describe("parseDateLine", () => {
  it.each([
    ["20 February 2025, 12:48", "2025-02-20"],
    ["February 20, 2025", "2025-02-20"],
    ["Mon 17 Mar 2025 10.30 GMT", "2025-03-17"],
    ["Published: 2025-03-17", "2025-03-17"],
  ])("reads %j as %s", (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it("rejects sentences and impossible dates", () => {
    expect(parseDateLine("Trump will speak to Putin on 18 March 2025.")).toBeNull();
    expect(parseDateLine("31 February 2025")).toBeNull();
  });
});
