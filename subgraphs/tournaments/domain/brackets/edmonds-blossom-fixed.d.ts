// The package ships JavaScript only.
declare module 'edmonds-blossom-fixed' {
  /**
   * Maximum-weight matching of an undirected graph given as `[u, v, weight]` edges (vertices
   * 0..n−1); with `maxCardinality`, the heaviest among the matchings of the most pairs. Returns
   * each vertex's mate, −1 when unmatched.
   */
  export default function maximumWeightMatching(edges: readonly (readonly [number, number, number])[], maxCardinality?: boolean): number[];
}
