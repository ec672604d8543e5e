import { describe, expect, it } from "vitest";
import { answerTypeOf, asksForOrganisation, asNameOf, hasAnswerType, measureAsked } from "../../src/retrieve/answerType.js";

describe("answerTypeOf", () => {
  it("reads 'what is the X called?' as asking X's name, and 'what did Y call X' as asking a label", () => {
    expect(answerTypeOf("What is the drone company called?")).toBe("name");
    expect(answerTypeOf("what's the coalition actually called")).toBe("name");
    expect(asNameOf("What is the international war crimes group the US is leaving called?")).toBe("what is the name of the international war crimes group the US is leaving?");
    expect(answerTypeOf("What did Medvedev call Macron?")).toBe("label");
    expect(answerTypeOf("what was macron called by medvedev")).toBe("label");
    expect(asNameOf("what was he called")).toBe("what was he called");
    expect(asksForOrganisation("What is the drone company called?")).toBe(true);
    expect(asksForOrganisation("What is the name of the drone firm?")).toBe(true);
    expect(asksForOrganisation("What is the coalition called?")).toBe(false);
  });

  it("reads the kind of answer a question asks for", () => {
    expect(answerTypeOf("How many drones did Russia launch?")).toBe("quantity");
    expect(answerTypeOf("what is Britain's Anduril drone contract worth?")).toBe("quantity");
    expect(answerTypeOf("Is the deal worth doing?")).toBeNull();
    // an organisation asked for by its kind, at the start or after a preposition
    expect(answerTypeOf("which company is the uk getting drones from")).toBe("name");
    expect(answerTypeOf("From what drone firm is Britain buying?")).toBe("name");
    expect(answerTypeOf("Which European countries oppose sending troops?")).toBe("name");
    expect(answerTypeOf("Will the French bring back the draft, going by what their company said?")).not.toBe("name");
    // someone's office, asked in chat-speak too; not "what did X say about his role"
    expect(answerTypeOf("What job does Medvedev hold now?")).toBe("role");
    expect(answerTypeOf("whats peskovs job")).toBe("role");
    expect(answerTypeOf("what is Grushko's role?")).toBe("role");
    expect(answerTypeOf("What did Starmer say about Britain's role?")).not.toBe("role");
    // a purpose
    expect(answerTypeOf("What was Kyiv hoping to achieve with its push into Kursk?")).toBe("reason");
    expect(answerTypeOf("what was the point of the incursion")).toBe("reason");
    expect(answerTypeOf("When will Trump speak to Putin?")).toBe("time");
    // a "when" the question ends on, or "by when", asks for a date too
    expect(answerTypeOf("medvedev said macron disappears by when exactly")).toBe("time");
    expect(answerTypeOf("macron is gone when?")).toBe("time");
    expect(answerTypeOf("What did Macron say when he met Starmer?")).not.toBe("time");
    expect(answerTypeOf("What did Medvedev call Macron?")).toBe("label");
    // a call after "the", a possessive or a compound is a phone call, not a name given
    expect(answerTypeOf("Which US special envoy announced the Trump-Putin call?")).not.toBe("label");
    expect(answerTypeOf("What did Putin agree on his phone call?")).not.toBe("label");
    // The label is given; what was so called is asked.
    expect(answerTypeOf("What did Starmer call a big mistake?")).not.toBe("label");
    expect(answerTypeOf("Who announced the deal?")).toBe("person");
    expect(answerTypeOf("What did Grushko say about NATO?")).toBe("quote");
    expect(answerTypeOf("What exactly did Steve Witkoff say when he announced the call?")).toBe("quote");
    // "How did X describe/characterise Y" asks for X's words on it
    expect(answerTypeOf("How did the European Commission president describe the moment?")).toBe("quote");
    expect(answerTypeOf("How did Russia characterise the proposal?")).toBe("quote");
    expect(answerTypeOf("What is the name of the UK source?")).toBe("person");
    expect(answerTypeOf("What is the unit price of one drone?")).toBe("quantity");
    expect(answerTypeOf("What's the dollar value of the US military aid the White House froze?")).toBe("quantity");
    // a figure, a headcount or a toll asks for a number
    expect(answerTypeOf("What troop figure had the Ukrainian leader sought?")).toBe("quantity");
    expect(answerTypeOf("What toll has the war taken on Russia's soldiers?")).toBe("quantity");
    expect(answerTypeOf("What headcount had Ukraine's leader floated?")).toBe("quantity");
  });

  it("does not take 'according to' for a request for someone's words", () => {
    // It says who reports the fact; the answer is the group, in whatever words.
    expect(answerTypeOf("Which international group is the US leaving, according to the New York Times?")).toBeNull();
  });
});

describe("answerTypeOf for a reason", () => {
  it("asks 'the name of' a thing for a name, and of a person for a person's name", () => {
    expect(answerTypeOf("what's the name of the seaside town on the azov where ukraine went after an air base?")).toBe("name");
    expect(answerTypeOf("What was the name of the nursery school that got damaged?")).toBe("name");
    expect(answerTypeOf("What is the name of the prime minister's spokesman?")).toBe("person");
  });

  it("asks a why-question for a cause or a purpose, which a bare report of the fact does not give", () => {
    expect(answerTypeOf("Why is the US leaving the international group investigating war crimes?")).toBe("reason");
    expect(answerTypeOf("What reason did Macron give for not bringing back conscription?")).toBe("reason");
    expect(hasAnswerType("He said it is not a realistic option because France does not have the logistics.", "reason")).toBe(true);
    expect(hasAnswerType("Ukraine pushed into Kursk in an incursion that aimed to distract Moscow's forces.", "reason")).toBe(true);
    expect(hasAnswerType("The US has notified its partners that it is leaving the group, the New York Times reported.", "reason")).toBe(false);
    // "Why is the Odesa region important?": what it is key for
    expect(hasAnswerType("The region is key for Ukrainian maritime exports.", "reason")).toBe(true);
    expect(hasAnswerType("The region has been attacked daily for three weeks.", "reason")).toBe(false);
  });
});

describe("measureAsked for a duration", () => {
  it("takes a length of time written in words ('a seven-month incursion')", () => {
    const duration = measureAsked("For how long did Ukraine's push into western Russia go on?");
    expect(duration?.answer.test("after a seven-month incursion by Ukraine")).toBe(true);
    expect(duration?.answer.test("a proposal for a 30-day ceasefire")).toBe(true);
    expect(duration?.answer.test("Ukraine pushed into western Russia")).toBe(false);
  });
});

describe("a place", () => {
  it("is asked by 'where' with a verb, but not by 'where does X stand on' nor by a 'where' that opens a clause", () => {
    expect(answerTypeOf("Where will the coalition's military chiefs meet?")).toBe("place");
    expect(answerTypeOf("wait where r ukraine and the US supposed to have their talks next wk??")).toBe("place");
    expect(answerTypeOf("Where exactly in London are the chiefs meeting?")).toBe("place");
    expect(answerTypeOf("where does the italian PM stand on sending soldiers?")).not.toBe("place");
    expect(answerTypeOf("the town where the airfield was hit, what was it called")).not.toBe("place");
  });

  it("is given by a preposition of place before a name or a kind of place, not before a day or a titled person", () => {
    expect(hasAnswerType("Military chiefs will meet in London on Thursday.", "place")).toBe(true);
    expect(hasAnswerType("Mr Trump branded Mr Zelenskyy a “dictator” in a furious TruthSocial post.", "place")).toBe(true);
    expect(hasAnswerType("The plan includes putting troops in major cities.", "place")).toBe(true);
    expect(hasAnswerType("Defence secretary John Healey held talks last night with US counterpart Pete Hegseth.", "place")).toBe(false);
    expect(hasAnswerType("Trump will speak to Putin on Tuesday.", "place")).toBe(false);
    expect(hasAnswerType("Military chiefs from Sir Keir and Mr Macron’s coalition prepare to meet.", "place")).toBe(false);
  });
});

describe("hasAnswerType for a label", () => {
  it("takes a quoted label given with 'called' or with 'said it was'", () => {
    expect(hasAnswerType("Medvedev mocked him, calling him “Micron”.", "label")).toBe(true);
    expect(hasAnswerType("Moscow said President Macron’s offer of peacekeeping troops was “extremely confrontational”.", "label")).toBe(true);
    expect(hasAnswerType("Ursula von der Leyen said it was a “watershed moment”.", "label")).toBe(true);
    expect(hasAnswerType("Moscow said the offer was confrontational.", "label")).toBe(false);
    // "stated … would be “completely unacceptable”": a label given with another reporting verb, after an adverb
    expect(hasAnswerType("Peskov stated last month that such a development would be “completely unacceptable to us,” citing security.", "label")).toBe(true);
    expect(hasAnswerType("Leaders agreed a £670bn defence package.", "label")).toBe(false);
  });
});

describe("measureAsked", () => {
  it("reads an area asked for as a bit, a part or in square kilometres", () => {
    expect(measureAsked("how big is the ukrainian held bit of kursk now")?.searchWords).toBe("area square km");
    expect(measureAsked("How much territory do they control?")?.searchWords).toBe("area square km");
    expect(measureAsked("How many drones were launched?")).toBeUndefined();
    expect(measureAsked("How much is Britain paying for the drones?")?.searchWords).toBe("total million billion");
    expect(measureAsked("how much of kursk do the ukrainians still hold now")?.searchWords).toBe("area square km");
    expect(measureAsked("How many square kilometres of Kursk did Ukraine still hold?")?.searchWords).toBe("area square km");
  });

  it("reads help given and ground claimed as a sum and an area", () => {
    expect(measureAsked("How much assistance has Kyiv been given in total?")?.kind).toBe("sum");
    expect(measureAsked("How much of Kursk did Ukraine claim last year?")?.kind).toBe("area");
  });

  it("reads a person's name as two capitalised words, not a sentence's opening article and a name", () => {
    expect(hasAnswerType("The Kremlin has threatened a full-scale war.", "person")).toBe(false);
    expect(hasAnswerType("But Vladimir Putin said no.", "person")).toBe(true);
    expect(hasAnswerType("The incursion was launched in an attempt to secure a bargaining chip.", "reason")).toBe(true);
    expect(hasAnswerType("Britain’s agreement with Anduril will see drones supplied.", "name")).toBe(true);
    expect(hasAnswerType("Britain has signed a deal with a security firm.", "name")).toBe(false);
    // an office held now, not a former one
    expect(hasAnswerType("Medvedev, who currently serves as the deputy chair of the Security Council, stated…", "role")).toBe(true);
    expect(hasAnswerType("Former president Dmitry Medvedev mocked him on social media.", "role")).toBe(false);
  });
});

describe("measureAsked's frame words", () => {
  it("take the words for how a sum changed hands and what it paid for as said by the sum itself", () => {
    const sum = measureAsked("How much money has the West pumped into Kyiv's war effort so far?");
    expect(sum?.kind).toBe("sum");
    for (const word of ["money", "pumped", "war", "effort"]) expect(sum?.frameWords.has(word)).toBe(true);
    expect(sum?.frameWords.has("kyiv")).toBe(false);
  });

  it("take the ground, whose forces and how it was taken as said by an area", () => {
    const area = measureAsked("At its peak, how much Russian land had Kyiv's forces grabbed?");
    expect(area?.kind).toBe("area");
    for (const word of ["land", "forces", "grabbed"]) expect(area?.frameWords.has(word)).toBe(true);
    expect(area?.frameWords.has("peak")).toBe(false);
  });
});
