/**
 * graphql-http's GraphQL-over-HTTP conformance audits against the real server: no error and no
 * warning. (Notices are the optional parts the service chooses not to offer, such as GET
 * queries without a preflight header, which CSRF prevention refuses.)
 */
import { auditServer } from 'graphql-http';
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

describe('graphql-http serverAudits', () => {
  it('passes with 0 errors and 0 warnings, and writes nothing', async () => {
    const before = await graphSnapshot(db);
    const results = await auditServer({ url: `${server.url}/graphql` });
    const failed = results
      .filter((r) => r.status === 'warn' || r.status === 'error')
      .map((r) => `${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(50);
    expect(await graphSnapshot(db)).toBe(before);
  });
});
