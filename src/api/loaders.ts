/**
 * Per-request DataLoaders: every relationship field resolves through one of these, so a query
 * costs one round trip per batch (per level of the query), however many parents it touches.
 *
 * Batch contract (DataLoader): one value per key, in key order. Neo4j does not promise UNWIND
 * row order, so rows come back tagged with their key and are regrouped here. A failed batch
 * rejects each of its keys (errors as values), never the whole request.
 */
import DataLoader from 'dataloader';
import type { Database, Row } from '../db/database.ts';
import type {
  CitationRow,
  ConceptRow,
  DepartmentRow,
  DerivedRow,
  ElementKind,
  ElementRow,
  LeadRow,
  ParticipationRow,
  MentionRow,
  NodeRow,
  PlanRow,
  ProblemRow,
  SectionRow,
} from '../graph/rows.ts';
import type { CitingPlanRow, ConceptInPlanRow, DepartmentInPlanRow, TaskLinkRow } from '../graph/across.ts';
import { keepFarEnd } from './ahead.ts';

/** Map keys go to Cypher with a string `key` that the rows come back tagged with. */
type MapKey = Record<string, string | number | null>;

const keyString = (key: MapKey): string => JSON.stringify(key);

/** A loader of lists: query `name` gets `$ids` (or `$keys`) and returns rows `{ key, <column> }`. */
function listLoader<K extends string | MapKey, V>(
  db: Database,
  name: string,
  column: string,
  onRow?: (row: Row) => void,
): DataLoader<K, V[], string> {
  return new DataLoader<K, V[], string>(
    async (keys) => {
      const cacheKeys = keys.map((k) => (typeof k === 'string' ? k : keyString(k)));
      const params =
        typeof keys[0] === 'string'
          ? { ids: keys }
          : { keys: keys.map((k, i) => ({ ...(k as MapKey), key: cacheKeys[i] })) };
      const rows = await db.read<Row>(name, params);
      const grouped = new Map<string, V[]>(cacheKeys.map((k) => [k, []]));
      for (const row of rows) {
        onRow?.(row);
        grouped.get(String(row['key']))?.push(row[column] as V);
      }
      return cacheKeys.map((k) => grouped.get(k) ?? []);
    },
    { cacheKeyFn: (k) => (typeof k === 'string' ? k : keyString(k)) },
  );
}

export interface Page<V> {
  readonly total: number;
  readonly rows: readonly V[];
}

/**
 * The node loader's cache: what it loaded, and behind it the rows fetched ahead (`known`), each
 * made a loaded value only when asked for. Priming a DataLoader makes a resolved promise per row
 * at once; a list fetched ahead primes every row it holds, and most are never asked for again.
 */
class NodeCache {
  private readonly loaded = new Map<string, Promise<NodeRow | null>>();

  constructor(private readonly known: ReadonlyMap<string, NodeRow>) {}

  get(id: string): Promise<NodeRow | null> | undefined {
    let value = this.loaded.get(id);
    if (value === undefined) {
      const row = this.known.get(id);
      if (row === undefined) return undefined;
      value = Promise.resolve(row);
      this.loaded.set(id, value);
    }
    return value;
  }

  set(id: string, value: Promise<NodeRow | null>): void {
    this.loaded.set(id, value);
  }

  delete(id: string): void {
    this.loaded.delete(id);
  }

  clear(): void {
    this.loaded.clear();
  }
}

/** Nodes by id from a catalog statement returning `key, node`; null for an id not in the graph. */
function nodesBy(db: Database, statement: string, known?: ReadonlyMap<string, NodeRow>) {
  return new DataLoader<string, NodeRow | null>(
    async (ids) => {
      const rows = await db.read<{ key: string; node: NodeRow }>(statement, { ids });
      const byId = new Map(rows.map((r) => [r.key, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    known === undefined ? {} : { cacheMap: new NodeCache(known) },
  );
}

/** One page per key of a statement returning `key, total, rows` (the questions across plans). */
function pages<V>(db: Database, name: string) {
  return new DataLoader<MapKey, Page<V>, string>(
    async (keys) => {
      const cacheKeys = keys.map(keyString);
      const rows = await db.read<{ key: string; total: number; rows: V[] }>(name, {
        keys: keys.map((k, i) => ({ ...k, key: cacheKeys[i] })),
      });
      const byKey = new Map(rows.map((r) => [r.key, { total: r.total, rows: r.rows }]));
      return cacheKeys.map((k) => byKey.get(k) ?? { total: 0, rows: [] });
    },
    { cacheKeyFn: keyString },
  );
}

/** What a loader's factory gets: the database door, the request's node loader (to prime it) and the rows primed. */
interface Scope {
  readonly db: Database;
  readonly known: ReadonlyMap<string, NodeRow>;
  primeNode(value: unknown): void;
}

// Lists of nodes also prime the node loader: a later `node(id)` for one of them costs nothing.
const nodes =
  <K extends string | MapKey, V extends NodeRow>(name: string) =>
  (s: Scope) =>
    listLoader<K, V>(s.db, name, 'node', (row) => s.primeNode(row['node']));
// Relationship rows bring the node at their far end along, so following the edge costs nothing:
// the edge row keeps it (ahead.ts) and the node loader has it.
const edges =
  <K extends string | MapKey, V>(name: string) =>
  (s: Scope) =>
    listLoader<K, V>(s.db, name, 'row', (row) => {
      keepFarEnd(row['row'] as object, row['endpoint'] as NodeRow);
      s.primeNode(row['endpoint']);
    });

/**
 * Every loader a request may use, by name. A request makes only those its resolvers touch (a
 * question of the benchmark touches one to three of these 35): each DataLoader is a few objects
 * and closures, and making all of them for every request was work most requests threw away.
 */
const FACTORIES = {
  node: (s: Scope) => nodesBy(s.db, 'node-by-ids', s.known),
  // Whole nodes, never primed: for the fields a short row (see `full`) leaves out.
  fullNode: (s: Scope) => nodesBy(s.db, 'node-by-ids'),
  subItemCount: (s: Scope) =>
    new DataLoader<string, number>(async (ids) => {
      const rows = await s.db.read<{ key: string; count: number }>('subitem-counts-by-tasks', { ids });
      const byId = new Map(rows.map((r) => [r.key, r.count]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
  derivedDetails: (s: Scope) =>
    new DataLoader<
      { fromId: string; toId: string },
      { rationale: string | null; evidenceJson: string },
      string
    >(
      async (ends) => {
        const cacheKeys = ends.map(keyString);
        const rows = await s.db.read<{
          key: string;
          row: { rationale: string | null; evidenceJson: string };
        }>('derived-details-by-ends', { keys: ends.map((e, i) => ({ ...e, key: cacheKeys[i] })) });
        const byKey = new Map(rows.map((r) => [r.key, r.row]));
        return cacheKeys.map((k) => byKey.get(k) ?? new Error(`graph inconsistency: no derived edge ${k}`));
      },
      { cacheKeyFn: keyString },
    ),
  elementsByPlan: nodes<{ planId: string; label: ElementKind }, ElementRow>('owned-by-plans'),
  problemsByPlan: nodes<{ planId: string; label: 'Problem' }, ProblemRow>('owned-by-plans'),
  sectionsByParent: nodes<string, SectionRow>('sections-by-parents'),
  elementsBySection: nodes<string, ElementRow>('elements-by-sections'),
  subItemsByTask: nodes<string, ElementRow>('subitems-by-tasks'),
  problemsByStater: nodes<string, ProblemRow>('problems-by-staters'),
  departmentsByPlan: nodes<string, DepartmentRow>('departments-by-plans'),
  conceptsByPlan: nodes<string, ConceptRow>('concepts-by-plans'),
  conceptsByElement: nodes<string, ConceptRow>('concepts-by-elements'),
  leadsByTask: edges<string, LeadRow>('leads-by-tasks'),
  // Whole lead edges, never primed: for the fields a slim lead row (resolvers/shared.ts) leaves out.
  fullLeadsByTask: (s: Scope) => listLoader<string, LeadRow>(s.db, 'leads-by-tasks', 'row'),
  leadsByDepartment: edges<{ id: string; planId: string | null }, LeadRow>('leads-by-departments'),
  participationsByTask: edges<string, ParticipationRow>('participations-by-tasks'),
  participationsByDepartment: edges<{ id: string; planId: string | null }, ParticipationRow>(
    'participations-by-departments',
  ),
  mentionsByElement: edges<string, MentionRow>('mentions-by-elements'),
  mentionsByConcept: (s: Scope) => pages<MentionRow>(s.db, 'mentions-by-concepts'),
  servesByTask: edges<string, DerivedRow>('serves-by-tasks'),
  servesByGoal: edges<string, DerivedRow>('serves-by-goals'),
  addressesByElement: edges<string, DerivedRow>('addresses-by-elements'),
  addressesByProblem: edges<string, DerivedRow>('addresses-by-problems'),
  citationsByPlan: edges<string, CitationRow>('citations-by-plans'),
  citationsOfPlan: edges<string, CitationRow>('citations-of-plans'),
  citationsByDocument: edges<{ id: string; planId: string | null }, CitationRow>('citations-by-documents'),
  planByDocument: nodes<string, PlanRow & NodeRow>('plans-by-documents'),
  plansByConcept: (s: Scope) => pages<ConceptInPlanRow>(s.db, 'concept-plans-by-year'),
  plansByDepartment: (s: Scope) => pages<DepartmentInPlanRow>(s.db, 'department-plans-by-year'),
  plansCitingDocument: (s: Scope) => pages<CitingPlanRow>(s.db, 'document-citing-plans'),
  lineageOfTask: (s: Scope) => pages<TaskLinkRow>(s.db, 'task-lineage'),
};

type Made = { readonly [K in keyof typeof FACTORIES]: ReturnType<(typeof FACTORIES)[K]> };

export type Loaders = Made & {
  /** Puts a node row fetched ahead into the node loader (a later `node(id)` costs nothing). */
  primeNode(value: unknown): void;
  /** Edge rows fetched ahead with their far ends: the nodes go to the node loader and onto their rows, the rows are returned. */
  edgeRows<V extends object>(items: readonly { row: V; endpoint: NodeRow }[]): V[];
};

/** The request's loaders: each made on its first use, then kept for the rest of the request. */
class RequestLoaders implements Scope {
  private readonly made: Partial<Record<keyof typeof FACTORIES, unknown>> = {};
  /** Node rows primed (fetched ahead): the node loader answers them when asked (NodeCache). */
  readonly known = new Map<string, NodeRow>();

  constructor(readonly db: Database) {}

  get<K extends keyof typeof FACTORIES>(name: K): Made[K] {
    return (this.made[name] ??= FACTORIES[name](this)) as Made[K];
  }

  /** As DataLoader's prime: the first row of an id stays (a loaded value comes before any). */
  primeNode(value: unknown): void {
    const row = value as NodeRow | null | undefined;
    if (row?.id && !this.known.has(row.id)) this.known.set(row.id, row);
  }

  edgeRows<V extends object>(items: readonly { row: V; endpoint: NodeRow }[]): V[] {
    return items.map((item) => {
      keepFarEnd(item.row, item.endpoint);
      this.primeNode(item.endpoint);
      return item.row;
    });
  }
}

// One getter per loader on the prototype, defined once: `ctx.loaders.leadsByTask` reads as a
// property, as when every loader was made up front.
for (const name of Object.keys(FACTORIES) as (keyof typeof FACTORIES)[]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      return this.get(name);
    },
  });
}

export function createLoaders(db: Database): Loaders {
  return new RequestLoaders(db) as unknown as Loaders;
}
