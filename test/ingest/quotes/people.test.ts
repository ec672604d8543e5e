import { describe, expect, it } from "vitest";
import { FIRST_NAME_PREFIX, fullNameMentions, PersonDirectory } from "../../../src/ingest/quotes/people.js";
import { parseArticle } from "../../../src/ingest/parseArticle.js";

describe("PersonDirectory.nameInFull", () => {
  it("merges transliterations of a surname and first names that agree in their first letters", () => {
    const people = new PersonDirectory();
    const zelensky = people.nameInFull("Volodymyr Zelensky", null, "a");
    expect(people.nameInFull("Volodymyr Zelenskyy", null, "b")).toBe(zelensky);
    expect(people.nameInFull("Volodymyr Zelenskiy", null, "b")).toBe(zelensky);
    const lavrov = people.nameInFull("Sergei Lavrov", null, "a");
    expect(people.nameInFull("Sergey Lavrov", null, "a")).toBe(lavrov);
    expect(zelensky.variants).toEqual(new Set(["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"]));
    expect(zelensky.articleIds).toEqual(new Set(["a", "b"]));
  });

  it(`keeps apart first names that differ within ${FIRST_NAME_PREFIX} letters`, () => {
    const people = new PersonDirectory();
    const keir = people.nameInFull("Keir Starmer", null, "a");
    expect(people.nameInFull("Kemi Starmer", null, "a")).not.toBe(keir);
    expect(people.nameInFull("Aleksandr Grushko", null, "a")).not.toBe(people.nameInFull("Alexander Grushko", null, "a"));
  });

  it("records the role printed beside the name, normalised", () => {
    const people = new PersonDirectory();
    const person = people.nameInFull("Keir Starmer", "the PM’s", "a");
    people.nameInFull("Keir Starmer", "British Prime Minister", "a");
    people.nameInFull("Keir Starmer", null, "a");
    expect(person.roles).toEqual(new Set(["prime minister", "british prime minister"]));
    expect(person.full.get("Keir Starmer")).toBe(3);
  });
});

describe("Person.displayName", () => {
  it("is the fullest name printed, then the most printed", () => {
    const people = new PersonDirectory();
    const starmer = people.nameInFull("Keir Starmer", null, "a");
    people.nameInFull("Keir Starmer", null, "a");
    people.nameInFull("Keir Rodney Starmer", null, "a");
    expect(starmer.displayName()).toBe("Keir Rodney Starmer");

    const lavrov = people.nameInFull("Sergei Lavrov", null, "a");
    people.nameInFull("Sergey Lavrov", null, "a");
    people.nameInFull("Sergey Lavrov", null, "a");
    expect(lavrov.displayName()).toBe("Sergey Lavrov");
  });
});

describe("PersonDirectory.byWord", () => {
  it("finds the one person a surname or first name names, preferring this article", () => {
    const people = new PersonDirectory();
    const keir = people.nameInFull("Keir Starmer", null, "a");
    const other = people.nameInFull("Alice Starmer", null, "b");
    expect(people.byWord("Starmer", "a")).toBe(keir);
    expect(people.byWord("Starmer", "b")).toBe(other);
    expect(people.byWord("Keir", "b")).toBe(keir);
    expect(people.byWord("Zelenskyy", "a")).toBeNull();
  });

  it("is null when the word fits several people and none is named in this article", () => {
    const people = new PersonDirectory();
    people.nameInFull("Keir Starmer", null, "a");
    people.nameInFull("Alice Starmer", null, "b");
    expect(people.byWord("Starmer", "c")).toBeNull();
  });
});

describe("PersonDirectory.soleHolder", () => {
  it("is the one person in the article holding the office now", () => {
    const people = new PersonDirectory();
    const starmer = people.nameInFull("Keir Starmer", "British Prime Minister", "a");
    people.nameInFull("Boris Johnson", "former prime minister", "a");
    expect(people.soleHolder("prime minister", "a")).toBe(starmer);
    // The office must be named in this article's mentions of them.
    expect(people.soleHolder("prime minister", "b")).toBeNull();
    expect(people.soleHolder("foreign minister", "a")).toBeNull();
  });

  it("is null when two people in the article hold it", () => {
    const people = new PersonDirectory();
    people.nameInFull("Keir Starmer", "British Prime Minister", "a");
    people.nameInFull("Mark Carney", "Canadian Prime Minister", "a");
    expect(people.soleHolder("prime minister", "a")).toBeNull();
  });
});

describe("PersonDirectory.roleHolders", () => {
  it("lists everyone with a role by display name, roles sorted", () => {
    const people = new PersonDirectory();
    people.nameInFull("Steve Witkoff", "US special envoy", "a");
    people.nameInFull("Keir Starmer", "prime minister", "a");
    people.nameInFull("Keir Starmer", "Labour leader", "b");
    people.nameInFull("Jane Doe", null, "a");
    expect(people.roleHolders()).toEqual([
      { name: "Keir Starmer", roles: ["labour leader", "prime minister"] },
      { name: "Steve Witkoff", roles: ["us special envoy"] },
    ]);
  });
});

describe("fullNameMentions", () => {
  it("reads full names with the role printed before them, never across a line break", () => {
    const article = parseArticle(
      "a",
      "a.txt",
      "Talks in Geneva\n\nRussian deputy foreign minister Alexander Grushko spoke on Monday.\nThe talks went on. Keir\nStarmer was not there.\n",
    );
    const mentions = fullNameMentions(article);
    expect(mentions).toContainEqual({ name: "Alexander Grushko", role: "russian deputy foreign minister" });
    expect(mentions.map((mention) => mention.name)).not.toContain("Keir Starmer");
  });

  it("gives someone named as another's counterpart that office, in the country named before 'counterpart'", () => {
    const article = parseArticle(
      "a",
      "a.txt",
      "Talks in London\n\nIt came as defence secretary John Healey held talks last night with US counterpart Pete Hegseth. Later he met Canadian counterpart Anna Berg.\n",
    );
    const mentions = fullNameMentions(article);
    expect(mentions).toContainEqual({ name: "Pete Hegseth", role: "us defence secretary" });
    // A counterpart in a later sentence is no one's named there.
    expect(mentions).toContainEqual({ name: "Anna Berg", role: null });
  });
});
