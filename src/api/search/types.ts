/** Parent row of a search hit: the node is resolved through the node loader. */
export interface SearchHitRow {
  readonly id: string;
  readonly type: string;
  readonly score: number;
  readonly snippet: string;
}
