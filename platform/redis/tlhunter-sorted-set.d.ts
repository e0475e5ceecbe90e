// The part of tlhunter-sorted-set (a skip list with Redis' sorted-set semantics: score, then member
// by code unit; average O(log n) add, rem, rank and range by rank) the in-process twin uses.
declare module 'tlhunter-sorted-set' {
  export default class SortedSet {
    constructor(options?: { unique?: boolean });
    add(member: string, score: number): number | null;
    rem(member: string): number | null;
    get(member: string): number | null;
    rank(member: string): number | null;
    range(start?: number, stop?: number, options?: { withScores: true }): [string, number][];
    card(): number;
    readonly length: number;
  }
}
