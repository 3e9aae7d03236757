/**
 * Before a command that only reads or removes (`npm run plans`, `--remove`, `--warnings`): is there
 * a graph to ask? With NEO4J_URI unset, the embedded engine would otherwise start on
 * NEO4J_DATA_DIR even where no store exists, creating an empty one (a stray `.data/` in the
 * working directory when the path is relative) and then report that the graph holds no plan.
 * This stops first, in one line, saying what to set.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { runningEngine } from '../db/open.ts';

/** Null when the command can go on; else the one line to print. */
export function missingStore(config: Pick<Config, 'neo4jUri' | 'neo4jDataDir'>): string | null {
  if (config.neo4jUri !== null) return null;
  const dir = config.neo4jDataDir;
  if (runningEngine(dir) !== null) return null;
  if (existsSync(dir) && readdirSync(dir).length > 0) return null;
  return (
    `no engine runs on ${dir} and no store is there (nothing was started): run this where \`npm start\` runs, ` +
    'or set NEO4J_DATA_DIR to its store, or NEO4J_URI to a running Neo4j'
  );
}
