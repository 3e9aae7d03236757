/**
 * compare(a, b) as one task for a worker thread (align-pool.ts): read both plans' sides, align
 * their tasks, and assemble the answer the resolver returns. A 2,000-task plan's rows took the main
 * thread hundreds of milliseconds to decode and convert before any alignment began, and every small
 * question waited behind them (bench/RESULTS.md, availability); here the thread that aligns also
 * reads, at its low priority, over its own driver logged in as the service's reader
 * (src/db/logins.ts), and the main thread only receives the answer.
 *
 * Where no login is known for the reads' driver, the caller reads the sides and passes them in;
 * the answer is assembled by the same code either way. Failures come back as values (a worker's
 * thrown error loses its class and code on the way): the pool turns them into the errors the
 * resolver would have thrown.
 */
import { loadCatalog } from '../../db/catalog.ts';
import { createDriver } from '../../db/connect.ts';
import { Database } from '../../db/database.ts';
import { withDeadline } from '../../db/deadline.ts';
import { DatabaseError } from '../../db/errors.ts';
import type { WorkerLogin } from '../../db/logins.ts';
import type { ConceptRow, DepartmentRow, ElementRow, PlanRow } from '../../graph/rows.ts';
import { alignBody } from '../../ingest/semantics/align.ts';
import { alignWithDiffs } from './align-task.ts';

/** One side of a comparison as cypher/compare-side.cypher returns it. */
export interface Side {
  plan: PlanRow;
  tasks: { node: ElementRow; subs: string[] }[];
  concepts: ConceptRow[];
  leads: { department: DepartmentRow; taskIds: string[] }[];
  /** The graph's version this side was read at. */
  version: string | null;
}

export interface CompareTask {
  readonly a: string;
  readonly b: string;
  readonly threshold: number;
  /** The request's deadline (epoch ms): the worker's reads get no longer than what is left. */
  readonly deadline: number | undefined;
  /** Read the sides as this user; or else `sides`, read by the caller. */
  readonly login?: WorkerLogin;
  readonly sides?: readonly [Side, Side];
}

export interface Comparison {
  readonly a: PlanRow;
  readonly b: PlanRow;
  readonly threshold: number;
  readonly aligned: unknown[];
  readonly onlyInA: ElementRow[];
  readonly onlyInB: ElementRow[];
  readonly changed: unknown[];
  readonly conceptsAppearing: ConceptRow[];
  readonly conceptsDisappearing: ConceptRow[];
  readonly leadChanges: unknown[];
  readonly caveats: string[];
  readonly unreadInA: ElementRow[];
  readonly unreadInB: ElementRow[];
}

export type CompareResult =
  | { readonly answer: Comparison; readonly versions: readonly [string | null, string | null] }
  | { readonly notFound: string }
  | {
      readonly databaseError: {
        readonly code: DatabaseError['code'];
        readonly message: string;
        readonly cause: { readonly code?: unknown; readonly message?: unknown } | undefined;
      };
    };

/** This thread's door to the database, opened on the first compare and kept for the next ones. */
let reader: { key: string; db: Database } | null = null;

function readerFor(login: WorkerLogin): Database {
  const key = JSON.stringify([login.uri, login.user, login.database, login.readTimeoutMs]);
  if (reader?.key !== key) {
    void reader?.db.close().catch(() => undefined);
    const driver = createDriver(login.uri, login.user, login.password);
    reader = {
      key,
      db: new Database(driver, login.database, loadCatalog(), { readTimeoutMs: login.readTimeoutMs }),
    };
  }
  return reader.db;
}

/** Both sides, a's failure named first when both fail. */
async function readSides(db: Database, a: string, b: string): Promise<readonly [Side, Side] | string> {
  const read = async (planId: string) => {
    const [row] = await db.read<Side & Record<string, unknown>>('compare-side', { planId });
    return row ?? planId;
  };
  const [sa, sb] = await Promise.allSettled([read(a), read(b)]);
  for (const s of [sa, sb]) if (s.status === 'rejected') throw s.reason;
  const [ra, rb] = [
    (sa as PromiseFulfilledResult<Side | string>).value,
    (sb as PromiseFulfilledResult<Side | string>).value,
  ];
  if (typeof ra === 'string') return ra;
  if (typeof rb === 'string') return rb;
  return [ra, rb];
}

/** The answer of compare from both sides: the alignment with its diffs, and what differs. */
export function assemble(sa: Side, sb: Side, threshold: number): Comparison {
  const items = (s: Side) =>
    s.tasks.map((t) => ({
      id: t.node.id,
      kind: 'Task',
      order: t.node.order,
      title: t.node.title,
      text: t.node.text,
      body: alignBody(t.node.title, t.node.text, t.subs),
    }));
  const aligned = alignWithDiffs({ a: items(sa), b: items(sb), threshold });
  const taskA = new Map(sa.tasks.map((t) => [t.node.id, t.node]));
  const taskB = new Map(sb.tasks.map((t) => [t.node.id, t.node]));
  const pairs = aligned.map((x) => ({
    a: taskA.get(x.a)!,
    b: taskB.get(x.b)!,
    score: x.score,
    sharedPhrases: [...x.shared],
    same: x.same,
    titleDiff: x.titleDiff,
    textDiff: x.textDiff,
  }));
  const inA = new Set(aligned.map((x) => x.a));
  const inB = new Set(aligned.map((x) => x.b));
  const bOf = new Map(aligned.map((x) => [x.a, x.b]));
  const aOf = new Map(aligned.map((x) => [x.b, x.a]));

  const conceptsA = new Set(sa.concepts.map((c) => c.id));
  const conceptsB = new Set(sb.concepts.map((c) => c.id));

  const departments = new Map<string, DepartmentRow>();
  const ledA = new Map<string, string[]>();
  const ledB = new Map<string, string[]>();
  for (const [leads, led] of [
    [sa.leads, ledA],
    [sb.leads, ledB],
  ] as const) {
    for (const l of leads) {
      departments.set(l.department.id, l.department);
      led.set(l.department.id, l.taskIds);
    }
  }
  const leadChanges = [...departments.values()]
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((d) => {
      const la = ledA.get(d.id) ?? [];
      const lb = ledB.get(d.id) ?? [];
      const gained = lb.filter((t) => !la.includes(aOf.get(t) ?? ''));
      const lost = la.filter((t) => !lb.includes(bOf.get(t) ?? ''));
      return {
        department: d,
        ledInA: la.map((t) => taskA.get(t)!),
        ledInB: lb.map((t) => taskB.get(t)!),
        gained: gained.map((t) => taskB.get(t)!),
        lost: lost.map((t) => taskA.get(t)!),
      };
    })
    .filter((c) => c.gained.length + c.lost.length > 0);

  return {
    a: sa.plan,
    b: sb.plan,
    threshold,
    aligned: pairs,
    onlyInA: sa.tasks.filter((t) => !inA.has(t.node.id)).map((t) => t.node),
    onlyInB: sb.tasks.filter((t) => !inB.has(t.node.id)).map((t) => t.node),
    changed: pairs.filter((p) => !p.same),
    conceptsAppearing: sb.concepts.filter((c) => !conceptsA.has(c.id)),
    conceptsDisappearing: sa.concepts.filter((c) => !conceptsB.has(c.id)),
    leadChanges,
    // Answered by compare-cut.ts from the fields above and the plans' read extent.
    caveats: [],
    unreadInA: [],
    unreadInB: [],
  };
}

/** The worker's task: read (unless given) and compare. */
export async function compareTask(task: CompareTask): Promise<CompareResult> {
  try {
    let sides = task.sides;
    if (sides === undefined) {
      const db = readerFor(task.login!);
      const read = () => readSides(db, task.a, task.b);
      const found = await (task.deadline === undefined ? read() : withDeadline(task.deadline, read));
      if (typeof found === 'string') return { notFound: found };
      sides = found;
    }
    const [sa, sb] = sides;
    return { answer: assemble(sa, sb, task.threshold), versions: [sa.version, sb.version] };
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    return {
      databaseError: {
        code: error.code,
        message: error.message,
        cause: cause === undefined ? undefined : { code: cause.code, message: cause.message },
      },
    };
  }
}

export default compareTask;
