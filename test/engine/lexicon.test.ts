import { describe, expect, it } from "vitest";
import { personAliases } from "../../src/engine/lexicon.js";

describe("personAliases", () => {
  const aliases = personAliases(["Keir Starmer", "Donald Trump", "Donald Tusk", "Dmitry Peskov", "Dmitry Peskov", "Macron"]);

  it("gives a person's first name for the surname and the surname for the first name", () => {
    expect(aliases("starmer")).toEqual(["keir"]);
    expect(aliases("Keir")).toEqual(["starmer"]);
    expect(aliases("peskov")).toEqual(["dmitry"]);
  });

  it("leaves out a name two people share and a name given alone", () => {
    expect(aliases("donald")).toEqual([]);
    expect(aliases("trump")).toEqual([]);
    expect(aliases("macron")).toEqual([]);
  });
});
