/**
 * Model → graph: the only writer. A plan is replaced as a whole inside ONE write transaction —
 * delete what it owned, create it anew, relink shared Departments and Concepts, prune the shared
 * nodes nothing links to any more — so a failure (or a kill -9) at any step leaves the previous
 * version exactly as it was: Neo4j rolls back a transaction that never committed.
 *
 * A library load writes several plans in one transaction (loadPlanBatch), each exactly as here.
 *
 * Loading the same source again by the same loader version writes nothing (`skipped`); a forced
 * reload writes the same ids and properties, so counts and properties are identical.
 */
import type { Database, Row, WriteTx } from '../../db/database.ts';
import type { PlanModel } from '../model.ts';
import {
  ALIGN_CANDIDATES,
  alignIndexWords,
  alignItems,
  alignmentRows,
  alignQuery,
  knownCandidates,
} from './align.ts';
import { type LoadRows, toRows } from './rows.ts';
import type { AlignItem } from '../semantics/align.ts';
import { ensureSchema } from './schema.ts';
import { LOADER_VERSION } from './version.ts';

/** The steps of a load, in the order they run. */
export const LOAD_STEPS = [
  'delete-plan',
  'plan',
  'sections',
  'elements',
  'subitems',
  'departments',
  'leads',
  'participations',
  'concepts',
  'mentions',
  'problems',
  'serves',
  'addresses',
  'align-index',
  'documents',
  'cites',
  'resolve-documents',
  'prune-shared',
  // Last: the only step that waits for an answer (the candidates it aligns with), see loadPlan.
  'align',
] as const;
export type LoadStep = (typeof LOAD_STEPS)[number];

export interface LoadOptions {
  /** Reload even when the graph already holds this source by this loader version. */
  readonly force?: boolean;
  /** The constraints and indexes were made by this process already (a library load makes them once). */
  readonly schemaReady?: boolean;
  /** Called after each step, inside the transaction: progress output, or a test's injected failure. */
  readonly onStep?: (step: LoadStep, index: number, total: number, written: number) => void | Promise<void>;
}

export type LoadResult =
  | { readonly status: 'skipped'; readonly planId: string; readonly reason: string }
  | {
      readonly status: 'loaded';
      readonly planId: string;
      readonly written: Readonly<Record<LoadStep, number>>;
      /** From sending the candidates' read to the alignment rows made (ms): the index read and the alignment. */
      readonly alignMs: number;
    };

export interface LoadedState {
  readonly sha256: string;
  readonly loaderVersion: string;
  readonly sourceFile: string | null;
  /** When the graph first held this text (ISO time); kept by reloads of the same text. */
  readonly loadedAt: string | null;
}

/** What the graph holds of a plan: null when it holds nothing. */
export async function loadedState(db: Database, planId: string): Promise<LoadedState | null> {
  const rows = await db.read<LoadedState & Record<string, unknown>>('load-plan-state', { planId });
  return rows[0] ?? null;
}

/** A plan id the graph already gives to a plan read from another file. */
export class PlanIdClashError extends Error {
  override readonly name = 'PlanIdClashError';
  readonly code = 'PLAN_ID_CLASH';
  constructor(
    readonly planId: string,
    readonly heldBy: string,
    readonly file: string,
  ) {
    super(
      `plan id ${planId} is already held by ${heldBy}; ${file} says the same issuer, year and kind: ` +
        `give it another id (--id ${planId}-2), or remove the loaded one first (--remove ${planId})`,
    );
  }
}

/**
 * A plan that passed the checks and is to be written, with the time it was first loaded and what
 * its statements send: made before the transaction starts (a library load makes a batch's while
 * the batch before it commits), none of it needs the graph.
 */
interface ToWrite {
  readonly model: PlanModel;
  readonly loadedAt: string;
  readonly rows: LoadRows;
  /** Its tasks and goals as alignment items, made once for the index entry and the alignment. */
  readonly items: AlignItem[];
  readonly indexWords: string[];
  readonly query: string | null;
}

function toWrite(model: PlanModel, loadedAt: string): ToWrite {
  const items = alignItems(model);
  const indexWords = alignIndexWords(model, items);
  return { model, loadedAt, rows: toRows(model, loadedAt), items, indexWords, query: alignQuery(indexWords) };
}

/** What the graph holds decides: skip (same bytes, same loader), refuse (another file's id), or write. */
async function check(db: Database, model: PlanModel, force: boolean): Promise<LoadResult | ToWrite> {
  return decide(model, await loadedState(db, model.id), force);
}

function decide(model: PlanModel, state: LoadedState | null, force: boolean): LoadResult | ToWrite {
  if (state?.sourceFile && state.sourceFile !== model.source.file) {
    throw new PlanIdClashError(model.id, state.sourceFile, model.source.file);
  }
  if (!force && state?.sha256 === model.source.sha256 && state.loaderVersion === LOADER_VERSION) {
    return {
      status: 'skipped',
      planId: model.id,
      reason: `graph already holds ${model.id} from sha256 ${model.source.sha256.slice(0, 12)}… by loader ${LOADER_VERSION}`,
    };
  }
  const loadedAt =
    state?.sha256 === model.source.sha256 && state.loadedAt ? state.loadedAt : new Date().toISOString();
  return toWrite(model, loadedAt);
}

/** What the graph holds of each of several plans, by plan id (one read for a whole batch). */
async function loadedStates(db: Database, planIds: readonly string[]): Promise<Map<string, LoadedState>> {
  const rows = await db.read<LoadedState & { planId: string } & Record<string, unknown>>('load-plan-states', {
    planIds: [...planIds],
  });
  return new Map(rows.map(({ planId, ...state }) => [planId, state]));
}

export async function loadPlan(
  db: Database,
  model: PlanModel,
  options: LoadOptions = {},
): Promise<LoadResult> {
  if (!options.schemaReady) await ensureSchema(db);
  const checked = await check(db, model, options.force ?? false);
  if ('status' in checked) return checked;
  const { written, alignMs } = await db.write(async (tx: WriteTx) => {
    // A new graph version commits with the data: cached answers of the old one go stale at once.
    const bumped = tx.run('load-bump-version');
    bumped.catch(() => undefined);
    const plan = writePlan(tx, checked, options.onStep);
    try {
      const done = await plan.done;
      await bumped;
      return done;
    } catch (error) {
      await Promise.allSettled([bumped]);
      throw error;
    }
  });
  return { status: 'loaded', planId: model.id, written, alignMs };
}

/** What became of one plan of a batch: its result, or why it was not loaded. */
export type BatchOutcome =
  { readonly ok: true; readonly result: LoadResult } | { readonly ok: false; readonly error: unknown };

export interface BatchOptions {
  readonly force?: boolean;
  /** As LoadOptions.onStep, for the plan at `index` of the batch. */
  readonly onStep?: (index: number, step: LoadStep, written: number) => void;
}

/**
 * Several plans in ONE write transaction, each written exactly as loadPlan writes it, one after the
 * other: a plan's alignment reads the plans written before it in the same transaction. Every plan
 * is still all or nothing: if the transaction fails, each plan is written again in its own
 * transaction (loadPlan), so one bad plan never takes the others with it and leaves its previous
 * version as it was. Why: a commit costs the engine more than a plan's statements (the full-text
 * indexes are updated and refreshed at every commit, and each refresh leaves a small segment for
 * Lucene to merge), so a library load commits every few plans, not every plan.
 *
 * The schema must be made already (ensureSchema). Outcomes come back in the order of `models`.
 */
export async function loadPlanBatch(
  db: Database,
  models: readonly PlanModel[],
  options: BatchOptions = {},
): Promise<BatchOutcome[]> {
  return writeBatch(db, await checkBatch(db, models, options.force ?? false), options);
}

/**
 * A batch read and checked (checkBatch): the plans already decided (skipped, refused, or the
 * read failed) and those to write, with their statements' rows made.
 */
export interface CheckedBatch {
  readonly models: readonly PlanModel[];
  readonly outcomes: readonly (BatchOutcome | undefined)[];
  readonly toWrite: readonly { readonly index: number; readonly plan: ToWrite }[];
}

/**
 * The first half of loadPlanBatch: what the graph holds of these plans, in one read (a read per
 * plan would cost the engine a transaction each), and the rows of those to write. It reads only
 * these plans' own Plan nodes, so a library load runs it while the batch before commits: that
 * batch holds no plan of the same id (load-library.ts refuses a second file with an id).
 */
export async function checkBatch(
  db: Database,
  models: readonly PlanModel[],
  force: boolean,
): Promise<CheckedBatch> {
  const outcomes: (BatchOutcome | undefined)[] = models.map(() => undefined);
  const toWrite: { index: number; plan: ToWrite }[] = [];
  let states: Map<string, LoadedState>;
  try {
    states = await loadedStates(
      db,
      models.map((m) => m.id),
    );
  } catch (error) {
    return { models, outcomes: models.map(() => ({ ok: false, error })), toWrite };
  }
  for (const [index, model] of models.entries()) {
    // One plan's rows at a time: the batch writing meanwhile gets its answers between two.
    if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const checked = decide(model, states.get(model.id) ?? null, force);
      if ('status' in checked) outcomes[index] = { ok: true, result: checked };
      else toWrite.push({ index, plan: checked });
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  }
  return { models, outcomes, toWrite };
}

/** The second half of loadPlanBatch: writes the plans checkBatch let through; never throws. */
export async function writeBatch(
  db: Database,
  { models, outcomes: decided, toWrite }: CheckedBatch,
  options: BatchOptions = {},
): Promise<BatchOutcome[]> {
  const outcomes = [...decided];
  const single = async (index: number) => {
    try {
      const result = await loadPlan(db, models[index]!, {
        force: options.force ?? false,
        schemaReady: true,
        onStep: (step, _i, _n, written) => options.onStep?.(index, step, written),
      });
      outcomes[index] = { ok: true, result };
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  };
  if (toWrite.length === 1) await single(toWrite[0]!.index);
  else if (toWrite.length > 1) {
    try {
      const results = await db.write(async (tx: WriteTx) => {
        const bumped = tx.run('load-bump-version');
        bumped.catch(() => undefined);
        const plans: Promise<PlanWritten>[] = [];
        try {
          for (const { index, plan } of toWrite) {
            const written = writePlan(tx, plan, (step, _i, _n, count) =>
              options.onStep?.(index, step, count),
            );
            // Awaited together below; a plan that fails first must not go unhandled meanwhile.
            written.done.catch(() => undefined);
            plans.push(written.done);
            // The next plan's statements go once this one's last is sent: the engine runs them in
            // the order sent, so the next plan's alignment reads this one's index entry and tasks.
            await written.sent;
          }
          const done = await Promise.all(plans);
          await bumped;
          return done;
        } catch (error) {
          await Promise.allSettled([bumped, ...plans]);
          throw error;
        }
      });
      for (const [k, { index, plan }] of toWrite.entries()) {
        const { written, alignMs } = results[k]!;
        outcomes[index] = { ok: true, result: { status: 'loaded', planId: plan.model.id, written, alignMs } };
      }
    } catch {
      // Which plan failed, and why, is what writing each on its own says.
      for (const { index } of toWrite) await single(index);
    }
  }
  return outcomes.map((o) => o!);
}

interface PlanWritten {
  readonly written: Record<LoadStep, number>;
  readonly alignMs: number;
}

/**
 * Sends one plan's statements in `tx` and checks their answers. `sent` settles once its last
 * statement is sent (or it failed before); `done` gives the rows each step wrote.
 */
function writePlan(
  tx: WriteTx,
  plan: ToWrite,
  onStep: LoadOptions['onStep'],
): { sent: Promise<void>; done: Promise<PlanWritten> } {
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const done = sendPlan(tx, plan, onStep, markSent).finally(markSent);
  return { sent, done };
}

async function sendPlan(
  tx: WriteTx,
  { model, rows, items, indexWords, query }: ToWrite,
  onStep: LoadOptions['onStep'],
  markSent: () => void,
): Promise<PlanWritten> {
  const params: Record<LoadStep, Record<string, unknown>> = {
    'delete-plan': { planId: rows.planId },
    plan: { props: rows.plan },
    sections: { rows: rows.sections },
    elements: { rows: rows.elements },
    subitems: { rows: rows.subItems },
    departments: { rows: rows.departments },
    leads: { rows: rows.leads },
    participations: { rows: rows.participations },
    concepts: { rows: rows.concepts },
    mentions: { rows: rows.mentions },
    problems: { rows: rows.problems },
    serves: { rows: rows.serves },
    addresses: { rows: rows.addresses },
    align: { rows: [] },
    'align-index': { planId: rows.planId, words: indexWords.join(' ') },
    documents: { rows: rows.documents },
    cites: { rows: rows.cites },
    'resolve-documents': {
      planId: rows.planId,
      titles: rows.plan['citeTitles'],
      number: rows.plan['documentNumber'],
    },
    'prune-shared': {},
  };
  let alignMs = 0;
  // Every statement is sent at once and the driver pipelines them: the server runs them in the
  // order sent while this thread waits for nothing but two answers. `prune-shared` needs the
  // delete's (the shared nodes the old version linked to) and `align` the candidates read
  // through the index, so they go last — nothing sent before them reads what they change. The
  // candidates are read first, before this plan's own writes: they are other plans' elements,
  // which those writes never touch, so what it aligns with is what it commits beside.
  const candidates =
    query === null
      ? Promise.resolve([])
      : tx.run('load-align-candidates', {
          planId: model.id,
          query,
          limit: ALIGN_CANDIDATES,
          known: knownCandidates(),
        });
  const sent = new Map<LoadStep, Promise<Row[]>>();
  // A step with no rows writes nothing: it is not sent (most plans have no sub-items, problems or
  // participants), which spares the engine and the driver a statement each (~0.3 ms of CPU).
  const run = (name: string, stepParams: Record<string, unknown>): Promise<Row[]> => {
    const rows = stepParams['rows'];
    return Array.isArray(rows) && rows.length === 0 ? Promise.resolve([]) : tx.run(name, stepParams);
  };
  for (const step of LOAD_STEPS) {
    if (step !== 'align' && step !== 'prune-shared') sent.set(step, run(`load-${step}`, params[step]));
  }
  const all = [candidates, ...sent.values()];
  // Awaited one by one below; a failure (or a step's injected one) must not leave the others unhandled.
  for (const pending of all) pending.catch(() => undefined);
  const alignStarted = performance.now();
  try {
    // The shared nodes that may have lost their last link: those the old version linked to (the
    // delete answers with them) and those this version merged. Only they are looked at.
    const [deleted] = await sent.get('delete-plan')!;
    const touched = new Set<string>([
      ...((deleted?.['shared'] as string[] | undefined) ?? []),
      ...rows.departments.map((d) => d['id'] as string),
      ...rows.concepts.map((c) => c['id'] as string),
      ...rows.documents.map((d) => d['id'] as string),
    ]);
    params['prune-shared'] = { ids: [...touched] };
    const pruned = tx.run('load-prune-touched', params['prune-shared']);
    pruned.catch(() => undefined);
    sent.set('prune-shared', pruned);
    params.align = { rows: alignmentRows(model, await candidates, items) };
    alignMs = performance.now() - alignStarted;
    const aligned = run('load-align', params.align);
    aligned.catch(() => undefined);
    sent.set('align', aligned);
    markSent();
  } catch (error) {
    await Promise.allSettled([...all, ...sent.values()]);
    throw error;
  }
  const counts = {} as Record<LoadStep, number>;
  try {
    for (const [index, step] of LOAD_STEPS.entries()) {
      const result = await sent.get(step)!;
      const first = result[0] ?? {};
      counts[step] = Number(Object.values(first)[0] ?? 0);
      const expected = params[step]['rows'];
      if (Array.isArray(expected) && counts[step] !== expected.length) {
        // A row whose parent or endpoint is missing would be dropped by MATCH: refuse to commit.
        throw new Error(
          `load step ${step} of ${model.id}: expected ${expected.length} rows written, wrote ${counts[step]}`,
        );
      }
      await onStep?.(step, index + 1, LOAD_STEPS.length, counts[step]);
    }
  } catch (error) {
    // Let every statement sent settle before the transaction rolls back.
    await Promise.allSettled([...all, ...sent.values()]);
    throw error;
  }
  return { written: counts, alignMs };
}
