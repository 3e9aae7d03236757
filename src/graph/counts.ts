/** Counts of a plan's nodes per label and relationships per type (load summary, dashboards). */
import type { Database } from '../db/database.ts';

export interface LabelCount {
  readonly label: string;
  readonly count: number;
}

export async function planCounts(
  db: Database,
  planId: string,
): Promise<{ nodes: LabelCount[]; relationships: LabelCount[] }> {
  const [nodes, relationships] = await Promise.all([
    db.read<{ label: string; count: number }>('count-plan-labels', { planId }),
    db.read<{ type: string; count: number }>('count-plan-relationships', { planId }),
  ]);
  return {
    nodes: nodes.map((r) => ({ label: r.label, count: r.count })),
    relationships: relationships.map((r) => ({ label: r.type, count: r.count })),
  };
}

/** The same for a set of plans together: a node or relationship they share counts once. */
export async function plansCounts(
  db: Database,
  planIds: readonly string[],
): Promise<{ nodes: LabelCount[]; relationships: LabelCount[] }> {
  const [nodes, relationships] = await Promise.all([
    db.read<{ label: string; count: number }>('count-plans-labels', { planIds }),
    db.read<{ type: string; count: number }>('count-plans-relationships', { planIds }),
  ]);
  return {
    nodes: nodes.map((r) => ({ label: r.label, count: r.count })),
    relationships: relationships.map((r) => ({ label: r.type, count: r.count })),
  };
}
