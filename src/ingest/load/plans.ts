/**
 * The plan lifecycle beside loading: listing the plans the graph holds, and removing one.
 *
 * Removing runs in ONE write transaction: the plan's own nodes go (with every relationship that
 * touches them, SAME_AS / CONTINUES to other plans included), then the shared Departments and
 * Concepts that no other plan links to any more. A shared node another plan still uses stays, and
 * nothing of another plan changes.
 */
import type { Database } from '../../db/database.ts';

export interface PlanListing {
  readonly id: string;
  readonly title: string;
  readonly sourceFile: string | null;
  readonly sha256: string;
  readonly loadedAt: string | null;
  readonly reviewedLinks: number;
  readonly nodes: number;
  readonly tasks: number;
  readonly goals: number;
  readonly serves: number;
}

export function listPlans(db: Database): Promise<PlanListing[]> {
  return db.read<PlanListing & Record<string, unknown>>('plans-list');
}

/** The plan id is not in the graph: says which ids are. */
export class NoSuchPlanError extends Error {
  override readonly name = 'NoSuchPlanError';
  readonly code = 'NO_SUCH_PLAN';
  constructor(
    readonly planId: string,
    readonly known: readonly string[],
  ) {
    super(
      `expected the id of a loaded plan, found ${JSON.stringify(planId)}; ` +
        (known.length === 0 ? 'the graph holds no plan' : `the graph holds ${known.join(', ')}`),
    );
  }
}

export interface Removal {
  readonly planId: string;
  /** Nodes the plan owned. */
  readonly deleted: number;
  /** Shared Departments and Concepts no plan used any more. */
  readonly pruned: number;
}

export async function removePlan(db: Database, planId: string): Promise<Removal> {
  return db.write(async (tx) => {
    const known = (await tx.run('plans-all')).map((r) => (r['node'] as { id: string }).id);
    if (!known.includes(planId)) throw new NoSuchPlanError(planId, known);
    const [deleted] = await tx.run('load-delete-plan', { planId });
    const [pruned] = await tx.run('load-prune-shared');
    return { planId, deleted: Number(deleted?.['deleted'] ?? 0), pruned: Number(pruned?.['pruned'] ?? 0) };
  });
}
