/**
 * `npm run trusted-documents`: writes docs/trusted-documents.json, the list a service started with
 * TRUSTED_DOCUMENTS=docs/trusted-documents.json runs (src/api/operations/trusted.ts). It holds
 * every document this repository's own clients send, each under the SHA-256 of its text (the
 * id → document form of graphql-codegen's persisted documents):
 *
 * - the playground: its example tabs (docs/queries/*.graphql, sent as written) and GraphiQL's
 *   introspection query, as @graphiql/react builds it with its defaults (and its retry without
 *   `subscriptionType`);
 * - the explorer: every operation of src/api/explorer/api.ts, taken by calling each exported
 *   function against a fetch that records what it would send (so a new one cannot be forgotten);
 * - the README's GraphQL blocks and its curl, and the typed examples (examples/gql), as printed.
 *
 * test/integration/trusted-documents.test.ts checks the committed file is what this writes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getIntrospectionQuery, print, type DocumentNode } from 'graphql';
import { sha256 } from '../src/api/operations/trusted.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
export const MANIFEST = join(REPO, 'docs/trusted-documents.json');

/** The example tabs of the playground (src/api/playground/examples.ts reads the same files). */
export function playgroundDocuments(): string[] {
  const dir = join(REPO, 'docs/queries');
  const examples = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  // @graphiql/react's schema store: getIntrospectionQuery({ inputValueDeprecation, schemaDescription })
  // with both false by default, then the same without subscriptionType if the first has no data.
  const introspection = getIntrospectionQuery({ inputValueDeprecation: false, schemaDescription: false });
  return [...examples, introspection, introspection.replace('subscriptionType { name }', '')];
}

/** Every document the explorer's API module sends, recorded by calling each of its functions. */
export async function explorerDocuments(): Promise<string[]> {
  const api = (await import('../src/api/explorer/api.ts')) as Record<string, unknown>;
  const sent: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (_url: unknown, init?: { body?: string }) => {
    sent.push((JSON.parse(init?.body ?? '{}') as { query: string }).query);
    return new Response(JSON.stringify({ data: {} }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  try {
    for (const [name, value] of Object.entries(api)) {
      // gql is the transport, not an operation; classes are not called.
      if (name === 'gql' || typeof value !== 'function' || /^class\b/.test(String(value))) continue;
      await (value as (...args: unknown[]) => Promise<unknown>)('id', 'id', null).catch(() => undefined);
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  return sent;
}

/** The README's GraphQL blocks and the query of its curl. */
export function readmeDocuments(): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const curls = [...readme.matchAll(/-d '(\{"query".*\})'/g)].map(
    (m) => (JSON.parse(m[1]!) as { query: string }).query,
  );
  return [...blocks, ...curls];
}

/** The typed examples (examples/gql, graphql-codegen's client preset) as their client prints them. */
export async function exampleDocuments(): Promise<string[]> {
  const generated = (await import('../examples/gql/graphql.ts')) as Record<string, unknown>;
  return Object.entries(generated)
    .filter(([name, value]) => name.endsWith('Document') && typeof value === 'object')
    .map(([, value]) => print(value as DocumentNode));
}

/** The manifest: SHA-256 of each text → the text, in a stable order. */
export async function trustedDocuments(): Promise<Record<string, string>> {
  const texts = [
    ...playgroundDocuments(),
    ...(await explorerDocuments()),
    ...readmeDocuments(),
    ...(await exampleDocuments()),
  ];
  const entries = [...new Set(texts)].map((text) => [sha256(text), text] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const manifestText = async () => JSON.stringify(await trustedDocuments(), null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await manifestText();
  writeFileSync(MANIFEST, text);
  console.log(`${MANIFEST}: ${Object.keys(JSON.parse(text) as object).length} documents`);
}
