import { describe, expect, it } from "vitest";
import { personAliases, placeNameWords } from "../../src/engine/lexicon.js";

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

describe("placeNameWords", () => {
  const passage = (text: string) => ({ text }) as never;

  it("takes the words the articles write as places' names, and no one's name", () => {
    const index = {
      passages: [
        passage("Kiper said about 500 residents in the suburbs of Odesa were left without electricity."),
        passage("Odesa, Kharkiv and Sumy regions were affected. Drones hit the industrial town Zheleznogorsk."),
        passage("Britain's agreement with Anduril will see Altius systems supplied. Kiper spoke near Kiper Street."),
        passage("The Kherson region was shelled. Ministers met in The Hague."),
      ],
    };
    const words = placeNameWords(index, new Set(["kiper"]));
    expect([...words].sort()).toEqual(["kharkiv", "kherson", "odesa", "sumy", "zheleznogorsk"]);
  });
});
