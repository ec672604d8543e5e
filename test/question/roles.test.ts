import { describe, expect, it } from "vitest";
import { places } from "../../src/question/places.js";
import { RoleResolver } from "../../src/question/roles.js";
import type { RoleHolder } from "../../src/types.js";

/** Roles as the quote index learns them from the seed articles' appositives. */
const PEOPLE: RoleHolder[] = [
  { name: "Dmitry Peskov", roles: ["kremlin spokesman"] },
  { name: "Alexander Grushko", roles: ["country deputy foreign minister", "russian deputy foreign minister"] },
  { name: "Sergei Lavrov", roles: ["russian foreign minister"] },
  { name: "Giorgia Meloni", roles: ["italian prime minister"] },
  { name: "Justin Trudeau", roles: ["canadian prime minister", "former canadian prime minister"] },
  { name: "Keir Starmer", roles: ["british prime minister"] },
  { name: "Dmitry Medvedev", roles: ["former president", "former russian president", "russian president"] },
  { name: "Vladimir Putin", roles: ["president"] },
  { name: "Volodymyr Zelensky", roles: ["president", "ukrainian president"] },
  { name: "Emmanuel Macron", roles: ["french president"] },
  { name: "Donald Trump", roles: ["u.s president"] },
  { name: "Ursula von der Leyen", roles: ["european commission president"] },
  { name: "Kaja Kallas", roles: ["european union foreign policy chief"] },
  { name: "Pete Hegseth", roles: [] },
  { name: "John Healey", roles: ["british defence secretary"] },
  { name: "Steve Witkoff", roles: ["us special envoy"] },
];

const resolver = new RoleResolver(PEOPLE, places());
const peopleFor = (question: string) => resolver.find(question.toLowerCase().split(/\s+/)).flatMap((mention) => mention.people);

describe("RoleResolver", () => {
  it("names the person the articles give a role, with or without the country", () => {
    expect(peopleFor("what did the kremlin spokesman say")).toEqual(["Dmitry Peskov"]);
    expect(peopleFor("what did russia's deputy foreign minister say")).toEqual(["Alexander Grushko"]);
    expect(peopleFor("the european commission president")).toEqual(["Ursula von der Leyen"]);
    expect(peopleFor("the eu foreign policy chief")).toEqual(["Kaja Kallas"]);
  });

  it("takes a minister and a secretary of one office for each other, as news writes both", () => {
    expect(peopleFor("what did britain's defence minister say")).toEqual(["John Healey"]);
    expect(peopleFor("what did the russian foreign secretary say")).toEqual(["Sergei Lavrov"]);
  });

  it("reads 'PM' as the prime minister, but not the PM's office or spokesman, nor '4 pm'", () => {
    expect(peopleFor("how many leaders joined the british pm's virtual meeting")).toEqual(["Keir Starmer"]);
    expect(peopleFor("how did the pm's office respond")).toEqual([]);
    expect(peopleFor("what did the pm spokesman say")).toEqual([]);
    // …nor the Kremlin's spokesman, when the possessive is typed without its apostrophe.
    expect(peopleFor("wat did the pms spokesman say")).toEqual([]);
    expect(peopleFor("is the call at 4 pm")).toEqual([]);
  });

  it("reads a body after 'head of' and a place of several words before the role as whose role it is", () => {
    expect(peopleFor("how did the head of the european commission describe the package")).toEqual(["Ursula von der Leyen"]);
    expect(peopleFor("what did the white house's special envoy announce")).toEqual(["Steve Witkoff"]);
    // No 10 is Britain's: its spokesman is not the Kremlin's
    expect(peopleFor("what did no 10's spokesman say")).toEqual([]);
  });

  it("takes an officer of a body that is part of a union as the union's, not the other way round", () => {
    // The Commission is part of the EU: its president heads "the EU's executive arm"
    expect(peopleFor("how did the head of the eu's executive arm describe it")).toEqual(["Ursula von der Leyen"]);
    // …but the EU's foreign policy chief is no officer of the Commission
    expect(peopleFor("what did the commission chief say")).toEqual([]);
  });

  it("tells apart roles that share words: the foreign minister is not his deputy", () => {
    expect(peopleFor("what did the russian foreign minister say")).toEqual(["Sergei Lavrov"]);
  });

  it("reads a capital or a demonym as the country of the role", () => {
    expect(peopleFor("what did rome's prime minister say")).toEqual(["Giorgia Meloni"]);
    expect(peopleFor("did the french leader agree")).toEqual(["Emmanuel Macron"]);
    expect(peopleFor("the ukrainian president")).toEqual(["Volodymyr Zelensky"]);
    expect(peopleFor("the british pm")).toEqual(["Keir Starmer"]);
  });

  it("keeps former office-holders apart from the present ones", () => {
    expect(peopleFor("what did the russian president say")).toEqual(["Vladimir Putin"]);
    expect(peopleFor("what did russia's former president say")).toEqual(["Dmitry Medvedev"]);
    expect(peopleFor("the former canadian prime minister")).toEqual(["Justin Trudeau"]);
    // The articles call Trudeau the former Canadian prime minister: they name no present one.
    expect(peopleFor("the canadian prime minister")).toEqual([]);
  });

  it("does not give a country's role to a union's officer, and reads Brussels in a role as the EU's", () => {
    expect(peopleFor("what did the pentagon chief say")).toEqual([]);
    expect(peopleFor("what did brussels' foreign policy chief say")).toEqual(["Kaja Kallas"]);
    expect(peopleFor("what did the eu foreign policy chief say")).toEqual(["Kaja Kallas"]);
  });

  it("finds no one for a role nobody in the articles holds", () => {
    expect(peopleFor("what did the german chancellor say")).toEqual([]);
    expect(peopleFor("what did the polish foreign minister say")).toEqual([]);
  });

  it("tells which offices of a named country or kind the articles give no one, but not unnamed staff", () => {
    const unheld = (question: string) => resolver.unheld(question.toLowerCase().split(/\s+/));
    expect(unheld("what did the german chancellor say")).toEqual(["german chancellor"]);
    expect(unheld("what did denmark's prime minister tell dr radio")).toEqual(["denmark's prime minister"]);
    expect(unheld("what did the italian prime minister say")).toEqual([]);
    // a spokesman or a blogger may go unnamed; an office with no country or kind says nothing
    expect(unheld("what did the german spokesman say")).toEqual([]);
    expect(unheld("what did the chancellor say")).toEqual([]);
  });

  it("reads a chief as the secretary of that department: the Pentagon chief", () => {
    const withHegseth = new RoleResolver([...PEOPLE.filter((person) => person.name !== "Pete Hegseth"), { name: "Pete Hegseth", roles: ["us defence secretary"] }], places());
    expect(withHegseth.find("what did the us defence chief say".split(" ")).flatMap((mention) => mention.people)).toEqual(["Pete Hegseth"]);
  });
});
