/**
 * graphql-http's GraphQL-over-HTTP conformance audits against the real server: no error and no
 * warning. (Notices are the optional parts the service chooses not to offer, such as GET
 * queries without a preflight header, which CSRF prevention refuses.)
 */
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION } from '../../src/api/admission.ts';
import { DEFAULT_API_OPTIONS } from '../../src/api/server.ts';
import type { Database } from '../../src/db/database.ts';
import { closeSeededServer, openSeededServer, type SeededServer } from '../support/seeded.ts';
import { graphSnapshot } from './support.ts';

let db: Database;
let server: SeededServer['server'];

// The audits send all their requests at once from one address. Fair admission (admission.ts)
// answers most of such a burst 429 SERVICE_BUSY, as it should (test/unit/admission.test.ts): here
// the client may run and queue as many as it sends, so that what is audited is the protocol.
const ADMIT_THE_BURST = { ...DEFAULT_ADMISSION, perClient: 200, queuePerClient: 200 };

beforeAll(async () => {
  ({ db, server } = await openSeededServer({ ...DEFAULT_API_OPTIONS, admission: ADMIT_THE_BURST }));
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
