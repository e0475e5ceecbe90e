/** Hits of a ranked list against what the player really did next: precision@k and recall@k. */
export function precisionRecallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): { precision: number; recall: number } {
  if (relevant.size === 0) throw new RangeError('recall is undefined without a relevant item');
  let hits = 0;
  for (const item of ranked.slice(0, k)) if (relevant.has(item)) hits++;
  return { precision: hits / k, recall: hits / relevant.size };
}

/** Running means of precision and recall over players. */
export class MeanAt {
  private precision = 0;
  private recall = 0;
  private n = 0;

  constructor(readonly k: number) {}

  add(ranked: readonly string[], relevant: ReadonlySet<string>) {
    const r = precisionRecallAt(ranked, relevant, this.k);
    this.precision += r.precision;
    this.recall += r.recall;
    this.n++;
  }

  get players() {
    return this.n;
  }

  result(): { precision: number; recall: number } {
    return this.n === 0 ? { precision: 0, recall: 0 } : { precision: this.precision / this.n, recall: this.recall / this.n };
  }
}
