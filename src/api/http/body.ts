/**
 * The JSON body of a POST to /graphql, read once. The front (front.ts) reads a request's body
 * before Express sees it, to answer a cached question without Express; when it cannot answer, it
 * hands the request on with what it read, and `jsonBody` gives that to the route as `req.body`,
 * exactly as `express.json()` would have. Requests the front did not read go to `express.json()`.
 *
 * body-parser skips a request whose stream has ended (on-finished's isFinished) and leaves
 * `req.body` as it finds it: the read-ahead body is set before Express runs, and any read fault is
 * passed to the error handler here with body-parser's own error type (raw-body's errors, or
 * `entity.parse.failed`), so http-errors.ts answers it in the same words.
 */
import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import getRawBody from 'raw-body';

/** What the front read of a request: its bytes, or the fault that stopped the read. */
export type ReadAhead =
  { readonly kind: 'read'; readonly bytes: Buffer } | { readonly kind: 'failed'; readonly error: Error };

const READ_AHEAD = Symbol('plan-graph.readAhead');
type WithReadAhead = IncomingMessage & { [READ_AHEAD]?: ReadAhead };

export const readAheadOf = (req: IncomingMessage): ReadAhead | undefined =>
  (req as WithReadAhead)[READ_AHEAD];

/**
 * Reads the whole body, at most `limit` bytes, and calls `done` with it (and keeps it for the
 * route). A body that announces its length within the limit is gathered as it comes: Node's parser
 * delivers exactly that many bytes or ends the connection, so there is nothing to check, and a
 * cache hit waits on no promise. Any other (chunked) is read as body-parser reads it (raw-body, the
 * same limit). On a fault the rest of the body is read off, so that the connection can carry the
 * answer and the next request, and the fault is kept for the route.
 */
export function readAhead(req: IncomingMessage, limit: number, done: (read: ReadAhead) => void): void {
  const finish = (result: ReadAhead) => {
    (req as WithReadAhead)[READ_AHEAD] = result;
    done(result);
  };
  const length = Number(req.headers['content-length']);
  if (req.headers['transfer-encoding'] === undefined && Number.isInteger(length) && length <= limit) {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A connection that breaks before the end has no one to answer: no 'end', nothing to do.
    req.on('end', () =>
      finish({ kind: 'read', bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }),
    );
    return;
  }
  getRawBody(req, { length: req.headers['content-length'], limit }).then(
    (bytes) => finish({ kind: 'read', bytes }),
    (error: Error) => drained(req).then(() => finish({ kind: 'failed', error })),
  );
}

function drained(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.once('end', resolve);
    req.once('close', resolve);
    req.resume();
  });
}

/** A JSON text where body-parser's strict mode wants an object or an array first. */
const FIRST = /^[ \t\n\r]*([^ \t\n\r]|$)/;

/**
 * The JSON of a UTF-8 body, as body-parser's `json()` parses it: the byte-order mark dropped (its
 * UTF-8 decoder does), an empty body as `{}`, anything but an object or array first refused. A
 * fault carries body-parser's type, which http-errors.ts turns into its 400 answer.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = FIRST.exec(text)?.[1];
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError(`Unexpected token ${first ?? 'end'} in JSON`);
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw Object.assign(error as Error, { status: 400, type: 'entity.parse.failed' });
  }
}

/** `express.json({ limit })`, except for a request the front has already read: its body, or its fault. */
export function jsonBody(limit: string): RequestHandler {
  const parser = express.json({ limit });
  return (req, res, next) => {
    const ahead = readAheadOf(req);
    if (ahead === undefined) {
      parser(req, res, next);
      return;
    }
    if (ahead.kind === 'failed') {
      next(ahead.error);
      return;
    }
    try {
      req.body = parseJsonBody(ahead.bytes);
    } catch (error) {
      next(error);
      return;
    }
    next();
  };
}
