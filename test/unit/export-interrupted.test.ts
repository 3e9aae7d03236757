/**
 * An export cut after its answer began says so in the answer: a GraphML comment a reader can
 * find, and an `Export-Status: interrupted` trailer; a whole one ends with `Export-Status:
 * complete`. The database here is a stand-in whose reads fail or change on cue (a unit test: the
 * same router runs against the real engine in test/integration/exports.test.ts).
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DatabaseError } from '../../src/db/errors.ts';
import { exportRouter } from '../../src/api/export/router.ts';

type Script = (name: string, call: number) => unknown[];

/** A read-only stand-in for the database door: rows by statement name, per call. */
function scripted(script: Script): Database {
  const calls = new Map<string, number>();
  return {
    read: async (name: string) => {
      const call = (calls.get(name) ?? 0) + 1;
      calls.set(name, call);
      return script(name, call);
    },
  } as unknown as Database;
}

const plan = (sha: string) => ({ node: { id: 'p', labels: ['Plan'], title: 'P', sha256: sha } });
const task = { node: { id: 'p/task-1', labels: ['Task'], number: 1, title: 'T', planId: 'p' }, edges: [] };

let close: (() => void) | null = null;
afterEach(() => close?.());

async function get(db: Database, path: string) {
  const app = express().use(exportRouter(db, { maxConcurrent: 2, timeoutMs: 60_000 }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; body: string; trailers: Record<string, string | undefined> }>(
    (resolve, reject) => {
      request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, trailers: res.trailers }));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('an export cut after its answer began', () => {
  it('ends GraphML with a comment and an interrupted trailer when a read runs out of time', async () => {
    const db = scripted((name) => {
      if (name === 'plans-all') return [plan('a')];
      if (name === 'export-page')
        throw new DatabaseError('TIMEOUT', 'cypher/export-page.cypher ran out of time');
      return [];
    });
    const answer = await get(db, '/plans/p/graph.graphml');
    expect(answer.status).toBe(200);
    expect(answer.body.endsWith('<!-- EXPORT INTERRUPTED: the export ran out of its time budget -->\n')).toBe(
      true,
    );
    expect(answer.body).not.toContain('</graphml>');
    expect(answer.trailers['export-status']).toBe(
      'interrupted; reason="the export ran out of its time budget"',
    );
  });

  it('says the plan was reloaded when its hash changed during a JSON export', async () => {
    const db = scripted((name, call) => {
      if (name === 'plans-all') return [plan(call === 1 ? 'a' : 'b')];
      if (name === 'export-page') return [task];
      return [];
    });
    const answer = await get(db, '/plans/p/graph.json');
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.body)).toThrow();
    expect(answer.trailers['export-status']).toBe(
      'interrupted; reason="p was reloaded during the export; export it again"',
    );
  });

  it('a whole export ends with Export-Status: complete', async () => {
    const db = scripted((name) => {
      if (name === 'plans-all') return [plan('a')];
      if (name === 'export-page') return [task];
      return [];
    });
    const answer = await get(db, '/plans/p/graph.json');
    expect(JSON.parse(answer.body)).toMatchObject({
      elements: { nodes: [{ data: { id: 'p/task-1' } }], edges: [] },
    });
    expect(answer.trailers['export-status']).toBe('complete');
  });
});
