/**
 * The few names that stand for a government or a body and that no country dataset holds: seats
 * of government, ministries and unions. Countries, capitals and demonyms come from the
 * `world-countries` dataset (see places.ts); this list only adds to them.
 */
export interface Institution {
  /** How people write it, lower case, the full name first; "the" is ignored when matching. */
  names: string[];
  /** The country it speaks for, as `world-countries` names it (`name.common`); null for a union. */
  country: string | null;
  /** Other ways the articles may refer to the same body, lower case. */
  alsoCalled: string[];
  /** The larger body it is part of (that body's first name): its officers are that body's too. */
  partOf?: string;
}

export const INSTITUTIONS: readonly Institution[] = [
  { names: ["kremlin"], country: "Russia", alsoCalled: ["moscow"] },
  { names: ["white house"], country: "United States", alsoCalled: ["washington"] },
  { names: ["pentagon"], country: "United States", alsoCalled: ["defense secretary", "washington"] },
  { names: ["downing street", "no 10", "no. 10", "number 10", "number ten"], country: "United Kingdom", alsoCalled: ["prime minister", "pm", "london"] },
  { names: ["whitehall", "westminster"], country: "United Kingdom", alsoCalled: ["london"] },
  { names: ["elysee", "élysée", "elysee palace", "élysée palace"], country: "France", alsoCalled: ["macron", "paris"] },
  { names: ["quai d'orsay"], country: "France", alsoCalled: ["paris"] },
  { names: ["bundestag", "chancellery"], country: "Germany", alsoCalled: ["berlin"] },
  { names: ["european union", "eu", "brussels"], country: null, alsoCalled: ["european commission", "brussels"] },
  { names: ["european commission", "commission"], country: null, alsoCalled: ["eu", "european union", "brussels"], partOf: "european union" },
  { names: ["nato", "alliance"], country: null, alsoCalled: [] },
  // "the West" as reporters write it: Western governments, their aid and their allies.
  { names: ["west"], country: null, alsoCalled: ["western"] },
];

/** Short names the dataset leaves out or spells otherwise, by the country's `name.common`. */
export const EXTRA_COUNTRY_NAMES: Readonly<Record<string, string[]>> = {
  "United Kingdom": ["uk", "u.k", "britain", "great britain", "england"],
  "United States": ["us", "u.s", "usa", "america", "washington"],
  Ukraine: ["kiev"],
  Russia: ["russian federation"],
  "North Korea": ["dprk"],
  // the dataset's common name is Türkiye
  Türkiye: ["turkey"],
};
