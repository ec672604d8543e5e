import { describe, expect, it } from "vitest";
import { places } from "../../src/question/places.js";

describe("places", () => {
  const known = places();

  it("knows countries, capitals and demonyms from the world-countries dataset", () => {
    expect(known.countriesOf("Moscow")).toEqual(["Russia"]);
    expect(known.countriesOf("Polish")).toEqual(["Poland"]);
    expect(known.countriesOf("Warsaw")).toEqual(["Poland"]);
    expect(known.countriesOf("Pyongyang")).toEqual(["North Korea"]);
    expect(known.countriesOf("Kyiv")).toEqual(["Ukraine"]);
    expect(known.countriesOf("Rome's")).toEqual(["Italy"]);
    // the dataset calls it Türkiye; news reports still write Turkey
    expect(known.countriesOf("Turkey")).toEqual(["Türkiye"]);
  });

  it("adds the seats of government and unions no dataset has", () => {
    expect(known.countriesOf("the Kremlin")).toEqual(["Russia"]);
    expect(known.countriesOf("No 10")).toEqual(["United Kingdom"]);
    expect(known.countriesOf("the White House")).toEqual(["United States"]);
    expect(known.countriesOf("the Pentagon")).toEqual(["United States"]);
    expect(known.lookup("Élysée").flatMap((place) => place.related)).toContain("macron");
    expect(known.lookup("Brussels").map((place) => place.label)).toContain("european union");
  });

  it("relates a capital to its country's names and seats, so either may answer for it", () => {
    const moscow = known.lookup("moscow").flatMap((place) => place.related);
    expect(moscow).toEqual(expect.arrayContaining(["russia", "russian", "kremlin"]));
    const london = known.lookup("london").flatMap((place) => place.related);
    expect(london).toEqual(expect.arrayContaining(["united kingdom", "british", "downing street"]));
  });

  it("lists a continent's countries by its adjective", () => {
    const european = known.countriesOfContinent("European").map((place) => place.label);
    expect(european).toEqual(expect.arrayContaining(["Germany", "Spain", "Italy", "Denmark"]));
    expect(european).not.toContain("Japan");
    expect(known.countriesOfContinent("Asian").map((place) => place.label)).toContain("Japan");
    expect(known.countriesOfContinent("Western")).toEqual([]);
    // groups no region of the dataset matches
    expect(known.countriesOfContinent("Scandinavian").map((place) => place.label)).toEqual(["Denmark", "Norway", "Sweden"]);
    expect(known.countriesOfContinent("Gulf").map((place) => place.label)).toContain("Saudi Arabia");
  });

  it("does not take two-letter codes or ordinary words for places", () => {
    expect(known.has("fr")).toBe(false);
    expect(known.has("peace")).toBe(false);
    expect(known.has("grushko")).toBe(false);
  });
});
