/**
 * The embedded engine's password when NEO4J_PASSWORD is unset: random, made at the first start
 * of an install and kept in NEO4J_DATA_DIR/credentials (mode 0600, git-ignored with the store),
 * so no two installs share a password and none is published. The engine sets the password it is
 * given at every start, so deleting the file just makes a new one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_NEO4J_PASSWORD } from '../config.ts';

export const CREDENTIALS_FILE = 'credentials';

/** The install's password if its first start made one. */
export function keptPassword(dataDir: string): string | null {
  try {
    const kept = readFileSync(join(dataDir, CREDENTIALS_FILE), 'utf8').trim();
    return kept.length >= 8 ? kept : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return null;
  }
}

/** The install's password, made on first use. */
export function installPassword(dataDir: string): string {
  const file = join(dataDir, CREDENTIALS_FILE);
  const kept = keptPassword(dataDir);
  if (kept !== null) return kept;
  mkdirSync(dataDir, { recursive: true });
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
