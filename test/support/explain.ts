/**
 * The operators of a catalog statement's plan, by EXPLAIN (nothing runs): what the tests that hold a
 * statement to index seeks read. Each parameter the statement declares takes its value from `values`.
 */
import type { Database } from '../../src/db/database.ts';
import { statement } from '../../src/db/catalog.ts';

export interface PlanOperator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

const operators = (plan: PlanOperator): PlanOperator[] => [plan, ...plan.children.flatMap(operators)];

export async function explainStatement(
  db: Database,
  name: string,
  values: Record<string, unknown>,
): Promise<PlanOperator[]> {
  const { text, params } = statement(db.catalog, name);
  const session = db.driver.session({ database: db.databaseName });
  try {
    const { summary } = await session.run(
      `EXPLAIN ${text}`,
      Object.fromEntries(params.map((p) => [p, values[p]])),
    );
    return operators(summary.plan as unknown as PlanOperator);
  } finally {
    await session.close();
  }
}
