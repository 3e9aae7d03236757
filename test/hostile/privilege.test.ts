/**
 * Least privilege as far as Neo4j Community allows (docs/security.md): the API's reads run in
 * READ transactions, which the server itself refuses to write in; /ready says ready or not and
 * nothing else; the HTML pages carry security headers.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { closeSeededServer, openSeededServer, type SeededServer } from '../support/seeded.ts';
import { graphSnapshot } from './support.ts';

let db: Database;
let server: SeededServer['server'];

beforeAll(async () => {
  ({ db, server } = await openSeededServer());
});
afterAll(() => closeSeededServer({ db, server }));

describe('reads cannot write', () => {
  it('Neo4j refuses a write inside the READ transactions every API read uses', async () => {
    const before = await graphSnapshot(db);
    const session = db.driver.session({ database: db.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      const error = await session
        .executeRead((tx) => tx.run("CREATE (:Entity {id: 'intruder'})"))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Neo4jError);
      expect((error as Neo4jError).code).toBe('Neo.ClientError.Statement.AccessMode');
    } finally {
      await session.close();
    }
    expect(await graphSnapshot(db)).toBe(before);
  });
});

describe('what the service tells anyone', () => {
  it('/ready says ready, and nothing about the server, the plans or errors', async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('the playground page carries CSP, frame and nosniff headers', async () => {
    for (const [path, accept] of [
      ['/playground/', 'text/html'],
      ['/graphql', 'text/html'],
    ] as const) {
      const page = await fetch(`${server.url}${path}`, { headers: { accept } });
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(page.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(page.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(page.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(page.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});
