import { createRequire } from "node:module";
import { EXTRA_COUNTRY_NAMES, INSTITUTIONS } from "./institutions.js";

/** A country, union or institution, with every name people use for it (lower case). */
export interface Place {
  label: string;
  /** The country it stands for or belongs to (`world-countries` common name); null for a union or alliance. */
  country: string | null;
  /** Its own names: "moscow" for Moscow, "kremlin" for the Kremlin. */
  names: string[];
  /** What else stands for the same government: the country, its demonym, its capital, its seats. */
  related: string[];
  /** The larger body it is part of, by label ("european union" for the European Commission). */
  partOf?: string;
}

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  region?: string;
}

/** The continents people name by their adjective ("which European countries…"), as `world-countries` names their regions. */
const CONTINENTS: Readonly<Record<string, string>> = { european: "Europe", asian: "Asia", african: "Africa" };
/** Groups of countries people name by an adjective that no region of the dataset matches, by the dataset's common names. */
const COUNTRY_GROUPS: Readonly<Record<string, readonly string[]>> = {
  scandinavian: ["Denmark", "Norway", "Sweden"],
  nordic: ["Denmark", "Norway", "Sweden", "Finland", "Iceland"],
  baltic: ["Estonia", "Latvia", "Lithuania"],
  gulf: ["Saudi Arabia", "United Arab Emirates", "Qatar", "Kuwait", "Bahrain", "Oman"],
};

const lower = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\.$/, "");
/** Dataset spellings people type: Latin letters, at least three of them ("GB" and "FR" are not names). */
const usable = (name: string) => /^[a-z][a-z .'’-]+$/i.test(name) && name.replace(/[^a-z]/gi, "").length >= 3;

/** Where each name points: a name may be a country's ("Russia"), its capital's, its demonym or an institution. */
export class Places {
  private readonly byName = new Map<string, Place[]>();
  /** How many words the names starting with each word have: "united" → 2 ("united kingdom", "united states"), 3 ("united arab emirates"). */
  private readonly lengthsByFirstWord = new Map<string, number[]>();
  /** Each region's countries, by the region's name: "Europe" → Germany, Spain, Italy… */
  private readonly byRegion = new Map<string, Place[]>();

  constructor(countries: readonly CountryRecord[]) {
    const countryTerms = new Map<string, string[]>();
    for (const country of countries) {
      const names = [country.name.common, ...(country.name.official.split(" ").length <= 3 ? [country.name.official] : []), ...country.altSpellings.filter(usable)];
      const demonyms = country.demonyms?.eng ? [country.demonyms.eng.m, country.demonyms.eng.f] : [];
      const terms = [...new Set([...names, ...demonyms].map(lower).concat(EXTRA_COUNTRY_NAMES[country.name.common] ?? []))];
      const capitals = (country.capital ?? []).map(lower);
      countryTerms.set(country.name.common, [...terms, ...capitals]);
      const countryPlace: Place = { label: country.name.common, country: country.name.common, names: terms, related: capitals };
      for (const name of terms) this.add(name, countryPlace);
      if (country.region !== undefined) this.byRegion.set(country.region, [...(this.byRegion.get(country.region) ?? []), countryPlace]);
      for (const capital of capitals) this.add(capital, { label: capital, country: country.name.common, names: [capital], related: terms });
    }
    for (const institution of INSTITUTIONS) {
      const related = [...institution.alsoCalled, ...(institution.country ? (countryTerms.get(institution.country) ?? []) : [])];
      const place: Place = {
        label: institution.names[0] as string,
        country: institution.country,
        names: institution.names,
        related: [...new Set(related)],
        ...(institution.partOf === undefined ? {} : { partOf: institution.partOf }),
      };
      for (const name of institution.names) this.add(name, place);
    }
    // A capital also names its government's seats: "Moscow" for the Kremlin, "London" for Downing Street.
    for (const institution of INSTITUTIONS) {
      const capitals = institution.country === null ? [] : (countryTerms.get(institution.country) ?? []);
      for (const capital of capitals) for (const place of this.byName.get(capital) ?? []) if (place.names.includes(capital)) place.related.push(...institution.names);
    }
    for (const name of this.byName.keys()) {
      const words = name.split(" ");
      const lengths = this.lengthsByFirstWord.get(words[0] as string) ?? [];
      if (!lengths.includes(words.length)) lengths.push(words.length);
      this.lengthsByFirstWord.set(words[0] as string, lengths.sort((a, b) => b - a));
    }
  }

  private add(name: string, place: Place): void {
    const list = this.byName.get(name);
    if (!list) this.byName.set(name, [place]);
    else if (!list.includes(place)) list.push(place);
  }

  /** The lengths in words of the names that start with a word ("the" skipped), longest first. */
  nameLengthsFrom(word: string): readonly number[] {
    return this.lengthsByFirstWord.get(word.replace(/['’]s$/, "")) ?? [];
  }

  /**
   * The length of the longest place name of at most `most` words that starts at `start` in a
   * phrase's lower-case words, possessives dropped ("no 10's spokesman"), "the" included when a
   * name follows it ("the white house"); 0 when none starts there.
   */
  nameLengthAt(words: readonly string[], start: number, most: number): number {
    const next = words[start + 1];
    const lengths = [...this.nameLengthsFrom(words[start] ?? ""), ...(words[start] === "the" && next !== undefined ? this.nameLengthsFrom(next).map((length) => length + 1) : [])];
    const fits = lengths.filter((length) => length <= most && start + length <= words.length).sort((a, b) => b - a);
    return fits.find((length) => this.has(words.slice(start, start + length).map((word) => word.replace(/['’]s$/, "")).join(" "))) ?? 0;
  }

  /** The places a lower-case name (one or more words) stands for; empty when it is no place. */
  lookup(name: string): readonly Place[] {
    return this.byName.get(lower(name).replace(/^the /, "").replace(/['’]s$/, "")) ?? [];
  }

  /** Every name the dataset and the institutions list know, for "is this a real word?". */
  has(name: string): boolean {
    return this.lookup(name).length > 0;
  }

  /**
   * The countries of the continent or group an adjective names, each with all its names ("European" → Germany's
   * "germany", "german"…; "Gulf" → Saudi Arabia's…); empty for any other word.
   */
  countriesOfContinent(adjective: string): readonly Place[] {
    const lower = adjective.toLowerCase();
    const group = COUNTRY_GROUPS[lower];
    if (group !== undefined) return group.flatMap((name) => this.lookup(name.toLowerCase()).filter((place) => place.label === name));
    const region = CONTINENTS[lower];
    return region === undefined ? [] : (this.byRegion.get(region) ?? []);
  }

  /** The countries a name stands for: "Moscow", "Russian" and "the Kremlin" all stand for Russia. */
  countriesOf(name: string): string[] {
    return [...new Set(this.lookup(name).flatMap((place) => (place.country === null ? [] : [place.country])))];
  }
}

let shared: Places | undefined;

/** The places of the `world-countries` dataset plus institutions, loaded once per process. */
export function places(): Places {
  shared ??= new Places(createRequire(import.meta.url)("world-countries") as CountryRecord[]);
  return shared;
}
