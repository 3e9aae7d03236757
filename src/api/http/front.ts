/**
 * The front of the HTTP server: the node:http request listener, before Express. It answers a
 * cached question (cache/response-cache.ts) itself, with one write of a prepared answer; Express
 * and Apollo are not entered, which is most of what a hit used to cost.
 *
 * Which requests it reads: POST to exactly `/graphql`, `Content-Type: application/json` (UTF-8 or
 * no charset), no content encoding, a body of known length or chunked, and a `Host` the service
 * answers to (http-guards.ts). Everything else goes to Express untouched, stream unread, and
 * meets every guard there as before. A request it reads is keyed by its bytes as sent, with its
 * `Accept` (Apollo picks the response's media type by it) and `Content-Type`. On a miss the request
 * goes on to Express with its body already read (http/body.ts) and marked for the cache, which
 * keeps Apollo's answer on the way out.
 *
 * What a hit still honours: the Host guard and the charset guard (by the shapes above: a request
 * that either would refuse is never read here), CORS (cors.ts: the same headers for the request's
 * Origin), the body's size limit and receive timeout (the same limit here; the server's
 * requestTimeout for the time), and trusted documents: an answer is kept only after the whole
 * route, allow-list included, answered these same bytes, and the list does not change while the
 * process runs, so an unlisted document never has an answer here. Admission is not asked: a hit
 * runs no statement and holds nothing.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ResponseCache } from '../cache/response-cache.ts';
import { readAhead } from './body.ts';

export interface FrontOptions {
  readonly cache: ResponseCache;
  /** Whether a `Host` header names this service (http-guards.ts hostCheck). */
  readonly hostAllowed: (host: string) => boolean;
  /** The CORS headers of an answer to this Origin (cors.ts corsHeaders). */
  readonly corsHeaders: (origin: string | undefined) => readonly string[];
  /** Largest body read, in bytes: the route's own limit. */
  readonly bodyLimit: number;
}

/** The JSON media type, with no charset or UTF-8 (any other goes through the charset guard). */
const JSON_UTF8 = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i;

export function graphqlFront(app: RequestListener, options: FrontOptions): RequestListener {
  const { cache, hostAllowed, corsHeaders, bodyLimit } = options;
  const maxKey = cache.options.maxKeyLength;

  const readable = (req: IncomingMessage): boolean => {
    if (req.method !== 'POST' || req.url !== '/graphql') return false;
    const { headers } = req;
    if (headers.host !== undefined && !hostAllowed(headers.host)) return false;
    const type = headers['content-type'];
    if (type === undefined || !JSON_UTF8.test(type)) return false;
    const encoding = headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
    const length = headers['content-length'];
    if (length === undefined) return headers['transfer-encoding'] !== undefined;
    const bytes = Number(length);
    return Number.isInteger(bytes) && bytes <= bodyLimit;
  };

  /** The answer kept for this request's bytes under the graph's version, or the route's answer. */
  const answer = (req: IncomingMessage, res: ServerResponse, bytes: Buffer, version: string | null): void => {
    if (version === null) return app(req, res);
    const key = `${req.headers.accept ?? ''}\n${req.headers['content-type']}\n${bytes.toString('latin1')}`;
    const kept = cache.lookup(key, version);
    if (kept === undefined) {
      cache.expect(req, key, version);
      return app(req, res);
    }
    res.writeHead(200, [...corsHeaders(req.headers.origin), ...kept.head]);
    res.end(kept.body);
  };

  const serve = (req: IncomingMessage, res: ServerResponse): void =>
    readAhead(req, bodyLimit, (ahead) => {
      if (ahead.kind !== 'read' || ahead.bytes.length > maxKey) return app(req, res);
      const version = cache.version();
      if (typeof version === 'string' || version === null) return answer(req, res, ahead.bytes, version);
      version.then(
        (known) => answer(req, res, ahead.bytes, known),
        // No version, no cache: Apollo answers, and reports the database error in its own words.
        () => app(req, res),
      );
    });

  return (req, res) => (readable(req) ? serve(req, res) : app(req, res));
}
