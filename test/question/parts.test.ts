import { describe, expect, it } from "vitest";
import { comparedAsParts, completeCount, completeThing, isComparison, sideParts, speakerParts, splitParts } from "../../src/question/parts.js";

describe("splitParts", () => {
  it("splits at a new question after a comma and 'and', a question mark or a semicolon", () => {
    expect(splitParts("What did Healey say about peace, and how did Hegseth respond?")).toEqual(["What did Healey say about peace", "how did Hegseth respond?"]);
    expect(splitParts("How many drones did Ukraine shoot down? How many did Russia destroy?")).toEqual(["How many drones did Ukraine shoot down", "How many did Russia destroy?"]);
    expect(splitParts("Who is Grushko; what did he say?")).toEqual(["Who is Grushko", "what did he say?"]);
  });

  it("keeps one question whole, and an afterthought with the part before it", () => {
    expect(splitParts("What did Grushko say?")).toEqual(["What did Grushko say?"]);
    expect(splitParts("how many drones did ukraine shoot down overnight?? out of how many")).toEqual(["how many drones did ukraine shoot down overnight?? out of how many"]);
    expect(splitParts("Did Britain and France agree?")).toEqual(["Did Britain and France agree?"]);
    // a first "part" of no words of its own asks with the next: "Where and when…" is one question
    expect(splitParts("Where and when are the chiefs meeting, and how many leaders joined the call?")).toEqual([
      "Where and when are the chiefs meeting",
      "how many leaders joined the call?",
    ]);
  });
});

describe("completeThing", () => {
  it("counts the thing the part before counted when a count leaves it out", () => {
    const before = "How much Russian land did Ukraine hold in Kursk at its peak";
    expect(completeThing("how much is left under its control now?", before)).toBe("how much land is left under its control now?");
    expect(completeThing("and how many has Zelenskyy called for?", "How many European troops does Starmer's plan involve")).toBe("and how many troops has Zelenskyy called for?");
  });

  it("leaves a count that names its thing, or follows no thing", () => {
    expect(completeThing("how many drones did Ukraine down?", "How many troops did Russia send")).toBe("how many drones did Ukraine down?");
    expect(completeThing("how much is left now?", "How much of Kursk did Ukraine hold at its peak")).toBe("how much is left now?");
    expect(completeThing("how much is left now?", "What did Ukraine hold")).toBe("how much is left now?");
  });
});

describe("isComparison", () => {
  it("recognises questions about how articles or outlets differ", () => {
    expect(isComparison("How do the reports differ on what Lavrov said?")).toBe(true);
    expect(isComparison("What figures do the different articles give for the force?")).toBe(true);
    expect(isComparison("Which outlets reported the drone attack?")).toBe(true);
    expect(isComparison("What did Lavrov say?")).toBe(false);
    // a comparison someone made is their words, not a comparison of articles
    expect(isComparison("what did kellogg compare the aid pause to")).toBe(false);
    expect(isComparison("How do the outlets compare on the size of the force?")).toBe(true);
    // how each source words what someone said
    expect(isComparison("How do RT and the Independent each quote Lavrov on NATO troops?")).toBe(true);
    expect(isComparison("How do the articles quote Lavrov?")).toBe(true);
  });
});

describe("comparedAsParts", () => {
  it("asks about the first thing, then how the second compares with it", () => {
    expect(comparedAsParts("How big is the EU defence package compared with the UK's drone contracts?")).toBe(
      "How big is the EU defence package, and how does that compare with the UK's drone contracts?",
    );
    expect(comparedAsParts("How does the size of Starmer's force compare with what Zelenskyy asked for?")).toBe(
      "What is the size of Starmer's force, and how does that compare with what Zelenskyy asked for?",
    );
  });

  it("leaves alone a comparison of articles, of two times of one thing, or one asked in full", () => {
    for (const question of [
      "How does the size of the force compare with what the other reports say?",
      "How much of Kursk did Ukraine hold at its peak versus now?",
      "How many drones did Ukraine down, versus how many Russia claims it destroyed?",
      "What did Kellogg compare the aid pause to?",
    ]) {
      expect(comparedAsParts(question)).toBe(question);
    }
  });
});

describe("speakerParts", () => {
  it("reads 'compare what X and Y said' as what each said", () => {
    expect(speakerParts("Compare what Lavrov and Peskov each said about NATO troops being sent to Ukraine.")).toEqual([
      "What did Lavrov say about NATO troops being sent to Ukraine?",
      "What did Peskov say about NATO troops being sent to Ukraine?",
    ]);
    expect(speakerParts("contrast what medvedev and grushko said")).toEqual(["What did medvedev say?", "What did grushko say?"]);
  });

  it("reads 'X versus Y: what did each of them warn…' as what each warned", () => {
    expect(speakerParts("Medvedev versus Kornilov: what did each of them warn would happen if troops went in?")).toEqual([
      "What did Medvedev warn would happen if troops went in?",
      "What did Kornilov warn would happen if troops went in?",
    ]);
    expect(speakerParts("Lavrov and Peskov - what did each say about NATO?")).toEqual(["What did Lavrov say about NATO?", "What did Peskov say about NATO?"]);
    // one question about two people is not asked of each
    expect(speakerParts("What did Lavrov and Peskov say about NATO?")).toBeNull();
  });

  it("leaves other questions alone", () => {
    expect(speakerParts("What did Sir Keir and Macron each say about Putin?")).toBeNull();
    expect(speakerParts("How do the reports differ on the drone attack?")).toBeNull();
  });
});


describe("completeCount", () => {
  const previous = "According to US estimates, how many Russian troops have been killed or injured";
  it("gives a count asked with no verb the verb of the count before it", () => {
    expect(completeCount("how many Ukrainian troops?", previous)).toBe("how many Ukrainian troops have been killed or injured?");
  });

  it("leaves a part that says what happened to what it counts, or follows no count", () => {
    expect(completeCount("how many residents lost power?", previous)).toBe("how many residents lost power?");
    expect(completeCount("how many were wounded?", previous)).toBe("how many were wounded?");
    expect(completeCount("how many Ukrainian troops?", "What did Grushko say")).toBe("how many Ukrainian troops?");
  });
});

describe("sideParts", () => {
  const sides = new Set(["italian", "canadian", "starmer", "macron", "sir", "keir", "russian", "ukrainian"]);
  const isSide = (word: string) => sides.has(word);

  it("asks a comparison of two sides about each side", () => {
    expect(sideParts("How did the Italian and Canadian leaders' positions on sending troops differ?", isSide)).toEqual([
      "How did the Italian leaders' positions on sending troops differ?",
      "How did the Canadian leaders' positions on sending troops differ?",
    ]);
    expect(sideParts("Compare how Sir Keir and Macron have each characterised Putin.", isSide)).toEqual([
      "Compare how Sir Keir have characterised Putin.",
      "Compare how Macron have characterised Putin.",
    ]);
  });

  it("reads sides written out in full, each with its own words", () => {
    expect(sideParts("What casualty figures do the reports give for Russian troops and for Ukrainian troops?", isSide)).toEqual([
      "What casualty figures do the reports give for Russian troops?",
      "What casualty figures do the reports give for Ukrainian troops?",
    ]);
    // several words alike after each side, in their order
    expect(sideParts("How many were there for Russian troops killed and for Ukrainian troops killed?", isSide)).toEqual([
      "How many were there for Russian troops killed?",
      "How many were there for Ukrainian troops killed?",
    ]);
  });

  it("finds no sides where 'and' joins no two of them", () => {
    expect(sideParts("How do the reports differ on the drones and the troops?", isSide)).toBeNull();
    expect(sideParts("How do Russian troops and drones compare?", isSide)).toBeNull();
  });
});
