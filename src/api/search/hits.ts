/** A search hit from a matched node: its type, score and a 【highlighted】 snippet of the text that matched. */
import { snippet } from '../../graph/lucene.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { typeOf } from '../resolvers/shared.ts';
import type { SearchHitRow } from './types.ts';

export function searchHit({ node, score }: { node: NodeRow; score: number }, query: string): SearchHitRow {
  const n = node as NodeRow & Record<string, unknown>;
  const text = [n['title'], n['name'], n['aliasText'], n['gloss'], n['text']]
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .find((v) => v.toLowerCase().includes(query.trim().split(/\s+/u)[0]!.toLowerCase()));
  return {
    id: node.id,
    type: typeOf(node),
    score,
    snippet: snippet(text ?? String(n['text'] ?? n['title'] ?? n['name'] ?? ''), query),
  };
}
