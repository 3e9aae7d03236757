/**
 * What a node or an edge looks like in an export, the same for GraphML, Cytoscape JSON and the
 * `cytoscape` field of graph shapes, so that Gephi, yEd, networkx and Cytoscape.js take them as they
 * are:
 *
 * - `type` is the node's type (Task, Goal, Department, …) and nothing else; an edge's type is its
 *   `relation` (Gephi reserves an edge's "type" for directed/undirected). An element's stored
 *   `kind` repeats its type and is left out; a concept's `kind` becomes `conceptKind`.
 * - `label` says where a node is: `任务6 强化基层基础…`, `6.3 推进…` for a sub-item; an edge's
 *   label is its relation.
 * - SERVES and ADDRESSES carry `weight` (= score, what Gephi's layouts and metrics read) and
 *   `basis` spelt as the API's enum (CURATED, PHRASE, CONCEPT, MENTION).
 * - Evidence stays structured in JSON (`evidence`: a list) and becomes one readable text in
 *   GraphML (`evidence`: "phrase: task quote (line 64) → goal quote (line 40)", one per line),
 *   which Gephi's data table shows; the JSON text is kept beside it as `evidenceJson`.
 * - In GraphML, which has no list type, a list of strings is one string with the items separated
 *   by " | ", and its <key> says so in its <desc>.
 */
import type { ShapeEdge, ShapeNode } from '../../graph/shape.ts';

export type AttrType = 'string' | 'int' | 'double' | 'boolean';

/** The separator of list items in a GraphML string attribute. */
export const LIST_SEPARATOR = ' | ';

/** Stored properties an export leaves out: the technical label list, a type repeated. */
const DROPPED = new Set(['labels', 'kind']);

/** Stored property name → export name, where the stored one would mislead. */
function renamed(owner: 'node' | 'edge', name: string, nodeType?: string): string | null {
  if (owner === 'node' && name === 'kind') return nodeType === 'Concept' ? 'conceptKind' : null;
  if (DROPPED.has(name)) return null;
  if (name === 'evidenceJson') return 'evidence';
  return name;
}

interface EvidenceItem {
  phrase: string;
  fromSpan: { quote: string; line: number };
  toSpan: { quote: string; line: number };
}

function parseJsonList(text: unknown): unknown[] {
  if (typeof text !== 'string') return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** One line per piece of evidence: `phrase: quote (line n) → quote (line m)`. */
export function evidenceText(json: unknown): string {
  return (parseJsonList(json) as EvidenceItem[])
    .map(
      (e) =>
        `${e.phrase}: ${e.fromSpan.quote} (line ${e.fromSpan.line}) → ${e.toSpan.quote} (line ${e.toSpan.line})`,
    )
    .join('\n');
}

/** Attributes of a node for Cytoscape JSON: lists stay lists, evidence a list of objects. */
export function nodeData(node: ShapeNode): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.properties)) {
    const out = renamed('node', name, node.type);
    if (out !== null && value !== null && value !== undefined) data[out] = value;
  }
  return { ...data, id: node.id, type: node.type, label: node.label };
}

/** Attributes of an edge for Cytoscape JSON. */
export function edgeData(edge: ShapeEdge): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(edge.properties)) {
    const out = renamed('edge', name);
    if (out === null || value === null || value === undefined) continue;
    if (name === 'evidenceJson') {
      data['evidence'] = parseJsonList(value);
      data['evidenceJson'] = value;
    } else if (name === 'basis' && typeof value === 'string') data['basis'] = value.toUpperCase();
    else data[out] = value;
  }
  if (typeof data['score'] === 'number') data['weight'] = data['score'];
  return {
    ...data,
    id: edge.id,
    source: edge.source,
    target: edge.target,
    relation: edge.type,
    label: edge.type,
  };
}

/** Cytoscape.js elements (`cytoscape({ elements })`, or `elements` of `cy.json()`). */
export function cytoscapeElements(nodes: readonly ShapeNode[], edges: readonly ShapeEdge[]) {
  return {
    nodes: nodes.map((n) => ({ data: nodeData(n) })),
    edges: edges.map((e) => ({ data: edgeData(e) })),
  };
}

/** A GraphML <key>: its attribute name and type, and a <desc> where the value needs reading. */
export interface GraphMLKey {
  readonly owner: 'node' | 'edge';
  readonly name: string;
  readonly type: AttrType;
  readonly desc?: string;
}

/** Cypher valueType() text → GraphML attr.type; lists are strings (see LIST_SEPARATOR). */
function attrTypeOf(cypherTypes: readonly string[]): { type: AttrType; list: boolean } {
  const bare = new Set(cypherTypes.map((t) => t.replace(/ NOT NULL$/, '')));
  bare.delete('NULL');
  if ([...bare].every((t) => t === 'INTEGER')) return { type: 'int', list: false };
  if ([...bare].every((t) => t === 'INTEGER' || t === 'FLOAT')) return { type: 'double', list: false };
  if ([...bare].every((t) => t === 'BOOLEAN')) return { type: 'boolean', list: false };
  return { type: 'string', list: [...bare].some((t) => t.startsWith('LIST')) };
}

/**
 * The keys a GraphML export declares, from the stored property names and the Cypher value types
 * seen under each (export-keys.cypher), in a stable order: the fixed ones first.
 */
export function graphmlKeys(
  stored: readonly { owner: string; name: string; types: string[] }[],
): GraphMLKey[] {
  const keys: GraphMLKey[] = [
    { owner: 'node', name: 'type', type: 'string', desc: 'Node type: Plan, Section, Goal, Task, SubItem, …' },
    { owner: 'node', name: 'label', type: 'string', desc: 'Where the node is and what it says.' },
    {
      owner: 'edge',
      name: 'relation',
      type: 'string',
      desc: 'Relationship type: LEADS, SERVES, MENTIONS, …',
    },
    { owner: 'edge', name: 'label', type: 'string' },
  ];
  const seen = new Set(keys.map((k) => `${k.owner}:${k.name}`));
  const add = (key: GraphMLKey) => {
    if (seen.has(`${key.owner}:${key.name}`)) return;
    seen.add(`${key.owner}:${key.name}`);
    keys.push(key);
  };
  for (const { owner, name, types } of stored) {
    // The id is the element's own id attribute in GraphML.
    if ((owner !== 'node' && owner !== 'edge') || name === 'id') continue;
    if (owner === 'node' && name === 'kind') {
      add({ owner, name: 'conceptKind', type: 'string', desc: "A concept's kind (slogan, layout, …)." });
      continue;
    }
    const out = renamed(owner, name);
    if (out === null) continue;
    if (name === 'evidenceJson') {
      add({
        owner,
        name: 'evidence',
        type: 'string',
        desc: 'phrase: quote (line) → quote (line), one per line.',
      });
      add({ owner, name: 'evidenceJson', type: 'string', desc: 'The same evidence as a JSON list.' });
      continue;
    }
    if (name === 'score') {
      add({ owner, name: 'score', type: 'double' });
      add({ owner, name: 'weight', type: 'double', desc: 'The score, for tools that weigh edges.' });
      continue;
    }
    const { type, list } = attrTypeOf(types);
    add(
      list
        ? { owner, name: out, type, desc: `A list; items separated by "${LIST_SEPARATOR}".` }
        : { owner, name: out, type },
    );
  }
  return keys;
}

/** A value as GraphML text for a key of `type`. */
export function graphmlValue(value: unknown, type: AttrType): string {
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR);
  if (type === 'string' && typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** A node's attributes for GraphML: name → value, every list and evidence flattened to text. */
export function graphmlNodeAttributes(node: ShapeNode): [string, unknown][] {
  return Object.entries(nodeData(node)).filter(([name]) => name !== 'id');
}

export function graphmlEdgeAttributes(edge: ShapeEdge): [string, unknown][] {
  const data = edgeData(edge);
  return Object.entries(data)
    .filter(([name]) => name !== 'id' && name !== 'source' && name !== 'target')
    .map(([name, value]) =>
      name === 'evidence' ? [name, evidenceText(data['evidenceJson'])] : ([name, value] as [string, unknown]),
    );
}
