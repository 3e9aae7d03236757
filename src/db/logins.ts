/**
 * Where each driver logs in, so that a worker thread can open its own connection as the same user
 * (a driver cannot cross threads). compare reads and decodes a 2,000-task plan's rows in its worker
 * (src/api/compare/compare-task.ts): decoding them on the main thread held the event loop, and every
 * small question waited behind it. Kept per driver, in memory only, as the driver keeps them itself.
 */
import type { Driver } from 'neo4j-driver';
import type { Database } from './database.ts';

export interface Login {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/** A login a worker can use: the reader's, with the database and read timeout of the door it copies. */
export interface WorkerLogin extends Login {
  readonly database: string;
  readonly readTimeoutMs: number;
}

const logins = new WeakMap<Driver, Login>();

/** Records the login `driver` was made with (connect.ts; the test suite's drivers). */
export function rememberLogin(driver: Driver, login: Login): Driver {
  logins.set(driver, login);
  return driver;
}

/** The login of `db`'s reads, or null when its read driver was made without one recorded. */
export function readLoginOf(db: Database): WorkerLogin | null {
  const login = logins.get(db.readDriver);
  if (login === undefined) return null;
  return { ...login, database: db.databaseName, readTimeoutMs: db.readTimeoutMs };
}
