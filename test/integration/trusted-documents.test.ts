/**
 * Trusted documents (TRUSTED_DOCUMENTS): with the list this repository ships, a listed operation
 * runs by its text, by its id and by its hash alone; any other is refused before it runs, with a
 * code and a message that names the mode; the playground's and the explorer's operations are all
 * in the list, and the committed list is what `npm run trusted-documents` writes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DEFAULT_API_OPTIONS, type RunningServer, startServer } from '../../src/api/server.ts';
import { readTrustedDocuments, sha256 } from '../../src/api/operations/trusted.ts';
import {
  explorerDocuments,
  manifestText,
  MANIFEST,
  playgroundDocuments,
} from '../../docs/trusted-documents.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';

const PLANS = '{ plans { id title complete stopsAtLine caveats } }';
const UNLISTED = '{ plans { id } }';
const LISTED = readTrustedDocuments(MANIFEST).size;
const REFUSAL = (found: string) =>
  `This server runs only the operations of its trusted-documents list (TRUSTED_DOCUMENTS, ${LISTED} documents); ` +
  `found ${found}, which is not in it. Send a listed document, by its text or its id.`;

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  server = await startServer(db, {
    port: 0,
    host: '127.0.0.1',
    api: { ...DEFAULT_API_OPTIONS, trustedDocuments: readTrustedDocuments(MANIFEST) },
  });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

interface Answer {
  status: number;
  data?: { plans?: { id: string }[]; __schema?: unknown };
  errors?: { message: string; extensions: { code: string } }[];
}

async function ask(body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const planIds = (a: Answer) => a.data?.plans?.map((p) => p.id);

describe('TRUSTED_DOCUMENTS: only listed operations run', () => {
  it('a listed operation runs by its text', async () => {
    const answer = await ask({ query: PLANS });
    expect(answer.status).toBe(200);
    expect(planIds(answer)).toEqual(['cast-2018']);
  });

  it('by its id (documentId, with or without the sha256: prefix) and by its hash alone (APQ)', async () => {
    const hash = sha256(PLANS);
    for (const body of [
      { documentId: `sha256:${hash}` },
      { documentId: hash },
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    ]) {
      const answer = await ask(body);
      expect(answer.errors, JSON.stringify(body)).toBeUndefined();
      expect(planIds(answer)).toEqual(['cast-2018']);
    }
  });

  it('by its id in a GET request', async () => {
    const response = await fetch(`${server.url}/graphql?documentId=sha256:${sha256(PLANS)}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(planIds((await response.json()) as Answer)).toEqual(['cast-2018']);
  });

  it('an unlisted text is refused before it runs: 400, PERSISTED_QUERY_NOT_IN_LIST, the mode named', async () => {
    const answer = await ask({ query: UNLISTED });
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      {
        message: REFUSAL(`a document whose SHA-256 is ${sha256(UNLISTED)}`),
        extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
      },
    ]);
  });

  it('an unlisted id or hash is refused the same way (registering it with its text would not help)', async () => {
    const hash = sha256(UNLISTED);
    const byId = await ask({ documentId: `sha256:${hash}` });
    expect(byId.status).toBe(400);
    expect(byId.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
      ['PERSISTED_QUERY_NOT_IN_LIST', REFUSAL(`the id "sha256:${hash}"`)],
    ]);
    const registering = await ask({
      query: UNLISTED,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(registering.status).toBe(400);
    expect(registering.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it("the playground's example tabs and its introspection query run", async () => {
    const texts = playgroundDocuments();
    expect(texts.length).toBe(12);
    for (const query of texts) {
      const answer = await ask({ query });
      expect(answer.errors, query.slice(0, 80)).toBeUndefined();
      expect(answer.status).toBe(200);
    }
  });
});

describe('the list shipped in docs/trusted-documents.json', () => {
  it('holds every operation of the explorer (eleven)', async () => {
    const list = readTrustedDocuments(MANIFEST);
    const texts = await explorerDocuments();
    expect(texts.length).toBe(11);
    expect(texts.filter((t) => !list.has(t))).toEqual([]);
  });

  it('is what `npm run trusted-documents` writes from the sources today', async () => {
    expect(readFileSync(MANIFEST, 'utf8')).toBe(await manifestText());
  });
});
