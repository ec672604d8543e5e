import { describe, expect, it } from "vitest";
import type { Attribution, RawQuote } from "../../../src/ingest/quotes/extract.js";
import { resolveSpeakers, SpeakerRegistry } from "../../../src/ingest/quotes/speakers.js";
import { parseArticle } from "../../../src/ingest/parseArticle.js";

const article = (id: string, body: string) => parseArticle(id, `${id}.txt`, `Headline ${id}\n\n${body}\n`);

let offset = 0;
function quote(articleId: string, speaker: Attribution, options: { appositiveRole?: string; kind?: "direct" | "reported" } = {}): RawQuote {
  offset += 10;
  return { articleId, section: 0, start: offset, end: offset + 5, text: `words ${offset}`, kind: options.kind ?? "direct", speaker, appositiveRole: options.appositiveRole ?? null };
}
const named = (name: string, role: string | null = null): Attribution => ({ kind: "named", name, role });
const role = (text: string): Attribution => ({ kind: "role", role: text });

const london = article("london", "Former prime minister Boris Johnson met British Prime Minister Keir Starmer in London.");
const moscow = article("moscow", "Kremlin spokesman Dmitry Peskov spoke to reporters.");

function registry(...articles: ReturnType<typeof article>[]): SpeakerRegistry {
  const result = new SpeakerRegistry();
  result.registerMentions(articles);
  return result;
}

describe("SpeakerRegistry: who a quote is attributed to", () => {
  it("joins a bare surname and a titled name to the person named in full", () => {
    const speakers = registry(london);
    speakers.attribute(quote("london", named("Starmer")));
    speakers.attribute(quote("london", named("Sir Keir Starmer")));
    const { speakers: list, quotes } = speakers.finalise();
    expect(list).toEqual([
      {
        id: "person:keir-starmer",
        name: "Keir Starmer",
        kind: "person",
        variants: ["Keir Starmer", "Sir Keir Starmer", "Starmer"],
        roles: ["british prime minister"],
        organisations: [],
        quoteCount: 2,
        articleIds: ["london"],
      },
    ]);
    expect(quotes.map((entry) => entry.speakerId)).toEqual(["person:keir-starmer", "person:keir-starmer"]);
  });

  it("makes an unknown single name an organisation, and links it to its institution", () => {
    const speakers = registry(london);
    speakers.attribute(quote("london", named("Kremlin")));
    expect(speakers.finalise().speakers).toMatchObject([{ id: "organisation:kremlin", name: "Kremlin", kind: "organisation", organisations: ["the Kremlin"] }]);
  });

  it("makes a full name that ends as a body's name does an organisation, not a person", () => {
    const speakers = registry(london);
    speakers.attribute(quote("london", named("New York Times")));
    expect(speakers.finalise().speakers).toMatchObject([{ id: "organisation:new-york-times", name: "New York Times", kind: "organisation" }]);
  });

  it("keeps anonymous sources apart per article", () => {
    const speakers = registry(london, moscow);
    speakers.attribute(quote("london", { kind: "anonymous", description: "a western official" }));
    speakers.attribute(quote("moscow", { kind: "anonymous", description: "a western official" }));
    speakers.attribute(quote("moscow", { kind: "anonymous", description: "a western official" }));
    expect(speakers.finalise().speakers.map((speaker) => [speaker.id, speaker.kind, speaker.quoteCount])).toEqual([
      ["anonymous:moscow:a-western-official", "anonymous", 2],
      ["anonymous:london:a-western-official", "anonymous", 1],
    ]);
  });

  it("resolves an office to the one person holding it in that article, never a former holder", () => {
    const speakers = registry(london, moscow);
    speakers.attribute(quote("london", role("the prime minister")));
    speakers.attribute(quote("moscow", role("the prime minister")));
    // Boris Johnson, a former prime minister, is named here too; no one holds "former prime minister" now.
    speakers.attribute(quote("london", role("the former prime minister")));
    const { quotes } = speakers.finalise();
    expect(quotes.map((entry) => entry.speakerId)).toEqual(["person:keir-starmer", "role:moscow:prime-minister", "role:london:former-prime-minister"]);
  });

  it("gives an office to the one more qualified office quoted in the article", () => {
    const speakers = registry(moscow);
    speakers.attribute(quote("moscow", role("the Russian foreign minister")));
    speakers.attribute(quote("moscow", role("the foreign minister")));
    const { speakers: list, quotes } = speakers.finalise();
    expect(list).toEqual([
      { id: "role:moscow:russian-foreign-minister", name: "the russian foreign minister", kind: "role", variants: ["the russian foreign minister"], roles: ["russian foreign minister"], organisations: [], quoteCount: 2, articleIds: ["moscow"] },
    ]);
    expect(new Set(quotes.map((entry) => entry.speakerId)).size).toBe(1);
  });

  it("learns a role from an appositive, so a later quote by that office is theirs", () => {
    const speakers = registry(moscow);
    speakers.attribute(quote("moscow", role("the foreign minister")));
    speakers.attribute(quote("moscow", named("Peskov"), { appositiveRole: "the foreign minister" }));
    speakers.attribute(quote("moscow", role("the foreign minister")));
    const { quotes, speakers: list } = speakers.finalise();
    expect(quotes.map((entry) => entry.speakerId)).toEqual(["role:moscow:foreign-minister", "person:dmitry-peskov", "person:dmitry-peskov"]);
    expect(list.find((speaker) => speaker.id === "person:dmitry-peskov")?.roles).toEqual(["foreign minister", "kremlin spokesman"]);
  });
});

describe("SpeakerRegistry.finalise", () => {
  it("names a person by the fullest name met by the end, for quotes attributed before it was met", () => {
    const speakers = registry(london);
    speakers.attribute(quote("london", named("Starmer")));
    speakers.attribute(quote("london", named("Keir Rodney Starmer")));
    const { quotes, speakers: list } = speakers.finalise();
    expect(quotes.map((entry) => entry.speakerId)).toEqual(["person:keir-rodney-starmer", "person:keir-rodney-starmer"]);
    expect(list.map((speaker) => speaker.name)).toEqual(["Keir Rodney Starmer"]);
  });

  it("numbers quotes in order with their spans, lists speakers most quoted first then by name, articles sorted", () => {
    const speakers = registry(london, moscow);
    const first = quote("moscow", named("Peskov"), { kind: "reported" });
    speakers.attribute(first);
    speakers.attribute(quote("london", named("Peskov")));
    speakers.attribute(quote("london", named("Starmer")));
    speakers.attribute(quote("london", { kind: "anonymous", description: "a source" }));
    const result = speakers.finalise();
    expect(result.quotes[0]).toEqual({ id: "q0", articleId: "moscow", section: 0, start: first.start, end: first.end, text: first.text, kind: "reported", speakerId: "person:dmitry-peskov" });
    expect(result.quotes.map((entry) => entry.id)).toEqual(["q0", "q1", "q2", "q3"]);
    expect(result.speakers.map((speaker) => [speaker.name, speaker.quoteCount, speaker.articleIds])).toEqual([
      ["Dmitry Peskov", 2, ["london", "moscow"]],
      ["a source", 1, ["london"]],
      ["Keir Starmer", 1, ["london"]],
    ]);
    expect(result.speakers[0]?.organisations).toEqual(["the Kremlin"]);
  });

  it("lists everyone named with a role, quoted or not", () => {
    const speakers = registry(london, moscow);
    speakers.attribute(quote("moscow", named("Peskov")));
    expect(speakers.finalise().people).toEqual([
      { name: "Boris Johnson", roles: ["former prime minister"] },
      { name: "Dmitry Peskov", roles: ["kremlin spokesman"] },
      { name: "Keir Starmer", roles: ["british prime minister"] },
    ]);
  });

  it("is what resolveSpeakers returns", () => {
    const raw = [quote("london", named("Starmer")), quote("moscow", role("the spokesman")), quote("moscow", named("Kremlin"))];
    const speakers = registry(london, moscow);
    for (const entry of raw) speakers.attribute(entry);
    expect(resolveSpeakers([london, moscow], raw)).toEqual(speakers.finalise());
  });
});
