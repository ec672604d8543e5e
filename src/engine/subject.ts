import { passagesByArticle } from "../retrieve/byArticle.js";
import { conceptHeld, conceptWeight } from "../retrieve/coverage.js";
import type { PassageReader } from "../retrieve/passageText.js";
import { contentTerms } from "../text/terms.js";
import type { Concept, Passage } from "../types.js";


/**
 * Whether a passage is about the names a question uses: every one somewhere in the passage's
 * article, and every person it names (else every thing it names: "Kursk", "Anduril"; else its
 * rarest place) in the passage or the one before it, since a quote often follows the line naming
 * its speaker (a thing or place may be in the headline above a section's first passage instead).
 * Places and descriptors ("Moscow", "Western") set the scene: the article is enough for them.
 */
export class SubjectCheck {
  constructor(
    private readonly passages: readonly Passage[],
    private readonly idf: (term: string) => number,
    /**
     * Whether a name is a person the articles name. A passage quoting the person a question asks
     * about is about the question when the other things it names ("Russia's progress in Kursk")
     * are in its article: the quote need not repeat them.
     */
    private readonly isPerson: (concept: Concept) => boolean = () => false,
    /**
     * The headline of a passage's section, if it has one. A thing or place it names ("…in Kursk
     * region") is what the first paragraph under it is about; a person it names is not near a quote.
     */
    private readonly headline: (passage: Passage) => string | undefined = () => undefined,
  ) {}

  /** A test of passages for one question's names, remembering what each article holds. */
  about(names: readonly Concept[], read: PassageReader): (passage: Passage) => boolean {
    const known = names.filter((concept) => concept.known);
    if (known.length === 0) return () => true;
    const wanted = new Set(known.flatMap((concept) => concept.alternatives.flat()));
    const people = known.filter((concept) => concept.kind === "name");
    const places = known.filter((concept) => concept.kind === "place");
    const weight = (concept: Concept) => conceptWeight(concept, this.idf);
    const persons = people.filter(this.isPerson);
    const near =
      persons.length > 0 ? persons : people.length > 0 || places.length === 0 ? people : [places.reduce((best, concept) => (weight(concept) > weight(best) ? concept : best))];
    const articleHolds = new Map<string, boolean>();
    return (passage) => {
      const article = passagesByArticle(this.passages).get(passage.articleId) ?? [passage];
      let inArticle = articleHolds.get(passage.articleId);
      if (inArticle === undefined) {
        const terms = new Set(article.flatMap((other) => [...read(other).termsAmong(wanted)]));
        articleHolds.set(passage.articleId, (inArticle = known.every((concept) => conceptHeld(concept, terms))));
      }
      if (!inArticle) return false;
      const position = article.indexOf(passage);
      const nearby = new Set([passage, ...(position > 0 ? [article[position - 1] as Passage] : [])].flatMap((other) => [...read(other).termsAmong(wanted)]));
      // The lede, the first paragraph under a headline, is about what the headline names.
      const lede = position >= 0 && article[position - 1]?.section !== passage.section;
      const underHeadline = persons.length > 0 || !lede ? nearby : new Set([...nearby, ...contentTerms(this.headline(passage) ?? "").filter((term) => wanted.has(term))]);
      return near.every((concept) => conceptHeld(concept, underHeadline));
    };
  }
}
