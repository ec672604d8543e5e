import { describe, expect, it } from "vitest";
import { addPassageBonus, DIRECT_BONUS, locateOnTopic, PER_QUOTE_BONUS, type TopicMeasure } from "../../src/quotes/locateQuotes.js";
import { passageReader } from "../../src/retrieve/passageText.js";
import { contentTerms } from "../../src/text/terms.js";
import { located, passage, quoteIn } from "./quoteSteps.js";

/** The share of the topic's terms present. */
function topicOf(text: string): TopicMeasure {
  const terms = contentTerms(text);
  return { terms, coverage: (present) => terms.filter((term) => present.has(term)).length / terms.length };
}

const geneva = passage("a", 100, "Talks stalled in Geneva on Monday. ‘We will never accept NATO troops in Ukraine,’ Grushko said. He left the building early.");
const kyiv = passage("b", 0, "Officials met in Kyiv. ‘The grain deal is finished,’ Grushko told reporters.");

describe("locateOnTopic", () => {
  it("widens each quote to the sentence it sits in and scores the topic in it and its passage", () => {
    const onTopic = quoteIn(geneva, "We will never accept NATO troops in Ukraine");
    const aside = quoteIn(geneva, "He left the building early", "person:x", "reported");
    const [first, second] = locateOnTopic([onTopic, aside], new Set(["person:x"]), [geneva, kyiv], topicOf("NATO troops"), passageReader());
    expect(first).toMatchObject({ quote: onTopic, passage: geneva, sentences: "‘We will never accept NATO troops in Ukraine,’ Grushko said.", onTopic: 1, relevance: 1 + DIRECT_BONUS });
    // Not in its own sentence, but in its passage: half the share, and no bonus for reported speech.
    expect(second).toMatchObject({ sentences: "He left the building early.", onTopic: 0.5, relevance: 0.5 });
  });

  it("leaves out other speakers' quotes and quotes outside every passage", () => {
    const other = quoteIn(kyiv, "The grain deal is finished", "person:y");
    const outside = { ...quoteIn(kyiv, "The grain deal is finished"), articleId: "c" };
    expect(locateOnTopic([other, outside], new Set(["person:x"]), [geneva, kyiv], topicOf("grain"), passageReader())).toEqual([]);
  });

  it("counts every quote fully on topic when no topic is asked", () => {
    const grain = quoteIn(kyiv, "The grain deal is finished", "person:x", "reported");
    expect(locateOnTopic([grain], new Set(["person:x"]), [kyiv], topicOf(""), passageReader())).toMatchObject([{ onTopic: 1, relevance: 1 }]);
  });
});

describe("addPassageBonus", () => {
  it("adds a bonus per quote its passage holds", () => {
    const items = [located(geneva, "We will never accept", 0.5), located(geneva, "He left the building early", 0.2), located(kyiv, "The grain deal is finished", 0.5)];
    addPassageBonus(items);
    expect(items.map((item) => item.relevance)).toEqual([0.5 + 2 * PER_QUOTE_BONUS, 0.2 + 2 * PER_QUOTE_BONUS, 0.5 + PER_QUOTE_BONUS]);
  });
});
