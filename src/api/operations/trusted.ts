/**
 * Trusted documents (TRUSTED_DOCUMENTS=FILE): an allow-list of operations. In this mode a request
 * runs only if its document is in the list — sent as text, by the list's id, or by its SHA-256
 * (Apollo's automatic persisted queries); anything else is refused before it is parsed, with
 * PERSISTED_QUERY_NOT_IN_LIST and HTTP 400.
 *
 * The file is a persisted-documents manifest in either published form:
 * - graphql-codegen's client preset (`persistedDocuments`), and the server side of most
 *   persisted-query tools: one JSON object, id → document text;
 * - Apollo's persisted query manifest: `{"format": "apollo-persisted-query-manifest",
 *   "version": 1, "operations": [{"id", "name", "type", "body"}]}`.
 * Ids may carry the `sha256:` prefix of the GraphQL-over-HTTP persisted documents appendix.
 * Whatever hash the ids are (codegen defaults to SHA-1 in some versions), a text is recognised by
 * its own SHA-256, which is also Apollo's query hash and the operation cache's key.
 *
 * `npm run trusted-documents` writes the list of every operation the playground, the explorer, the
 * README and the typed examples send (tools/trusted-documents.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { sendError } from '../http-errors.ts';

export const NOT_IN_LIST = 'PERSISTED_QUERY_NOT_IN_LIST';

export class TrustedDocumentsError extends Error {
  override readonly name = 'TrustedDocumentsError';
  constructor(file: string, expected: string, found: string) {
    super(`TRUSTED_DOCUMENTS=${file}: expected ${expected}; found ${found}`);
  }
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An id as a client may send it: `sha256:<hex>` and `<hex>` name the same document. */
const bareId = (id: string): string => id.replace(/^sha256:/i, '');

export class TrustedDocuments {
  /** id (without prefix) → text, and SHA-256 of the text → text. */
  private readonly byId = new Map<string, string>();
  private readonly byHash = new Map<string, string>();

  constructor(
    readonly file: string,
    documents: Iterable<readonly [id: string, text: string]>,
  ) {
    for (const [id, text] of documents) {
      this.byId.set(bareId(id), text);
      this.byHash.set(sha256(text), text);
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The text of a listed document, by its id or by the SHA-256 of its text. */
  text(id: string): string | undefined {
    return this.byId.get(bareId(id)) ?? this.byHash.get(bareId(id).toLowerCase());
  }

  /** Whether this text, exactly, is in the list. */
  has(text: string): boolean {
    return this.byHash.has(sha256(text));
  }
}

/** Reads a manifest in either form; every fault names the file, what was expected and what was found. */
export function readTrustedDocuments(file: string): TrustedDocuments {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TrustedDocumentsError(file, 'a readable JSON file', (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new TrustedDocumentsError(file, 'JSON', (error as Error).message);
  }
  const entries = manifestEntries(file, json);
  if (entries.length === 0) throw new TrustedDocumentsError(file, 'at least one document', 'none');
  return new TrustedDocuments(file, entries);
}

function manifestEntries(file: string, json: unknown): [string, string][] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TrustedDocumentsError(file, 'an object (id → document, or an Apollo manifest)', typeOf(json));
  }
  const record = json as Record<string, unknown>;
  if (record['format'] === 'apollo-persisted-query-manifest') {
    if (record['version'] !== 1) {
      throw new TrustedDocumentsError(
        file,
        'version 1 of the Apollo manifest',
        JSON.stringify(record['version']),
      );
    }
    const operations = record['operations'];
    if (!Array.isArray(operations)) {
      throw new TrustedDocumentsError(file, '"operations": an array', typeOf(operations));
    }
    return operations.map((op: unknown, i) => {
      const { id, body } = (op ?? {}) as { id?: unknown; body?: unknown };
      if (typeof id !== 'string' || typeof body !== 'string') {
        throw new TrustedDocumentsError(
          file,
          `operations[${i}] with a string id and body`,
          JSON.stringify(op),
        );
      }
      return [id, body];
    });
  }
  return Object.entries(record).map(([id, text]) => {
    if (typeof text !== 'string') {
      throw new TrustedDocumentsError(
        file,
        `the document of id ${JSON.stringify(id)} as a string`,
        typeOf(text),
      );
    }
    return [id, text];
  });
}

const typeOf = (value: unknown) =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;

interface Ask {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/** The parts of a request the allow-list reads: an Express request, or the front's (http/front.ts). */
export interface AskedRequest {
  readonly method: string;
  url: string;
  body?: unknown;
}

/** What the request names: its text, or an id to look up (documentId, else the APQ hash). */
function askOf(req: AskedRequest): Ask {
  if (req.method !== 'GET') return (req.body ?? {}) as Ask;
  const params = new URL(req.url, 'http://localhost').searchParams;
  let extensions: Ask['extensions'];
  try {
    extensions = JSON.parse(params.get('extensions') ?? '{}') as Ask['extensions'];
  } catch {
    extensions = {};
  }
  return {
    query: params.get('query') ?? undefined,
    documentId: params.get('documentId') ?? undefined,
    extensions,
  };
}

/** Puts a listed document's text into the request, where Apollo reads it. */
function supply(req: AskedRequest, text: string): void {
  if (req.method === 'GET') {
    const url = new URL(req.url, 'http://localhost');
    url.searchParams.delete('documentId');
    url.searchParams.set('query', text);
    req.url = url.pathname + url.search;
  } else {
    const body = req.body as Record<string, unknown>;
    delete body['documentId'];
    body['query'] = text;
  }
}

function refuse(res: ServerResponse, list: TrustedDocuments, found: string): false {
  sendError(
    res,
    400,
    NOT_IN_LIST,
    `This server runs only the operations of its trusted-documents list (TRUSTED_DOCUMENTS, ` +
      `${list.size} documents); found ${found}, which is not in it. Send a listed document, by its ` +
      'text or its id.',
  );
  return false;
}

/**
 * The allow-list at /graphql, before the response cache and Apollo: an unlisted document costs a
 * hash, not a parse. Whether `req` may go on (a listed id replaced by its text); false when it was
 * refused, the answer sent. A request naming no document at all goes on to Apollo, which says so.
 */
export function admitTrusted(list: TrustedDocuments, req: AskedRequest, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'POST') return true;
  const ask = askOf(req);
  if (typeof ask.query === 'string' && ask.query !== '') {
    if (list.has(ask.query)) return true;
    return refuse(res, list, `a document whose SHA-256 is ${sha256(ask.query)}`);
  }
  const id =
    typeof ask.documentId === 'string'
      ? ask.documentId
      : typeof ask.extensions?.persistedQuery?.sha256Hash === 'string'
        ? ask.extensions.persistedQuery.sha256Hash
        : null;
  if (id === null) return true;
  const text = list.text(id);
  if (text === undefined) return refuse(res, list, `the id ${JSON.stringify(id)}`);
  supply(req, text);
  return true;
}

/** `admitTrusted` as Express middleware, for the requests the front hands to Express. */
export function trustedDocumentsGuard(list: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    if (admitTrusted(list, req, res)) next();
  };
}
