/**
 * Opens the service's database: connects (starting the embedded engine when NEO4J_URI is unset),
 * reads the Cypher catalog, and hands back the one door every other module uses.
 */
import { type Config, securityWarnings } from '../config.ts';
import { loadCatalog } from './catalog.ts';
import { type DatabaseConnection, connectDatabase } from './connect.ts';
import { Database } from './database.ts';

export interface OpenDatabase {
  readonly db: Database;
  /** The driver's connection: the server agent, and the embedded engine when there is one. */
  readonly connection: DatabaseConnection;
  /** Closes the driver, then stops the embedded engine if this process started one. */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  options: { onLog?: (line: string) => void; onStatus?: (text: string) => void } = {},
): Promise<OpenDatabase> {
  const catalog = loadCatalog();
  for (const warning of securityWarnings(config)) options.onLog?.(`WARNING: ${warning}`);
  const connection = await connectDatabase(config, options);
  const db = new Database(connection.driver, connection.database, catalog, {
    readTimeoutMs: config.neo4jReadTimeoutMs,
  });
  return { db, connection, close: () => connection.close() };
}
