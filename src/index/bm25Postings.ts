import SearchableMap from "minisearch/SearchableMap";
import { TopHits } from "../util/topHits.js";

/**
 * MiniSearch's BM25 index, held in typed arrays. MiniSearch builds the index (tokens, term
 * frequencies, field lengths); this class keeps what its search reads, in flat arrays instead
 * of a Map per term and field, and scores exactly as `MiniSearch#search` does for the options
 * the keyword index uses (OR, field boosts, fuzzy terms). At 100k passages MiniSearch's own
 * loaded index takes ~330 MB and 1.6 s to load; this takes ~40 MB and a file read.
 */
export interface PostingsData {
  documentCount: number;
  /** Passage id of each document number. */
  ids: string[];
  fields: string[];
  averageFieldLength: number[];
  /** Terms in MiniSearch's index order, which fixes the order fuzzy matches are scored in. */
  terms: string[];
  /** `fieldLength[doc * fields.length + field]`. */
  fieldLength: Uint32Array;
  /** Start and count in `docIds`/`freqs` of term `t` in field `f`, at `(t * fields.length + f) * 2`. */
  ranges: Uint32Array;
  /** Document numbers, ascending within each term and field. */
  docIds: Uint32Array;
  freqs: Uint32Array;
}

/** The subset of MiniSearch's `toJSON()` output read here (serialization version 2). */
export interface MiniSearchJson {
  documentCount: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  index: Array<[string, Record<string, Record<string, number>>]>;
  serializationVersion: number;
}

export interface PostingsQuery {
  /** Boost per field, in the order MiniSearch was given its fields. */
  boosts: readonly number[];
  /** Fuzziness of a term as MiniSearch's `fuzzy` option gives it (a share of its length), or false. */
  fuzzy: (term: string) => number | false;
  fuzzyWeight: number;
  limit: number;
  allowed?: ReadonlySet<string> | undefined;
}

export interface PostingsHit {
  id: string;
  score: number;
}

// MiniSearch's defaults: BM25+ parameters and the largest fuzzy edit distance.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const MAX_FUZZY = 6;

// Verbatim from MiniSearch, so scores agree to the last bit.
function bm25Score(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

/** Converts MiniSearch's serialized index; throws when it has removed documents or another version. */
export function postingsFromMiniSearch(json: MiniSearchJson, fields: readonly string[]): PostingsData {
  if (json.serializationVersion !== 2) throw new Error(`unsupported MiniSearch serialization version ${json.serializationVersion}`);
  const count = json.documentCount;
  const ids: string[] = [];
  for (let doc = 0; doc < count; doc++) {
    const id = json.documentIds[doc];
    if (id === undefined) throw new Error(`MiniSearch document ${doc} is missing: the index must hold documents 0…${count - 1}`);
    ids.push(id);
  }
  const fieldIds = fields.map((field) => {
    const id = json.fieldIds[field];
    if (id === undefined) throw new Error(`MiniSearch has no field ${field}`);
    return id;
  });
  const fieldLength = new Uint32Array(count * fields.length);
  for (let doc = 0; doc < count; doc++) {
    fieldIds.forEach((id, f) => (fieldLength[doc * fields.length + f] = json.fieldLength[doc]?.[id] ?? 0));
  }
  const ranges = new Uint32Array(json.index.length * fields.length * 2);
  const docIds: number[] = [];
  const freqs: number[] = [];
  json.index.forEach(([, byField], t) => {
    fieldIds.forEach((id, f) => {
      const postings = byField[id] ?? {};
      ranges[(t * fields.length + f) * 2] = docIds.length;
      // Integer keys iterate in ascending order: the order MiniSearch scores documents in.
      for (const [doc, freq] of Object.entries(postings)) {
        docIds.push(Number(doc));
        freqs.push(freq);
      }
      ranges[(t * fields.length + f) * 2 + 1] = docIds.length - (ranges[(t * fields.length + f) * 2] as number);
    });
  });
  return {
    documentCount: count,
    ids,
    fields: [...fields],
    averageFieldLength: fieldIds.map((id) => json.averageFieldLength[id] ?? 0),
    terms: json.index.map(([term]) => term),
    fieldLength,
    ranges,
    docIds: Uint32Array.from(docIds),
    freqs: Uint32Array.from(freqs),
  };
}

/** The index's terms by their number, in MiniSearch's index order (the order fuzzy matches come back in). */
export function termIndexOf(terms: readonly string[]): SearchableMap<number> {
  const index = new SearchableMap<number>();
  terms.forEach((term, number) => index.set(term, number));
  return index;
}

/**
 * The index terms a query term matches and the weight of each, in the order MiniSearch scores
 * them: the term itself (weight 1), then its fuzzy variants (shorter weight the farther off).
 */
export function matchingTerms(termIndex: SearchableMap<number>, term: string, query: Pick<PostingsQuery, "fuzzy" | "fuzzyWeight">): Array<[number, number]> {
  const exact = termIndex.get(term);
  const found: Array<[number, number]> = exact === undefined ? [] : [[exact, 1]];
  const fuzzy = query.fuzzy(term);
  const maxDistance = fuzzy === false ? 0 : fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
  if (maxDistance) {
    for (const [match, [termNumber, distance]] of termIndex.fuzzyGet(term, maxDistance)) {
      if (distance) found.push([termNumber, (query.fuzzyWeight * match.length) / (match.length + distance)]);
    }
  }
  return found;
}

/** BM25 search over `PostingsData`, returning what `MiniSearch#search(...).slice(0, limit)` would. */
export class Bm25Postings {
  private readonly termIndex: SearchableMap<number>;
  // Scratch space, one slot per document, cleared after every search.
  private readonly scores: Float64Array;
  private readonly termScores: Float64Array;
  private readonly inTerm: Uint8Array;
  private readonly quality: Uint32Array;

  constructor(readonly data: PostingsData) {
    this.termIndex = termIndexOf(data.terms);
    this.scores = new Float64Array(data.documentCount);
    this.termScores = new Float64Array(data.documentCount);
    this.inTerm = new Uint8Array(data.documentCount);
    this.quality = new Uint32Array(data.documentCount);
  }

  /**
   * `terms` are the query's processed terms (tokenised, stop words dropped, stemmed), one per
   * occurrence. Each is scored on its own, fuzzy variants included, and the sums added in
   * query order; a document's score is then multiplied by how many distinct query terms it
   * matched. Additions happen in MiniSearch's order, so even ties break the same way.
   */
  search(terms: readonly string[], query: PostingsQuery): PostingsHit[] {
    const touched: number[] = [];
    const seenTerms = new Set<string>();
    for (const term of terms) {
      const termTouched: number[] = [];
      for (const [termNumber, weight] of matchingTerms(this.termIndex, term, query)) this.scoreTerm(termNumber, weight, query.boosts, termTouched);
      // A repeated query term matches the same documents again: it adds score, not quality.
      const firstTime = !seenTerms.has(term);
      seenTerms.add(term);
      for (const doc of termTouched) {
        if (this.quality[doc] === 0) touched.push(doc);
        if (firstTime) this.quality[doc] = (this.quality[doc] as number) + 1;
        this.scores[doc] = (this.scores[doc] as number) + (this.termScores[doc] as number);
        this.termScores[doc] = 0;
        this.inTerm[doc] = 0;
      }
    }
    // Only the best `limit` become objects: at 100k passages a common term touches most of them.
    const top = new TopHits(query.limit);
    touched.forEach((doc, order) => {
      if (query.allowed === undefined || query.allowed.has(this.data.ids[doc] as string)) {
        top.offer(doc, (this.scores[doc] as number) * (this.quality[doc] as number), order);
      }
      this.scores[doc] = 0;
      this.quality[doc] = 0;
    });
    return top.sorted().map(({ key, score }) => ({ id: this.data.ids[key] as string, score }));
  }

  private scoreTerm(termNumber: number, weight: number, boosts: readonly number[], termTouched: number[]): void {
    const { data } = this;
    const fieldCount = data.fields.length;
    for (let f = 0; f < fieldCount; f++) {
      const at = (termNumber * fieldCount + f) * 2;
      const start = data.ranges[at] as number;
      const matching = data.ranges[at + 1] as number;
      const fieldWeight = weight * (boosts[f] ?? 1);
      const average = data.averageFieldLength[f] as number;
      for (let i = start; i < start + matching; i++) {
        const doc = data.docIds[i] as number;
        const score = fieldWeight * bm25Score(data.freqs[i] as number, matching, data.documentCount, data.fieldLength[doc * fieldCount + f] as number, average);
        if (this.inTerm[doc] === 0) {
          this.inTerm[doc] = 1;
          termTouched.push(doc);
          this.termScores[doc] = score;
        } else {
          this.termScores[doc] = (this.termScores[doc] as number) + score;
        }
      }
    }
  }
}

/** The JSON half of stored postings; the typed arrays go to a binary file, in this order. */
export interface PostingsMeta {
  documentCount: number;
  ids: string[];
  fields: string[];
  averageFieldLength: number[];
  terms: string[];
  endianness: "LE" | "BE";
  lengths: { fieldLength: number; ranges: number; docIds: number; freqs: number };
}

const ARRAYS = ["fieldLength", "ranges", "docIds", "freqs"] as const;

/** Splits postings into JSON metadata and one buffer of native-endian uint32 arrays. */
export function encodePostings(data: PostingsData, endianness: "LE" | "BE"): { meta: PostingsMeta; bytes: Uint8Array } {
  const total = ARRAYS.reduce((sum, name) => sum + data[name].length, 0);
  const all = new Uint32Array(total);
  let offset = 0;
  for (const name of ARRAYS) {
    all.set(data[name], offset);
    offset += data[name].length;
  }
  const { documentCount, ids, fields, averageFieldLength, terms } = data;
  const lengths = { fieldLength: data.fieldLength.length, ranges: data.ranges.length, docIds: data.docIds.length, freqs: data.freqs.length };
  return { meta: { documentCount, ids, fields, averageFieldLength, terms, endianness, lengths }, bytes: new Uint8Array(all.buffer) };
}

/** Rebuilds postings from `encodePostings` output; throws when the parts do not fit together. */
export function decodePostings(meta: PostingsMeta, bytes: Uint8Array, endianness: "LE" | "BE"): PostingsData {
  if (meta.endianness !== endianness) throw new Error(`postings were written ${meta.endianness}, this machine is ${endianness}`);
  const total = ARRAYS.reduce((sum, name) => sum + meta.lengths[name], 0);
  if (bytes.byteLength !== total * 4) throw new Error(`postings file holds ${bytes.byteLength} bytes, expected ${total * 4}`);
  // A view needs 4-byte alignment; copy in the rare case the buffer is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const all = new Uint32Array(aligned.buffer, aligned.byteOffset, total);
  let offset = 0;
  const take = (length: number) => all.subarray(offset, (offset += length));
  const fieldLength = take(meta.lengths.fieldLength);
  const ranges = take(meta.lengths.ranges);
  const docIds = take(meta.lengths.docIds);
  const freqs = take(meta.lengths.freqs);
  if (meta.ids.length !== meta.documentCount || ranges.length !== meta.terms.length * meta.fields.length * 2) {
    throw new Error("postings metadata does not match the postings file");
  }
  // Searching trusts these bounds, so a damaged file must fail here rather than score garbage.
  for (let at = 0; at < ranges.length; at += 2) {
    if ((ranges[at] as number) + (ranges[at + 1] as number) > docIds.length) throw new Error("a postings range lies outside the file");
  }
  for (const doc of docIds) if (doc >= meta.documentCount) throw new Error(`posting for document ${doc} of ${meta.documentCount}`);
  if (fieldLength.length !== meta.documentCount * meta.fields.length || freqs.length !== docIds.length) {
    throw new Error("postings arrays have inconsistent lengths");
  }
  const { documentCount, ids, fields, averageFieldLength, terms } = meta;
  return { documentCount, ids, fields, averageFieldLength, terms, fieldLength, ranges, docIds, freqs };
}
