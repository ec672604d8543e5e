/**
 * The `limit` best of a stream of scored keys (rows, document numbers), kept in a min-heap of
 * typed arrays: its root is the worst kept hit, so a key that cannot make the list costs one
 * comparison and no allocation. Offer keys in increasing `order`; ties keep the one offered
 * first, as a stable sort of every hit would.
 */
export class TopHits {
  private readonly scores: Float64Array;
  private readonly keys: Float64Array;
  private readonly order: Int32Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.scores = new Float64Array(limit);
    this.keys = new Float64Array(limit);
    this.order = new Int32Array(limit);
  }

  /** True when hit `i` ranks below hit `j`. */
  private worse(i: number, j: number): boolean {
    const si = this.scores[i] as number;
    const sj = this.scores[j] as number;
    return si < sj || (si === sj && (this.order[i] as number) > (this.order[j] as number));
  }

  private swap(i: number, j: number): void {
    const score = this.scores[i] as number;
    const key = this.keys[i] as number;
    const order = this.order[i] as number;
    this.scores[i] = this.scores[j] as number;
    this.keys[i] = this.keys[j] as number;
    this.order[i] = this.order[j] as number;
    this.scores[j] = score;
    this.keys[j] = key;
    this.order[j] = order;
  }

  offer(key: number, score: number, order: number): void {
    if (this.limit === 0) return;
    if (this.size === this.limit) {
      // Offers come in increasing order and later ones lose ties, so only a higher score gets in.
      if (!(score > (this.scores[0] as number))) return;
      this.scores[0] = score;
      this.keys[0] = key;
      this.order[0] = order;
      this.siftDown(0);
      return;
    }
    let at = this.size++;
    this.scores[at] = score;
    this.keys[at] = key;
    this.order[at] = order;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(at, parent)) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(start: number): void {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < this.size && this.worse(left, worst)) worst = left;
      if (right < this.size && this.worse(right, worst)) worst = right;
      if (worst === at) return;
      this.swap(at, worst);
      at = worst;
    }
  }

  /** Best first. */
  sorted(): Array<{ key: number; score: number }> {
    const hits = Array.from({ length: this.size }, (_, i) => ({ key: this.keys[i] as number, score: this.scores[i] as number, order: this.order[i] as number }));
    hits.sort((a, b) => b.score - a.score || a.order - b.order);
    return hits.map(({ key, score }) => ({ key, score }));
  }
}
