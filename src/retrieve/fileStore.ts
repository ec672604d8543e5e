import type { LoadedIndex } from "../index/indexStore.js";
import type { KeywordHit } from "../index/keywordIndex.js";
import type { Quote } from "../ingest/quotes/speakers.js";
import { denseSearch, type DenseHit } from "./dense.js";
import { SpeakerQuotes } from "./speakerQuotes.js";
import type { IndexStore } from "./store.js";

/** The files backend: a build folder loaded into memory, searched exactly in process. */
export class FileIndexStore implements IndexStore {
  private readonly speakerQuotes: SpeakerQuotes;

  constructor(readonly contents: LoadedIndex) {
    this.speakerQuotes = new SpeakerQuotes(contents.quotes.quotes);
  }

  denseTopK(query: Float32Array, limit: number, rows?: readonly number[]): Promise<DenseHit[]> {
    const { vectors, manifest } = this.contents;
    return Promise.resolve(denseSearch(vectors, manifest.encoder.dimensions, query, limit, rows));
  }

  keywordTopK(text: string, limit: number, allowed?: ReadonlySet<string>): Promise<KeywordHit[]> {
    return Promise.resolve(this.contents.keywords.query(text, limit, allowed));
  }

  quotesOf(speakerIds: readonly string[]): Promise<Quote[]> {
    return Promise.resolve(this.speakerQuotes.of(speakerIds));
  }
}
