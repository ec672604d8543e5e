import type { Quote } from "../ingest/quotes/speakers.js";

/** A quote index's quotes found by speaker in memory, as IndexStore.quotesOf gives them. */
export class SpeakerQuotes {
  /** Positions in `quotes` of each speaker's quotes, ascending. */
  private readonly positions = new Map<string, number[]>();

  constructor(private readonly quotes: readonly Quote[]) {
    quotes.forEach((quote, position) => {
      const positions = this.positions.get(quote.speakerId);
      if (positions) positions.push(position);
      else this.positions.set(quote.speakerId, [position]);
    });
  }

  of(speakerIds: readonly string[]): Quote[] {
    const positions = speakerIds.flatMap((id) => this.positions.get(id) ?? []);
    if (speakerIds.length > 1) positions.sort((a, b) => a - b);
    return positions.map((position) => this.quotes[position] as Quote);
  }
}
