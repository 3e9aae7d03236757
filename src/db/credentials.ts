/**
 * The embedded engine's password when NEO4J_PASSWORD is unset: random, made at the first start
 * of an install and kept in NEO4J_DATA_DIR/credentials (mode 0600, in a directory of mode 0700,
 * git-ignored with the store; no Cypher reads it: the engine refuses file URLs in LOAD CSV),
 * so no two installs share a password and none is published. The engine sets the password it is
 * given at every start, so deleting the file just makes a new one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_NEO4J_PASSWORD, READER_USER } from '../config.ts';

export const CREDENTIALS_FILE = 'credentials';
/** The password of the embedded engine's read-only user (READER_USER), made the same way. */
export const READER_CREDENTIALS_FILE = 'credentials-reader';

/** The install's password if its first start made one. */
export function keptPassword(dataDir: string, name: string = CREDENTIALS_FILE): string | null {
  try {
    const kept = readFileSync(join(dataDir, name), 'utf8').trim();
    return kept.length >= 8 ? kept : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return null;
  }
}

/** The install's password, made on first use. */
export function installPassword(dataDir: string, name: string = CREDENTIALS_FILE): string {
  const file = join(dataDir, name);
  const kept = keptPassword(dataDir, name);
  if (kept !== null) return kept;
  // The store's directory is the owner's alone (the engine makes it so too, at every start).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(24).toString('base64url');
  // wx: two processes starting at once cannot both write; the loser reads the winner's.
  try {
    writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
    return password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}

/**
 * The password to use: NEO4J_PASSWORD when set; otherwise the install's own for the embedded
 * engine (and for a NEO4J_URI server when this install's data directory has one: the engine of
 * `npm run db`), or the published default for any other NEO4J_URI server (securityWarnings says
 * when that is unsafe).
 */
export function resolvePassword(config: {
  neo4jPassword: string | null;
  neo4jUri: string | null;
  neo4jDataDir: string;
}): string {
  if (config.neo4jPassword !== null) return config.neo4jPassword;
  if (config.neo4jUri === null) return installPassword(config.neo4jDataDir);
  return keptPassword(config.neo4jDataDir) ?? LOCAL_NEO4J_PASSWORD;
}

/**
 * The account the API reads through, or null when reads share the writer's account:
 * - NEO4J_READ_USER / NEO4J_READ_PASSWORD when set;
 * - with the embedded engine, READER_USER, which the engine allows only to read, with the
 *   install's own random password (READER_CREDENTIALS_FILE);
 * - on the engine another command of this install started on the same store (`ownEngine`: a
 *   load beside `npm start`), that same reader;
 * - any other NEO4J_URI server: null, the server's roles are its own (docs/security.md).
 */
export function resolveReader(
  config: {
    neo4jReadUser?: string | null;
    neo4jReadPassword?: string | null;
    neo4jUri: string | null;
    neo4jDataDir: string;
  },
  ownEngine = false,
): { user: string; password: string } | null {
  if (config.neo4jReadUser != null) {
    const password =
      config.neo4jReadPassword ?? installPassword(config.neo4jDataDir, READER_CREDENTIALS_FILE);
    return { user: config.neo4jReadUser, password };
  }
  if (config.neo4jUri === null) {
    return { user: READER_USER, password: installPassword(config.neo4jDataDir, READER_CREDENTIALS_FILE) };
  }
  const kept = ownEngine ? keptPassword(config.neo4jDataDir, READER_CREDENTIALS_FILE) : null;
  return kept === null ? null : { user: READER_USER, password: kept };
}
