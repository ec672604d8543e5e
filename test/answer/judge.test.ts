import { describe, expect, it } from "vitest";
import {
  announcesOnly,
  askedDeed,
  answersInKind,
  countedEvent,
  countedThing,
  countsWhatIsNamed,
  holdsAnswer,
  judgeLead,
  judgeQuotes,
  namesFirstPerson,
  namesTheDoer,
  namesWhichKind,
  onAnotherDay,
  topicConcepts,
  saysWhatBefell,
  unnamedSpeaker,
  withoutNumbersOf,
} from "../../src/answer/judge.js";
import { contentTerms } from "../../src/text/terms.js";
import type { Concept } from "../../src/types.js";

const word = (text: string, extra: Partial<Concept> = {}): Concept => ({ text, alternatives: [[text.toLowerCase()]], kind: "word", known: true, ...extra });
const person = (text: string, ...spellings: string[]): Concept => ({ ...word(text), alternatives: [[text.toLowerCase()], ...spellings.map((s) => [s])], kind: "name" });

describe("holdsAnswer", () => {
  it("takes a message passed on ('has notified its partners that…') for what someone told others", () => {
    const question = "What did Washington tell its Western partners about the war crimes group?";
    expect(holdsAnswer(question, "quote", "The US has notified its Western partners that it is leaving the group.")).toBe(true);
    expect(holdsAnswer(question, "quote", "The US is leaving the group.")).toBe(false);
  });

  it("needs a number next to the thing a how-many question counts", () => {
    const question = "How many drones did Ukraine shoot down?";
    expect(countedThing(question)).toEqual(["drone"]);
    // A participle after the thing says what it did: "troops fighting in Kursk" counts troops.
    expect(countedThing("how many North Korean troops fighting in Kursk")).toEqual(["north", "korean", "troop"]);
    // "How many of them" counts the plural named before; a hedge is not what is counted.
    expect(countedThing("soldiers from Pyongyang are fighting there - how many of them supposedly?")).toEqual(["soldier"]);
    expect(countedThing("how many drones supposedly")).toEqual(["drone"]);
    expect(countedThing("how many of them?")).toEqual([]);
    expect(holdsAnswer(question, "quantity", "Ukraine's air force shot down 90 drones launched by Russia overnight.")).toBe(true);
    expect(holdsAnswer(question, "quantity", "Drones hit the region, where 500 residents lost power for two days.")).toBe(false);
  });

  it("accepts the number by another word of the question when the sentence names the thing otherwise", () => {
    expect(holdsAnswer("How many countries have agreed to join?", "quantity", "More than 30 nations have agreed to sign up.")).toBe(true);
  });

  it("reads what a 'what troop figure' question counts, and a number joined to its noun", () => {
    const question = "What troop figure had the Ukrainian leader sought?";
    expect(countedThing(question)).toEqual(["troop"]);
    expect(countedThing("What number of troops did France offer?")).toEqual(["troop"]);
    expect(holdsAnswer(question, "quantity", "The plan falls short of the 200,000-troops Ukrainian president Volodymyr Zelenskyy has called for.")).toBe(true);
  });

  it("takes a number before a plural past a describing word the question uses too ('27 Ukrainian drones')", () => {
    const question = "How many Ukrainian soldiers are still inside the Kursk region?";
    expect(holdsAnswer(question, "quantity", "Russia exploded one of 27 Ukrainian drones attacking the Kursk region.")).toBe(false);
    expect(holdsAnswer(question, "quantity", "About 2,000 Ukrainian soldiers remain in the Kursk region.")).toBe(true);
    expect(holdsAnswer("How many nations joined the call?", "quantity", "It was joined by the leaders of 26 other nations, plus representatives from the EU.")).toBe(true);
  });

  it("takes a number before another noun to count that, past a participle or after 'one'", () => {
    // "two joined pockets" counts pockets, not soldiers; "one person" counts people, not explosions.
    expect(holdsAnswer("how many ukrainian soldiers are stuck in the kursk pocket?", "quantity", "Maps showed two joined pockets of Ukrainian forces in Kursk.")).toBe(false);
    expect(holdsAnswer("how many explosions were heard at the facility that caught fire?", "quantity", "A facility was attacked where a fire ignited and one person was hospitalised.")).toBe(false);
    expect(holdsAnswer("how many people were hospitalised after the fire?", "quantity", "A facility was attacked where a fire ignited and one person was hospitalised.")).toBe(true);
  });

  it("takes another word for the counted thing ('30 nations' for 'how many countries')", () => {
    expect(holdsAnswer("How many countries back the plan?", "quantity", "Officials said 30 nations have agreed.")).toBe(true);
    expect(holdsAnswer("How many countries back the plan?", "quantity", "Officials said 30 drones have hit.")).toBe(false);
  });

  it("does not take a number that counts something else next to the thing asked about", () => {
    const question = "how many minehunters would the coalition send";
    expect(holdsAnswer(question, "quantity", "The coalition could see the deployment of minehunters and 10,000 troops.")).toBe(false);
    expect(holdsAnswer(question, "quantity", "The coalition could deploy 12 minehunters and 10,000 troops.")).toBe(true);
  });

  it("does not count a year or a number that is part of a name", () => {
    const question = "How many Altius drones is Britain sending?";
    expect(holdsAnswer(question, "quantity", "Altius 600m and Altius 700m systems will be supplied to Kyiv.")).toBe(false);
    expect(holdsAnswer("How many troops were there?", "quantity", "The troops arrived in 1941.")).toBe(false);
  });

  it("answers a sum with money, an area with its units and a duration with a length of time", () => {
    expect(holdsAnswer("How much are the contracts worth?", "quantity", "The new contracts total nearly £30m.")).toBe(true);
    expect(holdsAnswer("How much are the contracts worth?", "quantity", "The contracts cover 2 systems.")).toBe(false);
    expect(holdsAnswer("How much territory do they control?", "quantity", "The area was reduced to about 110 square km.")).toBe(true);
    expect(holdsAnswer("How much territory do they control?", "quantity", "Two pockets of forces remain.")).toBe(false);
    expect(holdsAnswer("How long would the ceasefire last?", "quantity", "Putin resists a proposal for a 30-day ceasefire.")).toBe(true);
    expect(holdsAnswer("How long did the call last?", "quantity", "The call lasted 90 minutes.")).toBe(true);
  });

  it("answers when something is to come only with a time given as one still to come", () => {
    const question = "What date did the Kremlin give for when Russian forces would fully retake Kursk?";
    expect(holdsAnswer(question, "time", "Russia battled on Sunday to drive the last Ukrainian soldiers from western Russia.")).toBe(false);
    expect(holdsAnswer(question, "time", "The Kremlin said its forces would retake Kursk by Sunday.")).toBe(true);
    expect(holdsAnswer("When will Trump speak to Putin?", "time", "Trump has said he will speak to Putin tomorrow.")).toBe(true);
    expect(holdsAnswer("When did Medvedev say Macron would disappear?", "time", "“He’ll disappear forever no later than May 14, 2027,” Mr Medvedev wrote.")).toBe(true);
  });

  it("answers when something is to come with what it waits on", () => {
    const sentence = "Macron said Western troops would arrive in Ukraine only if and when the situation on the ground was safe for them.";
    expect(holdsAnswer("When did Macron say Western troops would arrive?", "time", sentence)).toBe(true);
    expect(holdsAnswer("When would Western troops arrive?", "time", sentence)).toBe(true);
    // what happened, or an exact date, needs a date
    expect(holdsAnswer("When did Western troops arrive?", "time", sentence)).toBe(false);
    expect(holdsAnswer("On what date exactly would Western troops arrive?", "time", sentence)).toBe(false);
  });

  it("does not answer how long one thing lasts with the length of another", () => {
    const sentence = "The call comes as Putin resists a US-backed proposal for a 30-day ceasefire in Ukraine.";
    expect(holdsAnswer("How long did Trump's phone call with Putin last?", "quantity", sentence)).toBe(false);
    expect(holdsAnswer("How long did the Kursk incursion last?", "quantity", "It came after a seven-month incursion by Ukraine.")).toBe(true);
    // a push is the articles' incursion; the age of the whole war is no length of it
    expect(holdsAnswer("How long did Ukraine's push into western Russia last?", "quantity", "It came after a seven-month incursion by Ukraine.")).toBe(true);
    expect(holdsAnswer("How long did Ukraine's push into western Russia last?", "quantity", "In one of the battles of the three-year-old Ukraine war, forces crossed.")).toBe(false);
    expect(holdsAnswer("How long has the war gone on?", "quantity", "In one of the battles of the three-year-old Ukraine war, forces crossed.")).toBe(true);
  });

  it("does not take an announcement for a report of what happened", () => {
    const question = "What was agreed when Trump and Putin spoke on Tuesday?";
    expect(announcesOnly(question, "Trump is due to hold talks with Putin on Tuesday.")).toBe(true);
    expect(holdsAnswer(question, null, "‘I’ll talk to President Putin on Tuesday,’ Trump said.")).toBe(false);
    expect(announcesOnly("When will Trump speak to Putin?", "Trump will speak to Putin tomorrow.")).toBe(false);
    expect(announcesOnly("What did the military chiefs agree at their meeting?", "Military chiefs will meet in London on Thursday.")).toBe(true);
    expect(announcesOnly("What came out of the Trump–Putin phone call?", "The call, announced by US special envoy Steve Witkoff, comes as Putin resists.")).toBe(true);
    expect(announcesOnly("What did the US special envoy announce?", "The call, announced by US special envoy Steve Witkoff, comes as Putin resists.")).toBe(false);
    // saying yes or no to a request is an outcome; what someone said is not
    const request = "Did Trump say yes to Starmer's request to keep US jets on standby?";
    expect(announcesOnly(request, "Sir Keir is expected to urge Mr Trump to have US fighter jets on standby.")).toBe(true);
    expect(announcesOnly("What did Trump say about the jets?", "Sir Keir is expected to urge Mr Trump to have US fighter jets on standby.")).toBe(false);
    // …but not for words reported about the future, or a figure.
    expect(announcesOnly("What did the commentator say would happen to British soldiers?", "The British military will stay in Ukraine forever.")).toBe(false);
    expect(announcesOnly("What's the price tag on the plan the leaders signed?", "Leaders will sign off the £670bn package.")).toBe(false);
  });

  it("reads questions about an outcome as asking what happened", () => {
    const sentence = "Zelensky said Ukraine and the US will hold talks in Saudi Arabia.";
    expect(announcesOnly("What was the outcome of the talks in Saudi Arabia?", sentence)).toBe(true);
    expect(announcesOnly("what did trump and putin end up agreeing on?", "‘I’ll talk to President Putin on Tuesday,’ Trump said.")).toBe(true);
    expect(announcesOnly("Where will the talks be held?", sentence)).toBe(false);
    // "Did Starmer secure…" asks what happened; "Did Trump say he would…" asks for words.
    const plan = "It's thought the Prime Minister will present his plan to Donald Trump in a bid to secure American protection.";
    expect(announcesOnly("Did Starmer secure the US backstop when he presented his plan to Trump?", plan)).toBe(true);
    expect(announcesOnly("Did Trump say he would back the plan?", plan)).toBe(false);
    expect(announcesOnly("On what date did Keir Starmer present his plan to Trump?", plan)).toBe(true);
  });

  it("takes an announcement as the answer to what would or will come of something", () => {
    const backstop = "If the US signs up to the backstop, it will mean no US troops will be deployed to Ukraine.";
    expect(announcesOnly("If Washington agrees to the backstop, would American soldiers end up on Ukrainian soil?", backstop)).toBe(false);
    expect(announcesOnly("Did American soldiers end up on Ukrainian soil?", backstop)).toBe(true);
  });

  it("needs an age for 'how old', not a count of people", () => {
    const question = "How old was the civilian who was injured in the drone attack on Odesa?";
    expect(holdsAnswer(question, "quantity", "One civilian was injured during the attack.")).toBe(false);
    expect(holdsAnswer(question, "quantity", "A 45-year-old civilian was injured during the attack.")).toBe(true);
  });

  it("needs an hour or a part of the day for 'what time', not the day alone", () => {
    const question = "what time of day is trump's call with putin scheduled for?";
    expect(holdsAnswer(question, "time", "Donald Trump is due to hold talks with Putin on Tuesday.")).toBe(false);
    expect(holdsAnswer(question, "time", "Trump will call Putin at 10am on Tuesday.")).toBe(true);
    expect(holdsAnswer(question, "time", "Trump will call Putin on Tuesday morning.")).toBe(true);
    expect(holdsAnswer("When is Trump's call with Putin?", "time", "Donald Trump is due to hold talks with Putin on Tuesday.")).toBe(true);
  });

  it("does not take a number the question gives for the answer", () => {
    const question = "How much of the EU's £670bn defence package is going to Ukraine?";
    expect(holdsAnswer(question, "quantity", "Leaders agreed a £670bn defence package for the European Union.")).toBe(false);
    expect(holdsAnswer(question, "quantity", "Of the £670bn, £20bn goes to Ukraine.")).toBe(true);
    // A number offered as a guess is checked, not given: "670bn or so?", "200k??".
    expect(withoutNumbersOf("eu defence pkg was how big again 670bn or smth?", "a £670bn package")).toBe("a £670bn package");
    expect(withoutNumbersOf("zelenskyy wanted how many troops 200,000??", "200,000 troops")).toBe("200,000 troops");
    expect(withoutNumbersOf("What did the 30 nations agree?", "The 30 nations and 2 others")).toBe("The  nations and 2 others");
  });

  it("does not take a total for the price of one", () => {
    const question = "What is the unit price of one Altius 700m drone?";
    expect(holdsAnswer(question, "quantity", "The new contracts total nearly £30m.")).toBe(false);
    expect(holdsAnswer(question, "quantity", "Each drone costs about £100,000.")).toBe(true);
    expect(holdsAnswer("How much are the contracts worth?", "quantity", "The new contracts total nearly £30m.")).toBe(true);
  });

  it("reads an area asked for in other words ('bit', 'sq km')", () => {
    expect(holdsAnswer("how big is the ukrainian held bit of kursk in sq km", "quantity", "The area shrank to about 110 square km.")).toBe(true);
    expect(holdsAnswer("how big is the ukrainian held bit of kursk in sq km", "quantity", "Two pockets of forces remain.")).toBe(false);
  });

  it("needs a quoted label for 'what did X call Y', given by X", () => {
    const question = "What did Trump call Zelensky?";
    expect(holdsAnswer(question, "label", "Mr Trump branded Mr Zelenskyy as a “comedian” and “dictator”.")).toBe(true);
    expect(holdsAnswer(question, "label", "Mr Trump met Mr Zelenskyy.")).toBe(false);
    const concepts = [person("Trump"), person("Zelensky", "zelenskyy")];
    expect(namesFirstPerson(concepts, "Mr Trump branded Mr Zelenskyy as a “comedian”.")).toBe(true);
    expect(namesFirstPerson(concepts, "Medvedev mocked him, calling him “Micron”.")).toBe(false);
  });
});

describe("saysWhatBefell for casualties", () => {
  it("needs a word for people killed or hurt when asked 'were there any casualties'", () => {
    const part = { text: "Were there any casualties in Ukraine's attack on the Yeysk airfield?", concepts: [word("casualties"), word("attack")] };
    expect(saysWhatBefell(part, new Set(contentTerms("Ukraine also attacked a military airfield in Yeysk, where ten explosions were heard.")))).toBe(false);
    expect(saysWhatBefell(part, new Set(contentTerms("One civilian was injured during the attack.")))).toBe(true);
  });
});

describe("saysWhatBefell", () => {
  const part = (text: string, ...words: string[]) => ({ text, concepts: words.map((one) => word(one)) });
  const terms = (sentence: string) => new Set(contentTerms(sentence));
  it("needs a 'was anyone killed or injured' question's happening in the sentence", () => {
    const asked = part("Was anyone killed or injured when Ukraine attacked the airfield?", "killed", "injured", "attacked", "airfield");
    expect(saysWhatBefell(asked, terms("Ukraine also attacked a military airfield in Yeysk, where ten explosions were heard."))).toBe(false);
    expect(saysWhatBefell(asked, terms("One civilian was injured during the attack on the airfield."))).toBe(true);
  });

  it("asks nothing of other questions", () => {
    expect(saysWhatBefell(part("Was the airfield attacked?", "airfield", "attacked"), terms("Explosions were heard."))).toBe(true);
    expect(saysWhatBefell(part("How many drones were shot down?", "drones", "shot"), terms("Explosions were heard."))).toBe(true);
  });
});

describe("holdsAnswer for someone's exact words", () => {
  it("needs a quotation, not a sentence saying they spoke", () => {
    const question = "What exactly did Steve Witkoff say when he announced the call?";
    expect(holdsAnswer(question, "quote", "The call, announced by US special envoy Steve Witkoff, comes as Putin resists a ceasefire.")).toBe(false);
    expect(holdsAnswer(question, "quote", "“We are very close to an agreement on the call,” Witkoff said.")).toBe(true);
    expect(holdsAnswer(question, "quote", "Witkoff said the call would go ahead on Tuesday.")).toBe(false);
    expect(holdsAnswer("What did Witkoff say when he announced the call?", "quote", "Witkoff said the call would go ahead on Tuesday.")).toBe(true);
  });
});

describe("holdsAnswer for a place", () => {
  it("does not take a place the question names as the answer", () => {
    const question = "Where exactly in London are the military chiefs meeting?";
    expect(holdsAnswer(question, "place", "Military chiefs will meet in London on Thursday.")).toBe(false);
    expect(holdsAnswer(question, "place", "Military chiefs will meet at Northwood on Thursday.")).toBe(true);
  });
});

describe("answersInKind for a count", () => {
  const place = (text: string, ...alternatives: string[][]): Concept => ({ text, alternatives: [[text.toLowerCase()], ...alternatives], kind: "place", known: true });

  it("needs the nationality of the counted thing by the number", () => {
    const part = { text: "How many Ukrainian soldiers surrendered in Kursk?", type: "quantity" as const, concepts: [place("Ukrainian", ["ukraine"]), word("soldiers", { alternatives: [["soldier"], ["troop"]] })] };
    expect(answersInKind(part, "About 2,000 Ukrainian troops surrendered, Moscow said.")).toBe(true);
    expect(answersInKind(part, "Ukraine says as many as 11,000 North Korean troops are fighting in Kursk.")).toBe(false);
  });

  it("takes the sentence's subject as whose the count is when no other name stands by the number", () => {
    const part = { text: "How many Ukrainian troops have been killed or injured?", type: "quantity" as const, concepts: [place("Ukrainian", ["ukraine"]), word("troops", { alternatives: [["troop"]] })] };
    expect(answersInKind(part, "Ukraine has also seen more than 100,000 troops killed or injured, according to U.S. estimates.")).toBe(true);
    expect(answersInKind(part, "U.S. estimates say more than 100,000 Russian troops have been killed or injured in Ukraine.")).toBe(false);
  });

  it("holds a list of names to the number when the first stands by it", () => {
    const part = { text: "How many troops from the EU and NATO could the coalition deploy?", type: "quantity" as const, concepts: [word("troops", { alternatives: [["troop"]] }), place("EU"), place("NATO"), word("coalition"), word("deploy")] };
    expect(answersInKind(part, "The coalition could see the deployment of minehunters and 10,000 troops from the EU and NATO, Moscow warned.")).toBe(true);
    expect(answersInKind(part, "The coalition could see 10,000 troops from Britain deployed, the EU and NATO were told.")).toBe(false);
  });

  it("needs the counted thing named, in its word or another for it, where the articles have a word for it", () => {
    const part = { text: "How many minehunters would the coalition send to Ukraine?", type: "quantity" as const, concepts: [word("minehunters", { alternatives: [["minehunter"]] }), word("coalition"), word("send"), place("Ukraine")] };
    expect(answersInKind(part, "It follows Starmer's proposal to send around 30,000 European troops to Ukraine.")).toBe(false);
    expect(answersInKind(part, "The coalition could send six minehunters to Ukraine.")).toBe(true);
    const people = { text: "how many people near odesa lost power", type: "quantity" as const, concepts: [word("people", { alternatives: [["people"], ["resident"]] }), place("Odesa"), word("lost"), word("power")] };
    expect(answersInKind(people, "About 500 residents in the suburbs of Odesa were left without electricity.")).toBe(true);
    // a word the articles never use, or one for the whole count, names nothing the sentence must hold
    const unknown = { ...part, concepts: [word("minehunters", { alternatives: [["minehunter"]], known: false }), word("coalition"), word("send"), place("Ukraine")] };
    expect(answersInKind(unknown, "It follows Starmer's proposal to send around 30,000 European troops to Ukraine.")).toBe(true);
    const total = { text: "ukraine shot down 90 drones but outta how many total??", type: "quantity" as const, concepts: [place("ukraine"), word("drones"), word("total")] };
    expect(answersInKind(total, "Ukraine's air defence units shot down 90 of 174 drones launched by Russia.")).toBe(true);
  });

  it("lets a measure stand wherever its passage places it", () => {
    const part = { text: "How much Russian soil do Ukrainian soldiers hold?", type: "quantity" as const, concepts: [place("Russian", ["russia"]), word("soil")] };
    expect(answersInKind(part, "The area under Ukrainian control fell to about 110 square km.")).toBe(true);
  });
});

describe("answersInKind for a date", () => {
  it("needs the date in a sentence that holds what the question asks about", () => {
    const part = { text: "When did Medvedev say Macron would disappear?", type: "time" as const, concepts: [person("Medvedev"), person("Macron"), word("disappear")] };
    expect(answersInKind(part, "In a post on X on Sunday, Medvedev said Macron is “playing dumb”.")).toBe(false);
    expect(answersInKind(part, "“He’ll disappear forever no later than May 14, 2027,” Mr Medvedev wrote.")).toBe(true);
  });

  it("asks nothing of a topic the articles never word", () => {
    const part = { text: "When did Medvedev say Macron would vanish?", type: "time" as const, concepts: [person("Medvedev"), person("Macron"), word("vanish", { known: false })] };
    expect(answersInKind(part, "In a post on X on Sunday, Medvedev said Macron will be gone by May.")).toBe(true);
  });
});

describe("countsWhatIsNamed", () => {
  const part = { text: "How many drones did Russia fire at Odesa?", type: "quantity" as const, concepts: [word("drones"), person("Odesa")] };

  it("needs a name the count is about in the sentence or the one before", () => {
    expect(countsWhatIsNamed(part, new Set(["russia", "fired", "90", "drone"]))).toBe(false);
    expect(countsWhatIsNamed(part, new Set(["odesa", "drone"]))).toBe(true);
  });

  it("needs what happened to the counted thing, unless the count is what someone said", () => {
    const killed = { text: "How many North Korean troops have been killed in Kursk?", type: "quantity" as const, concepts: [word("troops"), word("killed")] };
    expect(countedEvent(killed.text, killed.concepts)).toBe("killed");
    expect(countsWhatIsNamed(killed, new Set(["11000", "troop", "fighting", "kursk"]))).toBe(false);
    expect(countsWhatIsNamed(killed, new Set(["troop", "killed"]))).toBe(true);
    const france = [word("troops"), { ...person("France"), kind: "place" as const }, word("pledged")];
    expect(countedEvent("How many troops has France pledged?", france)).toBe("pledged");
    expect(countedEvent("How many troops has Zelensky said would be needed?", [word("troops"), person("Zelensky")])).toBeUndefined();
    // whoever says so is whose count it is, unless a second count follows
    const pledged = { text: "How many troops has France said it will contribute?", type: "quantity" as const, concepts: [word("troops", { alternatives: [["troop"]] }), { ...person("France"), kind: "place" as const }, word("contribute")] };
    expect(countsWhatIsNamed(pledged, new Set(["10000", "troop", "eu", "nato", "macron"]))).toBe(false);
    expect(countsWhatIsNamed(pledged, new Set(["10000", "troop", "france"]))).toBe(true);
    const versus = { ...pledged, text: "How many troops has France said it will contribute, versus how many Britain will send?" };
    expect(countsWhatIsNamed(versus, new Set(["10000", "troop", "britain"]))).toBe(true);
    // "another" (report) is who says it, not what happened
    expect(countedEvent("how many troops from the EU does another say his coalition could deploy?", [word("troops"), word("another"), word("coalition"), word("deploy")])).toBeUndefined();
    // "according to" says who gives the count, not what happened.
    expect(countedEvent("how many troops in kursk according to Ukraine", [word("troops"), person("kursk")])).toBeUndefined();
  });

  it("reads a word after 'the' as who did it, not what was done ('has the war left')", () => {
    expect(countedEvent("how many people has the war left dead and injured?", [word("people"), word("war"), word("left"), word("dead")])).toBe("left");
  });

  it("reads the counted thing after 'how many of the'", () => {
    const korean = [{ ...person("North Korean"), alternatives: [["north", "korean"]], kind: "place" as const }, word("troops"), person("Kursk"), word("killed")];
    expect(countedEvent("How many of the North Korean troops in Kursk have been killed so far?", korean)).toBe("killed");
  });

  it("reads past an adverb to the verb: “actually shoot down” counts what was shot down", () => {
    const shoot = [word("drones"), { ...person("ukraine"), kind: "place" as const }, word("actually"), word("shoot")];
    expect(countedEvent("how many drones did ukraine actually shoot down", shoot)).toBe("shoot");
    expect(countedEvent("how many drones did Russia finally launch", [word("drones"), person("Russia"), word("finally"), word("launch")])).toBe("launch");
    // "supply" ends like an adverb but is the verb.
    expect(countedEvent("how many drones did Britain supply", [word("drones"), person("Britain"), word("supply")])).toBe("supply");
  });

  it("reads 'planning to send' as sending, while 'agreed to join' is answered by either verb", () => {
    const planning = { text: "How many troops is Starmer planning to send?", type: "quantity" as const, concepts: [word("troops", { alternatives: [["troop"]] }), person("Starmer"), word("planning"), word("send")] };
    expect(countedEvent(planning.text, planning.concepts)).toBe("send");
    expect(countsWhatIsNamed(planning, new Set(["starmer", "proposal", "send", "30,000", "troop"]))).toBe(true);
    expect(countsWhatIsNamed(planning, new Set(["starmer", "proposal", "30,000", "troop"]))).toBe(false);
    const agreed = { text: "How many countries have agreed to join?", type: "quantity" as const, concepts: [word("countries"), word("agreed"), word("join")] };
    expect(countsWhatIsNamed(agreed, new Set(["30", "nation", "agreed", "sign"]))).toBe(true);
    expect(countsWhatIsNamed(agreed, new Set(["30", "nation", "join"]))).toBe(true);
    expect(countsWhatIsNamed(agreed, new Set(["30", "nation", "visit"]))).toBe(false);
  });

  it("reads a described place and a name after 'the' as no verb: the count's event is what happened", () => {
    const outskirts = "How many people on the outskirts of the Black Sea port city lost power?";
    expect(countedEvent(outskirts, [word("people"), word("outskirts"), word("Black"), word("Sea"), word("port"), word("city"), word("lost")])).toBe("lost");
    // typed in lower case, after "that"
    const typed = "roughly how many people on the outskirts of that black sea port city lost power?";
    expect(countedEvent(typed, [word("people"), word("outskirts"), word("black"), word("sea"), word("port"), word("city"), word("lost")])).toBe("lost");
    const kyiv = { text: "How many residents in the Kyiv region were left without power?", type: "quantity" as const, concepts: [word("residents"), { ...person("Kyiv"), kind: "place" as const }, word("region"), word("left")] };
    expect(countedEvent(kyiv.text, kyiv.concepts)).toBe("left");
    expect(countsWhatIsNamed(kyiv, new Set(["500", "resident", "suburb", "odesa", "left"]))).toBe(false);
    expect(countsWhatIsNamed(kyiv, new Set(["500", "resident", "kyiv", "left"]))).toBe(true);
  });

  it("needs whoever did what is counted in the sentence with the number, not only the one before", () => {
    const france = { text: "How many troops has France pledged?", type: "quantity" as const, concepts: [word("troops", { alternatives: [["troop"]] }), { ...person("France"), kind: "place" as const }, word("pledged", { known: false })] };
    const lead = new Set(["france", "willing", "10,000", "troop", "eu", "nato"]);
    expect(countsWhatIsNamed(france, lead, new Set(["10,000", "troop", "eu", "nato"]))).toBe(false);
    expect(countsWhatIsNamed(france, lead, new Set(["france", "10,000", "troop"]))).toBe(true);
  });

  it("asks nothing of other kinds of question, or of a measure", () => {
    expect(countsWhatIsNamed({ ...part, type: null }, new Set())).toBe(true);
    expect(countsWhatIsNamed({ ...part, text: "How much territory near Odesa do they hold?" }, new Set())).toBe(true);
  });
});

describe("topicConcepts", () => {
  it("leaves out the verb a who-said-what question asks with, and where or when words", () => {
    const concepts = [word("respond"), word("objections"), word("after"), word("inside"), word("around")];
    expect(topicConcepts(concepts, "quote").map((concept) => concept.text)).toEqual(["objections"]);
  });

  it("leaves out names, time words and the words the answer type stands for", () => {
    const concepts = [person("Starmer"), word("backstop"), word("tomorrow"), word("date")];
    expect(topicConcepts(concepts, null).map((concept) => concept.text)).toEqual(["backstop", "date"]);
    expect(topicConcepts(concepts, "time").map((concept) => concept.text)).toEqual(["backstop"]);
  });

  it("leaves out whose forecast it is: 'by what date does Medvedev predict…'", () => {
    expect(topicConcepts([word("predict"), word("vanish")], "time").map((concept) => concept.text)).toEqual(["vanish"]);
  });

  it("leaves out the name a 'name of' question asks for", () => {
    expect(topicConcepts([word("name"), word("spokesman")], "person").map((concept) => concept.text)).toEqual(["spokesman"]);
  });

  it("leaves out filler: 'an expiry date or something' asks nothing of 'something'", () => {
    expect(topicConcepts([word("expiry"), word("something")], "time").map((concept) => concept.text)).toEqual(["expiry"]);
  });

  it("leaves out a negation: 'why won't Paris bring back the draft' is about the draft", () => {
    const concepts = [word("won't"), word("bring"), word("draft")];
    expect(topicConcepts(concepts, "reason").map((concept) => concept.text)).toEqual(["bring", "draft"]);
  });
});

describe("judgeLead", () => {
  const part = { text: "What did Healey say about peace?", concepts: [person("Healey"), word("peace")], type: null, unknownNames: [] };
  const weight = () => 1;
  const good = { coverage: 0.6, topicShare: 0.5, typed: true, onSubject: true, announced: false, kindNamed: true, otherDay: false };

  it("is high when every check passes", () => {
    expect(judgeLead(part, good, weight)).toEqual({ confidence: "high", doubt: null });
  });

  it("is low with the first reason that failed, in words for the reader", () => {
    expect(judgeLead({ ...part, unknownNames: ["Scholz"] }, good, weight).doubt).toBe("they never mention Scholz");
    expect(judgeLead(part, { ...good, onSubject: false }, weight).doubt).toBe("the closest passages are not about Healey");
    expect(judgeLead(part, { ...good, topicShare: 0 }, weight).doubt).toBe("none of them says “peace”");
    // only words the sentence lacks are named
    const two = { ...part, text: "What did Healey say about peace and the ceasefire?", concepts: [person("Healey"), word("peace"), word("ceasefire")] };
    expect(judgeLead(two, { ...good, topicShare: 0.1, holds: (concept) => concept.text === "peace" }, weight).doubt).toBe("none of them says “ceasefire”");
    // a word the question repeats is named once
    const repeated = { ...part, text: "did trump say yes to yes to peace", concepts: [person("Trump"), word("yes"), word("yes"), word("peace")] };
    expect(judgeLead(repeated, { ...good, topicShare: 0 }, weight).doubt).toBe("none of them says “yes” or “peace”");
    expect(judgeLead(part, { ...good, announced: true }, weight).doubt).toBe("they only say it was to happen, not what came of it");
    expect(judgeLead(part, { ...good, kindNamed: false }, weight).doubt).toBe("none of them names which one");
    expect(judgeLead({ ...part, type: "quantity" }, { ...good, typed: false }, weight).doubt).toBe("none of them gives that figure");
    expect(judgeLead(part, { ...good, coverage: 0.1 }, weight)).toEqual({ confidence: "low", doubt: "they share few of the question's words" });
  });

  it("is low when the sentence lacks a figure the question names and the articles give", () => {
    const eu: Concept = { text: "EU", alternatives: [["eu"]], kind: "place", known: true };
    const signed = { text: "When did EU leaders sign the £670bn defence package into law?", concepts: [eu, word("leaders"), word("670bn"), word("package"), word("law", { known: false })], type: "time" as const, unknownNames: [] };
    const without = (concept: { text: string }) => concept.text === "leaders";
    expect(judgeLead(signed, { ...good, holds: without }, weight)).toEqual({ confidence: "low", doubt: "none of them says “670bn”" });
    expect(judgeLead(signed, { ...good, holds: (concept) => concept.text !== "law" }, weight).confidence).toBe("high");
    // A figure the articles never give is the asker's own guess, as an unknown word is.
    const guessed = { ...signed, concepts: [eu, word("leaders"), word("700bn", { known: false })] };
    expect(judgeLead(guessed, { ...good, holds: without }, weight).confidence).toBe("high");
  });

  it("takes a label given by the person named however the asker sets the scene, but not a label of nobody named", () => {
    const rant = { text: "what did trump call zelensky in that angry social media rant?", concepts: [person("Trump"), person("Zelensky"), word("rant", { known: false })], type: "label" as const, unknownNames: [] };
    expect(judgeLead(rant, { ...good, coverage: 0.15 }, weight).confidence).toBe("high");
    const town = { text: "There was a resort town that Ukraine struck, what was it called?", concepts: [word("resort"), word("town")], type: "label" as const, unknownNames: [] };
    expect(judgeLead(town, { ...good, coverage: 0.15 }, weight).confidence).toBe("low");
  });
});

describe("namesTheDoer", () => {
  it("reads what a who-question asks who did, but not who said or who is", () => {
    expect(askedDeed("Who has been named to command the force?")).toBe("named");
    expect(askedDeed("Who will lead the force?")).toBe("lead");
    expect(askedDeed("Who said British troops would stay?")).toBeUndefined();
    expect(askedDeed("Who is Grushko?")).toBeUndefined();
    // The deed someone says another will do: "command", not "say".
    expect(askedDeed("Who does Downing Street say will command the coalition of the willing force?")).toBe("command");
    expect(askedDeed("Who did the spokesman say?")).toBeUndefined();
    expect(askedDeed("who’s chairing the meeting of military chiefs in london?")).toBe("chairing");
    expect(askedDeed("Who is Zelensky meeting?")).toBeUndefined();
    // "which general or country will command": the deed after the kind asked for
    expect(askedDeed("Which general or country will command the coalition of the willing peacekeeping force?")).toBe("command");
    expect(askedDeed("Which European nations are reluctant to send troops?")).toBeUndefined();
    // how the deed is described is not the deed
    expect(askedDeed("Which European countries are described as opposing sending troops to Ukraine?")).toBeUndefined();
    expect(askedDeed("Which countries were described in the report?")).toBe("described");
  });

  it("needs the deed in the leading sentence, and a deed the articles never word is none it can hold", () => {
    const part = { text: "Who announced the call?", type: "person" as const, concepts: [word("announced"), word("call")] };
    expect(namesTheDoer(part, new Set(["call", "announced", "witkoff"]))).toBe(true);
    expect(namesTheDoer(part, new Set(["call", "trump"]))).toBe(false);
    const named = { text: "Who has been named to command the force?", type: "person" as const, concepts: [word("named", { known: false }), word("force")] };
    expect(namesTheDoer(named, new Set(["force", "macron"]))).toBe(false);
    const which = { text: "Which general or country will command the force?", type: "name" as const, concepts: [word("general"), word("country"), word("command"), word("force")] };
    expect(namesTheDoer(which, new Set(["chiefs", "force", "meet", "london"]))).toBe(false);
  });
});

describe("onAnotherDay", () => {
  it("is true when the sentence gives days, none of them the one asked about", () => {
    expect(onAnotherDay("What did Putin agree on his Tuesday call?", "Putin said on Friday that Russia would guarantee their lives.")).toBe(true);
    expect(onAnotherDay("What did Putin agree on his Tuesday call?", "Trump will talk to Putin on Tuesday.")).toBe(false);
    expect(onAnotherDay("What did Putin agree on his Tuesday call?", "Putin said Russia would guarantee their lives.")).toBe(false);
    expect(onAnotherDay("What did Putin say?", "Putin said on Friday that Russia would guarantee their lives.")).toBe(false);
  });
});

describe("namesWhichKind", () => {
  const terms = (text: string) => new Set(contentTerms(text));
  const check = (question: string, concepts: Concept[], lead: string) => namesWhichKind({ text: question, concepts }, terms(lead), lead);

  it("needs the kind of thing a which-question asks for", () => {
    const question = "In which Saudi city will the talks be held?";
    const concepts = [word("Saudi", { kind: "descriptor" }), word("city"), word("talks")];
    expect(check(question, concepts, "Ukraine and the US will hold talks in Saudi Arabia.")).toBe(false);
    expect(check(question, concepts, "The talks will be held in the city of Jeddah.")).toBe(true);
  });

  it("takes no place's name for a company's", () => {
    const concepts = [word("name", { known: false }), word("drone"), word("company", { alternatives: [["company"], ["firm"]] })];
    const lead = "Kiper said about 500 residents in the suburbs of Odesa were left without electricity after drones hit.";
    const isPerson = (name: string) => name === "kiper";
    expect(namesWhichKind({ text: "What is the drone company called?", concepts }, terms(lead), lead, isPerson)).toBe(true);
    expect(namesWhichKind({ text: "What is the drone company called?", concepts }, terms(lead), lead, isPerson, (name) => name === "odesa")).toBe(false);
    const anduril = "Britain's agreement with Anduril will see Altius drones supplied.";
    expect(namesWhichKind({ text: "What is the drone company called?", concepts }, terms(anduril), anduril, isPerson, (name) => name === "odesa")).toBe(true);
  });

  it("takes a name quoted with the word for the thing ('the ‘coalition of the willing’') for the name a 'called' question asks", () => {
    const concepts = [word("name", { known: false }), word("coalition")];
    expect(check("what's the coalition called", concepts, "Military chiefs from the ‘coalition of the willing’ will meet in London.")).toBe(true);
    expect(check("What is the name of the coalition?", concepts, "Military chiefs from the coalition will meet in London.")).toBe(false);
    expect(check("what is the group called", [word("name", { known: false }), word("group")], "Military chiefs from the ‘coalition of the willing’ will meet.")).toBe(false);
  });

  it("reads 'what kind of drones' as asking which drones: a sentence that never says drones names none", () => {
    const concepts = [word("the UK", { kind: "place" }), word("kind", { known: false }), word("drones", { alternatives: [["drone"]] }), word("sending", { alternatives: [["sending"], ["send"]] })];
    const question = "what kind of drones is the uk sending kyiv";
    expect(check(question, concepts, "So far only the UK and France have confirmed they are willing to send troops to Ukraine.")).toBe(false);
    expect(check(question, concepts, "Britain is sending Altius attack drones to Kyiv.")).toBe(true);
    expect(check("which type of drones is the uk sending kyiv", concepts, "The UK is sending troops to Ukraine.")).toBe(false);
  });

  it("takes a short phrase quoted as the kind for 'what kind of X', in the speaker's words", () => {
    const concepts = [word("kind", { known: false }), word("presence"), word("acceptable")];
    const question = "what kind of presence did russia's deputy foreign minister say might be acceptable in ukraine";
    expect(check(question, concepts, "He said ‘unarmed observers’ or a ‘civilian mission’ might be acceptable.")).toBe(true);
    expect(check(question, concepts, "He said NATO troops in Ukraine would not be acceptable.")).toBe(false);
    // a long quotation is no kind's name
    expect(check(question, concepts, "He said it “might be acceptable if the conditions on the ground allowed it”.")).toBe(false);
  });

  it("takes a union or alliance for 'which organisations', but not for 'which company'", () => {
    const lead = "The meeting was joined by the leaders of 26 other nations, plus representatives from the EU and NATO.";
    const organisations = [word("organisations", { alternatives: [["organisation"]], known: false }), word("representatives", { alternatives: [["representative"]] })];
    expect(check("Which organisations also sent representatives?", organisations, lead)).toBe(true);
    expect(check("Which organisations also sent representatives?", organisations, "The leaders of 26 other nations sent representatives.")).toBe(false);
    const company = [word("company"), word("drones", { alternatives: [["drone"]] })];
    expect(check("Which company supplies the drones?", company, "The drones are sent under a NATO plan, as the EU wants.")).toBe(false);
  });

  it("takes 'which three countries' to ask for three", () => {
    const countries = [word("countries", { alternatives: [["country"]] }), word("troops", { alternatives: [["troop"]] })];
    const question = "Which three countries are against sending troops?";
    expect(check(question, countries, "British troops would be a target for Russia, Moscow said of sending troops.")).toBe(false);
    expect(check(question, countries, "There is also opposition from Germany, Spain and Italy to sending troops.")).toBe(true);
    expect(check("Which countries are against sending troops?", countries, "British troops would be a target for Russia, Moscow said of sending troops.")).toBe(true);
  });

  it("takes a country's name for 'which countries' and a person's for 'which figures'", () => {
    const countries = [word("countries", { alternatives: [["country"]] }), word("troops", { alternatives: [["troop"]] })];
    expect(check("Which countries are against sending troops?", countries, "Germany and Italy have ruled out sending troops.")).toBe(true);
    expect(check("Which countries are against sending troops?", countries, "Sending troops was ruled out on Thursday.")).toBe(false);
    const figures = [word("historic"), word("figures", { alternatives: [["figure"]], known: false })];
    expect(check("Which historic figures tried to conquer Russia?", figures, "Unlike their predecessors, Napoleon, Hitler, he is not graceful.")).toBe(true);
    expect(check("Which historic figures tried to conquer Russia?", figures, "Unlike their predecessors in London on Thursday, he is not graceful.")).toBe(false);
  });

  it("does not take a name inside the words quoted for the person a 'which official' question asks for", () => {
    const official = [word("Kremlin", { kind: "place" }), word("official"), word("offer")];
    const question = "Which Kremlin official called Macron's peacekeeping offer \"extremely confrontational\"?";
    const quoted = "Moscow said the offer was “extremely confrontational”. “Unlike their predecessors, Napoleon, Hitler … he does not act gracefully, because they said it bluntly: ‘We must conquer Russia.’”";
    expect(check(question, official, quoted)).toBe(false);
    expect(check(question, official, "Kremlin spokesman Dmitry Peskov said the offer was “extremely confrontational”.")).toBe(true);
  });

  it("takes a town's name for 'which city', not a country's, a person's or a title", () => {
    const city = [word("city"), word("chiefs", { alternatives: [["chief"]] })];
    const question = "In which city will the military chiefs meet?";
    const isPerson = (name: string) => ["healey", "volodymyr", "zelensky"].includes(name);
    expect(check(question, city, "Military chiefs will meet in London on Thursday.")).toBe(true);
    expect(namesWhichKind({ text: question, concepts: city }, terms("x"), "Mr Healey said Volodymyr Zelensky and the chiefs will meet in Saudi Arabia.", isPerson)).toBe(false);
  });

  it("needs a body's name for 'the name of the … group', not the outlet that reported it", () => {
    const question = "What is the name of the international war crimes group the US is leaving?";
    const concepts = [word("international"), word("war"), word("crimes", { alternatives: [["crime"]] }), word("group"), word("leaving", { alternatives: [["leave"]] })];
    expect(check(question, concepts, "The US is leaving an international group investigating Russian war crimes in Ukraine, the New York Times reported.")).toBe(false);
    expect(check(question, concepts, "The US is leaving the Joint Investigation Team on war crimes, the New York Times reported.")).toBe(true);
  });

  it("needs a thing's name by the word for it in 'the name of the …', and a person's by their office, in any of its words", () => {
    const school = "What was the name of the nursery school that got damaged in the Odesa drone strike?";
    const schoolConcepts = [word("nursery", { known: false }), word("school"), word("damaged"), word("drone")];
    expect(check(school, schoolConcepts, "The attack damaged a kindergarten, Odesa Governor Oleh Kiper said on Telegram.")).toBe(false);
    expect(check(school, schoolConcepts, "The attack damaged School No 5 in Odesa, Governor Oleh Kiper said.")).toBe(true);
    // a town may be written as a port or a resort
    const town = "what's the name of the seaside town on the azov where ukraine hit an air base?";
    expect(check(town, [word("seaside"), word("town"), word("azov")], "Ukraine also attacked a military airfield in Yeysk, a resort and port on the Sea of Azov.")).toBe(true);
    const ships = "what are the names of the mine-clearing ships that would be sent?";
    expect(check(ships, [word("mine-clearing"), word("ships", { alternatives: [["ship"]] })], "Russia said it was clearing large numbers of mines in the area.")).toBe(false);
    const spokesperson = "What's the name of the Downing Street spokesperson who said more than 30 countries signed up?";
    const staff = [word("spokesperson"), word("countries", { alternatives: [["country"]] })];
    expect(check(spokesperson, staff, "The prime minister’s spokesman confirmed that more than 30 nations have agreed to sign up to Keir Starmer’s coalition.")).toBe(false);
  });

  it("needs several countries for 'which countries', other than those the question names, and capitals for 'which capitals'", () => {
    const ukrainian = { ...word("Ukrainian", { kind: "descriptor" }), alternatives: [["ukrainian"], ["ukraine"]] };
    const nations = [word("nations", { alternatives: [["nation"], ["country"]] }), word("soldiers", { alternatives: [["soldier"]] }), ukrainian];
    const question = "Which European nations are reluctant to put their own soldiers on Ukrainian soil?";
    expect(check(question, nations, "If the US signs up to the backstop, no US troops will be deployed to Ukraine.")).toBe(false);
    expect(check(question, nations, "The idea of deploying troops to Ukraine is unacceptable for Russia, Peskov said.")).toBe(false);
    expect(check(question, nations, "There is also opposition from Germany, Spain and Italy when it comes to sending troops.")).toBe(true);
    // one country answers "which country"
    expect(check("Which country is prepared to take part?", [word("country")], "In principle, Denmark is prepared to take part.")).toBe(true);
    const capitals = [word("capitals", { known: false, alternatives: [["capital"]] }), word("soldiers")];
    expect(check("Which European capitals are pushing back?", capitals, "European Commission president Ursula von der Leyen said Europe faces danger.")).toBe(false);
    expect(check("Which European capitals are pushing back?", capitals, "There is also opposition from Germany, Spain and Italy.")).toBe(true);
  });

  it("needs an organisation's name for 'which company': no place, person, demonym or sentence opening", () => {
    const question = "Which company did Britain sign the attack drone deal with?";
    const concepts = [word("company", { known: false }), word("deal"), word("drone")];
    const isPerson = (word: string) => ["donald", "trump"].includes(word);
    const unnamed = "Britain has signed a deal with an Anglo-American security firm, in contrast to Donald Trump’s White House. We’ve got to be strong.";
    expect(namesWhichKind({ text: question, concepts }, terms(unnamed), unnamed, isPerson)).toBe(false);
    const named = "Britain’s agreement with Anduril will see Altius drones supplied to Kyiv.";
    expect(namesWhichKind({ text: question, concepts }, terms(named), named, isPerson)).toBe(true);
  });

  it("needs a name, not the kind's word alone, for a kind a name answers: '26 other nations' names no country", () => {
    const countries = [word("countries", { alternatives: [["country"], ["nation"]] }), word("commitments", { alternatives: [["commitment"]] })];
    const question = "Which countries made the new commitments?";
    expect(check(question, countries, "Following a meeting with the leaders of 26 other nations, Sir Keir said there were new commitments.")).toBe(false);
    // an acronym the place list knows is a country's name
    expect(check(question, countries, "So far only the UK has made new commitments.")).toBe(true);
    // "what city" asks as "which city" does
    const city = [word("city"), word("talks", { alternatives: [["talk"]] })];
    expect(check("what city in saudi arabia are the talks held in", city, "Ukraine and the US will hold talks in Saudi Arabia.")).toBe(false);
    expect(check("what city in saudi arabia are the talks held in", city, "The talks will be held in the city of Jeddah.")).toBe(true);
  });

  it("needs a name by the person a 'name of' question asks about, in the same sentence", () => {
    const question = "What is the name of the prime minister's spokesman who said 30 countries would join?";
    expect(check(question, [], "Downing Street warned Vladimir Putin. The prime minister’s spokesman said 30 nations will join Keir Starmer’s coalition.")).toBe(false);
    expect(check(question, [], "The prime minister’s spokesman, Dave Pares, said 30 nations will join.")).toBe(true);
    expect(check("What is the name of the Kremlin spokesman?", [], "Kremlin spokesman Dmitry Peskov said it was unacceptable.")).toBe(true);
  });

  it("does not judge a kind the articles never use, nor a question without 'which'", () => {
    expect(check("Which gizmo was hinted at?", [word("gizmo", { known: false })], "Trump talked about dividing assets.")).toBe(true);
    expect(check("What did the talks decide?", [word("talks")], "Nothing.")).toBe(true);
  });
});

describe("unnamedSpeaker", () => {
  const hegseth = person("Hegseth");
  it("takes the person a sentence opening with a pronoun refers back to as naming them", () => {
    const lead = { text: "He also reiterated that the arms supply freeze is temporary.", before: "Our president is interested in peace,” he said." };
    expect(unnamedSpeaker([hegseth], "Hegseth", lead)).toBe("Hegseth");
    expect(unnamedSpeaker([hegseth], "Hegseth", { ...lead, carried: "Hegseth Washington" })).toBeUndefined();
  });

  it("takes a role the articles give the speaker as naming them: '…,” the prime minister said.'", () => {
    const starmer = person("Starmer");
    const lead = { text: "“It’s a big mistake to think that,” the prime minister said.", before: "" };
    const byRole = (text: string) => (/prime minister/.test(text) ? ["Giorgia Meloni", "Keir Starmer"] : []);
    expect(unnamedSpeaker([starmer], "Starmer", lead)).toBe("Starmer");
    expect(unnamedSpeaker([starmer], "Starmer", lead, byRole)).toBeUndefined();
    expect(unnamedSpeaker([hegseth], "Hegseth", lead, byRole)).toBe("Hegseth");
  });

  it("takes a place as the speaker only when the question names it alone, not in a role", () => {
    const britain: Concept = { ...word("British"), alternatives: [["british"], ["britain"], ["uk"]], kind: "place" };
    const lead = { text: "He said: “Russia didn’t ask Ukraine when it deployed North Korean troops.”", before: "", carried: "PM’s Russia’s" };
    expect(unnamedSpeaker([britain], "the British prime minister's spokesman", lead)).toBeUndefined();
    expect(unnamedSpeaker([britain], "the British", lead)).toBe("British");
  });
});

describe("holdsAnswer for someone's words", () => {
  it("counts words reported without quotation marks", () => {
    expect(holdsAnswer("What did Hegseth say about the freeze?", "quote", "He also reiterated that the arms supply freeze is temporary.")).toBe(true);
    expect(holdsAnswer("What did Hegseth say about the freeze?", "quote", "The arms supply freeze is temporary.")).toBe(false);
  });
});

describe("judgeQuotes", () => {
  const facts = (quoted: string, headline: string) => ({
    who: "Yuri Podolyaka",
    topic: "the fighting in Kursk",
    topicConcepts: [word("fighting"), person("Kursk")],
    topicShare: 0.5,
    quotedTerms: new Set(contentTerms(quoted)),
    headlineTerms: new Set(contentTerms(headline)),
    isPerson: (concept: { text: string }) => concept.text === "Starmer",
  });
  const quote = "Russia had pushed back Ukrainian forces, though intense battles were underway.";

  it("takes a place the quote's headline names as what the quote is about", () => {
    expect(judgeQuotes({ unknownNames: [] }, facts(quote, "Russian troops battle last Ukrainian forces in Kursk region")).confidence).toBe("high");
    expect(judgeQuotes({ unknownNames: [] }, facts(quote, "NATO peacekeepers in Ukraine mean war")).confidence).toBe("low");
  });

  it("needs a place the topic names, as a country's people, in the quote or its headline", () => {
    const koreans = { ...facts(quote, "Russian troops battle last Ukrainian forces in Kursk region"), topic: "the North Korean troops fighting in Kursk" };
    const place = (text: string, ...forms: string[]): Concept => ({ ...word(text), alternatives: [[text.toLowerCase()], ...forms.map((form) => form.split(" "))], kind: "place" });
    const withKorea = { ...koreans, topicConcepts: [word("troops"), word("fighting"), place("North Korean", "north korea")] };
    expect(judgeQuotes({ unknownNames: [] }, withKorea).confidence).toBe("low");
    expect(judgeQuotes({ unknownNames: [] }, { ...withKorea, quotedTerms: new Set(contentTerms(`${quote} North Korea sent troops.`)) }).confidence).toBe("high");
  });

  it("is low when the words found are dated to another day than the question asks about", () => {
    const base = facts(quote, "Russian troops battle last Ukrainian forces in Kursk region");
    expect(judgeQuotes({ unknownNames: [] }, { ...base, otherDay: true })).toEqual({ confidence: "low", doubt: "the words found are from another day" });
    expect(judgeQuotes({ unknownNames: [] }, { ...base, otherDay: false }).confidence).toBe("high");
  });

  it("still needs a person asked about in the quote itself", () => {
    const aboutStarmer = { ...facts(quote, "Russia warns Starmer's plan would mean war"), topic: "Starmer", topicConcepts: [person("Starmer")] };
    expect(judgeQuotes({ unknownNames: [] }, aboutStarmer).confidence).toBe("low");
  });
});
