import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAnalyser } from "../../src/engine/lexicon.js";
import type { Answer } from "../../src/types.js";
import { createEngineFixture, type EngineFixture } from "../support/engineFixture.js";

/**
 * Questions as people type them, through the whole engine over the seed articles: what the
 * answer says, how sure it is, and which passages it cites.
 */
let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await createEngineFixture();
});
afterAll(async () => {
  await fixture.cleanup();
});

const ask = (question: string) => fixture.engine.ask(question);
const cited = (answer: Answer) => answer.citations.filter((citation) => citation.cited);

describe("questions as people type them", () => {
  it("reads chat-speak and typos, and shows how it read them", async () => {
    const answer = await ask("wat did medvedv say abt macron n starmer lol");
    expect(answer.correctedQuestion).toBe("what did medvedev say about macron and starmer");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("playing dumb");
  });

  it("ignores a greeting instead of looking for someone called Hi", async () => {
    const answer = await ask("Hi! What did Peskov say?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("unacceptable");
  });

  it("answers a role with the person the articles give it", async () => {
    const answer = await ask("What did Russia's deputy foreign minister say about NATO contingents?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("We absolutely do not care under what label");
    const spokesman = await ask("What did the Kremlin spokesman say about NATO troops?");
    expect(spokesman.answer).toMatch(/Peskov|unacceptable/);
  });

  it("reads 'the British PM' as Starmer, whom the articles also call Sir Keir, and a count of 'them' as the plural before", async () => {
    const meeting = await ask("How many other nations' leaders joined the British PM's virtual meeting on Saturday?");
    expect(meeting.confidence).toBe("high");
    expect(meeting.answer).toContain("26 other nations");
    const troops = await ask("I read that soldiers from Pyongyang are backing Moscow in the fighting there - how many of them supposedly?");
    expect(troops.confidence).toBe("high");
    expect(troops.answer).toContain("11,000 North Korean troops");
  });

  it("names by a role someone the articles never quote", async () => {
    expect(fixture.engine.index.quotes.people).toContainEqual({ name: "Steve Witkoff", roles: ["us special envoy"] });
    const answer = await ask("What did the US special envoy announce?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("announced by US special envoy Steve Witkoff");
  });

  it("reads a capital or a seat of government as its country", async () => {
    const answer = await ask("Is Copenhagen prepared to take part in a European presence in Ukraine?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("Denmark is in principle prepared");
  });

  it("compares with the thing the part before counted: 'Ukraine's losses' are its troops killed or injured", async () => {
    const answer = await ask("How many Russian troops have been killed or injured according to US intelligence, and how does that compare with Ukraine's losses?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("more than 100,000 Russian troops");
    expect(answer.answer).toContain("Ukraine has also seen more than 100,000");
  });

  it("answers a part that compares with the part before it, not as a comparison of articles", async () => {
    const answer = await ask("How many troops did Zelenskyy call for, and how does that compare with the size of Starmer's plan?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("200,000");
    expect(answer.answer).toContain("30,000");
  });

  it("finds the company a 'which company' question asks for where the article names it, paragraphs after the matching sentence", async () => {
    const answer = await ask("Which company did Britain sign the attack drone deal with?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^Britain has signed a deal with an Anglo-American security firm.* \[1\] Britain’s agreement with Anduril .* \[2\]$/);
    expect(cited(answer).map((citation) => citation.text)).toEqual([expect.stringContaining("security firm"), expect.stringContaining("Anduril")]);
  });

  it("answers what job someone holds with the office the articles give them now", async () => {
    const answer = await ask("What job does Medvedev hold now?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^In a post on X on Sunday, Medvedev, who currently serves as the deputy chair of Russia’s Security Council/);
  });

  it("answers a comparison of two sides with each side's own passage", async () => {
    const answer = await ask("How did the Italian and Canadian leaders' positions on sending troops to Ukraine differ?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("Italian troops in Ukraine has never been on the agenda");
    expect(answer.answer).toContain("not ruling out sending troops");
  });

  it("answers both parts of a two-part question, citing each", async () => {
    const answer = await ask("What did Kallas say about peace, and how did Hegseth respond to claims that Washington was pro-Russia?");
    expect(answer.answer).toMatch(/really want peace/);
    expect(answer.answer).toMatch(/garbage/);
    expect(cited(answer).length).toBeGreaterThanOrEqual(2);
  });

  it("shows each article's version side by side for a comparison", async () => {
    const answer = await ask("How do the reports differ on what Lavrov said?");
    const articles = new Set(cited(answer).map((citation) => citation.articleId));
    expect(articles.size).toBeGreaterThanOrEqual(2);
    expect(answer.answer).toContain("undisguised involvement");
    expect(answer.answer).toContain("unveiled involvement");
  });

  it("answers a sum in any words for the money: 'how much cash has the West poured into Ukraine'", async () => {
    const answer = await ask("How much cash has the West poured into Ukraine so far?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("more than $260 billion in Western aid");
  });

  it("answers a sum however it changed hands, and an area whoever's forces took it", async () => {
    const pumped = await ask("How much money has the West pumped into Kyiv so far, in total?");
    expect(pumped.confidence).toBe("high");
    expect(pumped.answer).toContain("more than $260 billion in Western aid");
    const land = await ask("How much Russian land had Kyiv's forces taken in Kursk last year?");
    expect(land.confidence).toBe("high");
    expect(land.answer).toContain("1,368 square km");
  });

  it("counts in a part that names nothing counted what the part before counted", async () => {
    const answer = await ask("How many Russian troops do US estimates say have been killed or injured, and what's the figure for Ukraine?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("Ukraine has also seen more than 100,000");
  });

  it("answers what someone called 'a big mistake' with their words, not as a label given to a name", async () => {
    const answer = await ask("What did Starmer call a big mistake?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("it’s a big mistake to think that");
  });

  it("reads a name in a remark after the question as setting the scene, and a negated opener as no name", async () => {
    const troops = await ask("how many troops did zelensky ask 4 again? starmers plan is way less rite");
    expect(troops.confidence).toBe("high");
    expect(troops.answer).toContain("200,000");
    const incursion = await ask("Wasn't the Ukrainian push into Russia called the biggest foreign incursion there since World War Two or something?");
    expect(incursion.confidence).toBe("high");
    expect(incursion.answer).toContain("biggest attack on sovereign Russian territory");
  });

  it("answers a role the articles give only through a counterpart: Healey's US counterpart is the US defence secretary", async () => {
    const answer = await ask("How did the US defence secretary respond to claims Washington is pro-Russia?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^Mr Hegseth meanwhile dismissed as “garbage”/);
  });

  it("answers a role named by its body or its seat: the head of the European Commission, No 10's spokesman", async () => {
    const head = await ask("How did the head of the European Commission describe the EU defence package?");
    expect(head.confidence).toBe("high");
    expect(head.answer).toContain("watershed moment");
    const spokesman = await ask("What did No 10's spokesman say about North Korean troops?");
    expect(spokesman.confidence).toBe("high");
    expect(spokesman.answer).toContain("Russia didn’t ask Ukraine when it deployed North Korean troops");
  });

  it("reads an idiom as the plain words the articles use: 'rub Kyiv the wrong way' is 'upset Ukraine'", async () => {
    const answer = await ask("Why might the timing of the Tuesday phone call rub Kyiv the wrong way?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^The date for the talks may upset Ukraine/);
  });

  it("is low for 'was anyone killed or injured' when no passage says whether anyone was", async () => {
    const answer = await ask("Was anyone killed or injured when Ukraine attacked the military airfield in Yeysk?");
    expect(answer.confidence).toBe("low");
    expect(answer.answer).toContain("none of them says whether anyone was killed or injured");
  });

  it("answers 'where' with the sentence that says where, and is low when none does", async () => {
    const trump = await ask("Where was Trump when he told reporters he'd talk to Putin on Tuesday?");
    expect(trump.confidence).toBe("high");
    expect(trump.answer).toMatch(/^[^[]*Trump told reporters aboard Air Force One/);
    const talks = await ask("Where did John Healey and Pete Hegseth hold their talks?");
    expect(talks.confidence).toBe("low");
    expect(talks.answer).toContain("none of them says where");
  });

  it("quotes the sentence that holds the asked-for figure or label", async () => {
    expect((await ask("How much territory in Kursk do Ukrainian forces still control?")).answer).toContain("110 square km");
    expect((await ask("How much are the Anduril drone contracts worth?")).answer).toContain("£30m");
    expect((await ask("What did Medvedev call Macron?")).answer).toContain("Micron");
  });
});

describe("how sure the answer is", () => {
  it("is none, with no citations, when the question's subject is never mentioned", async () => {
    const answer = await ask("What did Olaf Scholz say about sending German troops to Ukraine?");
    expect(answer).toMatchObject({ confidence: "none", answered: false, citations: [] });
    expect(answer.answer).toContain("do not mention Olaf Scholz");
  });

  it("is low, showing the closest passages and why, when the articles come near but do not answer", async () => {
    const answer = await ask("What was agreed when Trump and Putin spoke on the phone on Tuesday?");
    expect(answer.confidence).toBe("low");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toMatch(/^The articles may not answer this exactly: .+\. Closest passages: /);
    expect(cited(answer).length).toBeGreaterThan(0);
  });

  it("reads a surname as the first name the articles also use, a day as when, and an irregular verb in any form", async () => {
    const meeting = await ask("how many other nations' leaders joined Starmer's virtual meeting on Saturday?");
    expect(meeting.confidence).toBe("high");
    expect(meeting.answer).toContain("leaders of 26 other nations");
    const drones = await ask("how many drones did ukrane shoot down overnite");
    expect(drones.correctedQuestion).toBe("how many drones did ukraine shoot down overnight");
    expect(drones.confidence).toBe("high");
    expect(drones.answer).toMatch(/shot down 90/);
  });

  it("reads a day and a compound of places as saying when and whose, not whom the answer is about", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("What did the US-British firm sell to the pro-Kremlin outlet on Saturday?").parts;
    const kinds = Object.fromEntries(part!.concepts.map((concept) => [concept.text, concept.kind]));
    expect(kinds).toMatchObject({ "US-British": "descriptor", "pro-Kremlin": "descriptor", Saturday: "descriptor", firm: "word" });
    const [plan] = buildAnalyser(fixture.engine.index).analyse("Which cities does the Anglo-French plan cover?").parts;
    expect(plan!.concepts.find((concept) => concept.text === "Anglo-French")?.kind).toBe("descriptor");
    const [ceasefire] = buildAnalyser(fixture.engine.index).analyse("How long is the US-proposed ceasefire?").parts;
    expect(ceasefire!.concepts.find((concept) => concept.text === "US-proposed")?.kind).toBe("descriptor");
  });

  it("reads 'they' in a part asking about several of its own as those, not as the part before's subject", () => {
    const analyser = buildAnalyser(fixture.engine.index);
    const [, ones] = analyser.analyse("Which countries are against sending troops to Ukraine, and which ones have confirmed they will send them?").parts;
    expect(ones!.text).toBe("which ones have confirmed they will send them?");
    const [, he] = analyser.analyse("What did Grushko say about NATO, and what did he say about Ukraine?").parts;
    expect(he!.text).toMatch(/what did Grushko say about Ukraine/i);
  });

  it("takes a verb's forms that write its final 'y' as 'i' for the same word ('supplying' is the articles' 'supplied')", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("Which company is supplying Ukraine with attack drones?").parts;
    const supplying = part!.concepts.find((concept) => concept.text === "supplying");
    expect(supplying?.alternatives).toContainEqual(["supplied"]);
  });

  it("searches for a plain word's other word the articles use ('opposing' finds their 'opposition')", async () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("Which European countries are described as opposing sending troops to Ukraine?").parts;
    expect(part!.searchText.split(" ")).toContain("opposition");
    const answer = await ask("Which European countries are opposed to sending troops to Ukraine?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^There is also opposition from Germany, Spain and Italy/);
  });

  it("reads 'which European countries' as any of the continent's countries the articles name, and searches for them", async () => {
    const analyser = buildAnalyser(fixture.engine.index);
    const [part] = analyser.analyse("Which European nations are reluctant to put their own soldiers on Ukrainian soil?").parts;
    const european = part!.concepts.find((concept) => concept.text === "European");
    expect(european?.alternatives).toEqual(expect.arrayContaining([["germany"], ["spain"], ["italy"]]));
    expect(european?.alternatives).not.toContainEqual(["japan"]);
    expect(part!.searchText).toContain("Germany");
    // "European peacekeepers" are not any European country's
    const [peacekeepers] = analyser.analyse("What did Pete Hegseth say about European peacekeepers deploying to Ukraine?").parts;
    expect(peacekeepers!.concepts.find((concept) => concept.text === "European")?.alternatives).not.toContainEqual(["germany"]);
    // "Which Scandinavian government…" is no name the articles lack: Denmark is one
    const [scandinavian] = analyser.analyse("Which Scandinavian government said it could, in theory, take part in a European mission?").parts;
    expect(scandinavian!.unknownNames).toEqual([]);
    expect(scandinavian!.concepts.find((concept) => concept.text === "Scandinavian")?.alternatives).toContainEqual(["denmark"]);
    const [nation] = analyser.analyse("Which Asian nation's soldiers are fighting alongside Russia in Kursk?").parts;
    expect(nation!.concepts.find((concept) => concept.text === "Asian")?.alternatives).toContainEqual(["north", "korea"]);
    const [gulf] = analyser.analyse("Which Gulf kingdom is set to host the US-Ukraine negotiations?").parts;
    expect(gulf!.searchText).toContain("Saudi Arabia");
    const answer = await ask("Which European nations are reluctant to put their own soldiers on Ukrainian soil?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^There is also opposition from Germany, Spain and Italy/);
  });

  it("answers 'which company' from the sentence on the deal and the one naming the firm, not from one naming a place", async () => {
    const answer = await ask("Which company is supplying Ukraine with attack drones?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^Britain has signed a deal with an Anglo-American security firm/);
    expect(answer.answer).toContain("Anduril");
  });

  it("reads 'what is the X called?' as asking X's name: 'called' is no word its answer must hold", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("What is the international war crimes group called?").parts;
    expect(part!.type).toBe("name");
    expect(part!.concepts.map((concept) => concept.text)).not.toContain("called");
    expect(part!.text).toBe("What is the international war crimes group called?");
  });

  it("reads an idiom of common words as the plain word the articles use ('gave themselves up' is 'surrendered')", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("What did Putin promise Ukrainian soldiers if they gave themselves up?").parts;
    expect(part!.concepts.find((concept) => concept.text === "gave")?.alternatives).toContainEqual(["surrendered"]);
  });

  it("takes a dictionary word before a kind of place for a description, not a name the articles lack", () => {
    const analyser = buildAnalyser(fixture.engine.index);
    expect(analyser.analyse("Which Gulf kingdom is set to host the talks?").parts[0]!.unknownNames).toEqual([]);
    expect(analyser.analyse("What did Scholz say about the talks?").parts[0]!.unknownNames).toEqual(["Scholz"]);
  });

  it("reads an adjective of a name the articles use ('European' of 'Europe') as saying where, which a passage need not say", () => {
    // (A name must be in the passage that answers; a descriptor only in its article.)
    const [part] = buildAnalyser(fixture.engine.index).analyse("Which European nations are opposed to sending troops to Ukraine?").parts;
    expect(part!.concepts.find((concept) => concept.text === "European")).toMatchObject({ kind: "descriptor", known: true });
    // a region's name is no adjective, though the articles' words begin as it does
    const [region] = buildAnalyser(fixture.engine.index).analyse("How many drones were destroyed over the Astrakhan region?").parts;
    expect(region!.concepts.find((concept) => concept.text === "Astrakhan")?.kind).toBe("name");
  });

  it("reads 'that Black Sea port' as a place the asker does not name, whose report need not say Black Sea", async () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("How many people near that Black Sea port lost power?").parts;
    const kinds = Object.fromEntries(part!.concepts.map((concept) => [concept.text, concept.kind]));
    expect(kinds).toMatchObject({ Black: "word", Sea: "word", port: "word" });
    const [typed] = buildAnalyser(fixture.engine.index).analyse("how many people near that black sea port lost power?").parts;
    expect(typed!.concepts.filter((concept) => concept.text === "black" || concept.text === "sea").map((concept) => concept.kind)).toEqual(["word", "word"]);
    const [western] = buildAnalyser(fixture.engine.index).analyse("What did the Western leaders say?").parts;
    expect(western!.concepts.find((concept) => concept.text === "Western")?.kind).toBe("descriptor");
    const answer = await ask("After the strikes on energy sites near that Black Sea port, how many people on the outskirts were left in the dark?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^Kiper said about 500 residents in the suburbs of Odesa/);
    // A place the count is of must still be the sentence's: Odesa's 500 are no count for the Kyiv region.
    const kyiv = await ask("How many residents in the Kyiv region were left without electricity after the overnight Russian drone attack?");
    expect(kyiv.confidence).not.toBe("high");
  });

  it("gives a word the other forms the articles use, but not words that only begin alike ('station' is no 'state')", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("Which nuclear station was Trump calling about?").parts;
    const forms = (text: string) => part!.concepts.find((concept) => concept.text === text)?.alternatives.flat() ?? [];
    expect(forms("station")).not.toContain("state");
    expect(forms("calling")).toContain("call");
  });

  it("does not answer 'did X respond' with a sentence that does not name X", async () => {
    const answer = await ask("did putin himself ever respond to medvedev's 'scumbags' post?");
    expect(answer.confidence).toBe("low");
    expect(answer.answer).toContain("none of them gives Putin’s words on it");
  });

  it("carries the first name of a part, not the first place, to a 'he' in the next part", () => {
    const parts = buildAnalyser(fixture.engine.index).analyse("Did Putin respond to Medvedev's 'war with NATO' post? What did he say?").parts;
    expect(parts[1]?.text).toBe("What did Putin say?");
  });

  it("takes the noun of a verb in '-de' for the verb ('invasion' for 'invade')", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("When did Russia invade Ukraine?").parts;
    expect(part!.concepts.find((concept) => concept.text === "invade")?.alternatives).toContainEqual(["invasion"]);
  });

  it("reads a place typed in lower case as the place the articles capitalise, but not 'us' or 'turkey'", () => {
    const analyser = buildAnalyser(fixture.engine.index);
    const kinds = (question: string) => Object.fromEntries(analyser.analyse(question).parts[0]!.concepts.map((concept) => [concept.text, concept.kind]));
    expect(kinds("wat did the uk sign w anduril")).toMatchObject({ "the uk": "place" });
    expect(kinds("wat did russia say abt the plan")).toMatchObject({ russia: "place" });
    expect(kinds("did they tell us about the turkey")).not.toHaveProperty("us");
    expect(kinds("did they tell us about the turkey")["turkey"]).not.toBe("place");
  });

  it("gives a word the other words for any of its forms ('held' is 'hold', which the articles write 'control')", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("How much land is held by Russian forces?").parts;
    const held = part!.concepts.find((concept) => concept.text === "held");
    expect(held?.alternatives.flat()).toEqual(expect.arrayContaining(["hold", "control"]));
  });

  it("is low for 'which countries' when the lead names none, though the sentence before it does", async () => {
    const answer = await ask("Which countries made the 'new commitments' Sir Keir mentioned after Saturday's virtual meeting?");
    expect(answer.confidence).toBe("low");
  });

  it("reads the sentence after the one about a deal for its sum, 'He' for the person named before, and phrases in other words", async () => {
    const sum = await ask("how much did the uk drone deal w anduril cost");
    expect(sum.confidence).toBe("high");
    expect(sum.answer).toContain("£30m");
    const reported = await ask("What did the Pentagon chief say about the freeze on US arms supplies to Ukraine?");
    expect(reported.confidence).toBe("high");
    expect(reported.answer).toContain("arms supply freeze to Ukraine is temporary");
    const power = await ask("how many ppl in odesa lost power after the drones hit");
    expect(power.confidence).toBe("high");
    expect(power.answer).toContain("500 residents");
  });

  it("does not ask the answer to hold how the question is put ('still', 'right now')", async () => {
    const answer = await ask("hw big is the bit of kursk ukraine still holds rn??");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^But a lightning offensive this month has reduced the area under Ukrainian control to about 110 square km/);
  });

  it("answers a count whose verb follows an adverb, and a 'when' with the sentence dating what is asked", async () => {
    const shot = await ask("yo how many drones did ukraine actually shoot down in that overnight attack");
    expect(shot.confidence).toBe("high");
    expect(shot.answer).toContain("shot down 90");
    const when = await ask("When did Medvedev say Macron would disappear?");
    expect(when.confidence).toBe("high");
    expect(when.answer).toMatch(/^“He’ll disappear forever no later than May 14, 2027/);
  });

  it("reads an acronym the articles never use as the word they write for it ('UAVs' are drones)", async () => {
    const answer = await ask("In which Russian industrial town did Moscow blow up one of a couple dozen Ukrainian UAVs heading its way?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("Zheleznogorsk");
  });

  it("does not answer a question about something the articles only mention in passing", async () => {
    for (const question of [
      "Who won the football match last night?",
      "How many Altius drones exactly is Britain sending to Ukraine?",
      // a count of others (North Korean troops), a count that leaves the place asked about out, a meeting only announced
      "How many Ukrainian soldiers surrendered in Kursk?",
      "How many drones did Russia fire at Odesa specifically in the overnight attack?",
      "What did the coalition's military chiefs agree at their meeting in London on Thursday?",
      // an outcome of talks only announced, a kind of thing no passage names, a share of a total the question gives
      "What was the outcome of the talks between Ukraine and the US in Saudi Arabia?",
      "In which Saudi city will the US-Ukraine talks be held?",
      "How much of the EU's £670bn defence package is going directly to Ukraine?",
      "What did Putin and Trump actually agree on during their Tuesday phone call?",
    ]) {
      expect((await ask(question)).confidence, question).not.toBe("high");
    }
  });

  it("answers who-said-what from the speaker's passage when the topic's place is named elsewhere in the article", async () => {
    const answer = await ask("What did pro-Russian military blogger Yuri Podolyaka say about Russia's progress in Kursk?");
    expect(answer.confidence).toBe("high");
    expect(cited(answer)[0]?.text).toContain("Podolyaka");
  });

  it("takes a label given with 'said it was' for what someone called something", async () => {
    const answer = await ask("What did Moscow call Macron's offer of peacekeepers?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("extremely confrontational");
  });

  it("says the articles never mention a speaker typed in lower case that no dictionary knows", async () => {
    const answer = await ask("wat did olaf scholz say abt sending german troops 2 ukraine");
    expect(answer.confidence).toBe("none");
    expect(answer.answer).toContain("do not mention Olaf Scholz.");
    // …but a misspelt name the articles do know is still read as them.
    expect((await ask("wat did grushco say abt nato")).confidence).toBe("high");
  });

  it("asks who is meant when a question says 'he' with no one named", async () => {
    const answer = await ask("what else did he say?");
    expect(answer.confidence).toBe("none");
    expect(answer.answer).toContain("without saying who");
  });

  it("answers filler and punctuation without failing, and does not call chat-speak a foreign language", async () => {
    for (const question of ["lol", "???", "hi", "2 2 2"]) {
      const answer = await ask(question);
      expect(answer.confidence, question).toBe("none");
      expect(answer.answer, question).not.toContain("in English");
    }
  });

  it("says it reads English when asked in another script", async () => {
    const answer = await ask("Что сказал Грушко?");
    expect(answer.confidence).toBe("none");
    expect(answer.answer).toContain("in English");
  });

  it("knows a compound of a name the articles use and a plain word ('UK-led', 'Kremlin-friendly') by that name", async () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("Will every nation in the UK-led alliance back the Kremlin-friendly plan?").parts;
    expect(part!.unknownNames).toEqual([]);
    const ukLed = part!.concepts.find((concept) => concept.text === "UK-led");
    expect(ukLed).toMatchObject({ kind: "descriptor", known: true });
    expect(ukLed!.alternatives).toContainEqual(["uk"]);
    // A name the articles never use, joined to a plain word, is still unknown.
    expect(buildAnalyser(fixture.engine.index).analyse("What did the Merz-led government say?").parts[0]!.unknownNames).toEqual(["Merz-led"]);
    const answer = await ask("Will every nation signing up to the UK-led alliance bring the same amount to the table?");
    expect(answer.confidence).not.toBe("none");
  });

  it("does not take 'Compare' opening a question for a name the articles never mention", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("Compare Healey and Hegseth: what did Healey say he was fixed on").parts;
    expect(part!.unknownNames).toEqual([]);
  });

  it("matches the plain words for an idiom in the forms the articles use ('brush off' is their 'dismissed')", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("how did the pentagon chief brush off claims that the US had gone soft on moscow?").parts;
    expect(part!.concepts.find((concept) => concept.text === "brush")?.alternatives).toContainEqual(["dismissed"]);
  });

  it("reads 'no10' as No 10 and an opinion as views", async () => {
    const chat = await ask("wat did no10 say abt whether russias opinion matters 4 which peacekeepers get sent");
    expect(chat.correctedQuestion).toContain("No 10");
    expect(chat.confidence).toBe("high");
    expect(cited(chat)[0]?.text).toContain("the PM’s spokesman said Russia’s views");
  });

  it("does not answer 'who' with a sentence chosen for naming someone when another says the thing asked and names no one", async () => {
    const answer = await ask("Who is the Western official who said the force might be lighter in its construct?");
    expect(answer.confidence).toBe("low");
  });

  it("reads 'the Astrakhan region' as a name a count must be about, though a dictionary has the word", () => {
    const [part] = buildAnalyser(fixture.engine.index).analyse("How many Ukrainian drones did Russia say it destroyed over the Astrakhan region?").parts;
    expect(part!.concepts.find((concept) => concept.text === "Astrakhan")?.kind).toBe("name");
  });

  it("does not give the words of someone else for an office the articles give no one", async () => {
    const answer = await ask("What did Denmark's prime minister tell DR radio about sending troops?");
    expect(answer.confidence).toBe("low");
    expect(answer.answer).toContain("Denmark's Prime Minister");
  });

  it("answers why something matters with the sentence saying what it is key for", async () => {
    const answer = await ask("Why is the Odesa region important to Ukraine?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toContain("key for Ukrainian maritime exports");
  });

  it("lists the passages the answer quotes first, the others after as more passages", async () => {
    const answer = await ask("What did Grushko say?");
    const flags = answer.citations.map((citation) => citation.cited);
    expect(flags[0]).toBe(true);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    const markers = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
    expect(new Set(cited(answer).map((citation) => citation.n))).toEqual(markers);
  });
});
