/**
 * The GraphQL route for a request the front (front.ts) has read: Apollo Server's own integration
 * API (`executeHTTPGraphQLRequest`, what `expressMiddleware` calls) on a plain node:http response,
 * without Express's router, its response object and its middleware chain.
 *
 * The route's guards are the same functions the Express route runs, in the same order: CORS
 * (cors.ts), the time budget and the deadline every read of the request inherits
 * (http-errors.ts, db/deadline.ts), `Cache-Control: no-store`, the trusted-documents list
 * (operations/trusted.ts), the client's identity for admission (admission.ts), then Apollo. The
 * Host, the charset and the body's size were settled before the front read the request; a body
 * that is not JSON goes to Express, which answers it as before. The answer is Apollo's status,
 * headers and bytes, as `expressMiddleware` writes them (Express would add a charset to a
 * content type without one: Apollo's always has one).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { asClient } from '../admission.ts';
import type { Context } from '../context.ts';
import { answerFault, startBudget } from '../http-errors.ts';
import { admitTrusted, type TrustedDocuments } from '../operations/trusted.ts';

/** Gets the answer as written: status, headers (flat name/value pairs), body. */
export type Keep = (status: number, head: readonly string[], body: string) => void;

/** Answers one request: its parsed JSON body, when it arrived (epoch ms), and who keeps the answer. */
export type GraphQLAnswer = (
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  arrived: number,
  keep?: Keep,
) => void;

export interface GraphQLRouteOptions {
  readonly apollo: ApolloServer<Context>;
  readonly context: () => Promise<Context>;
  /** The request's time budget, ms (timeBudget). */
  readonly budgetMs: number;
  /** The CORS headers for an Origin, and whether the answer varies by it (cors.ts). */
  readonly corsHeaders: (origin: string | undefined) => readonly string[];
  readonly corsVaries: boolean;
  readonly trusted?: TrustedDocuments;
}

export function graphqlAnswer(options: GraphQLRouteOptions): GraphQLAnswer {
  const { apollo, context, budgetMs, corsHeaders, corsVaries, trusted } = options;

  const execute = async (req: IncomingMessage, res: ServerResponse, body: unknown, keep?: Keep) => {
    let response: Awaited<ReturnType<typeof apollo.executeHTTPGraphQLRequest>>;
    try {
      const headers = new HeaderMap();
      for (const name in req.headers) {
        const value = req.headers[name];
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      response = await apollo.executeHTTPGraphQLRequest({
        // The front reads only `POST /graphql`: no query string.
        httpGraphQLRequest: { method: 'POST', headers, search: '', body },
        context,
      });
    } catch (error) {
      answerFault(res, error);
      return;
    }
    // The time budget answered first: what comes late is dropped, as the Express route drops it.
    if (res.headersSent) return;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const text = response.body.string;
      res.setHeader('content-length', Buffer.byteLength(text));
      if (keep !== undefined) keep(res.statusCode, flatHeaders(res), text);
      res.end(text);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res, body, arrived, keep) => {
    const cors = corsHeaders(req.headers.origin);
    for (let i = 0; i < cors.length; i += 2) res.setHeader(cors[i]!, cors[i + 1]!);
    if (corsVaries) res.setHeader('vary', 'Origin');
    const deadline = startBudget(res, budgetMs, arrived);
    // No cache on the way may keep an answer (server.ts says why).
    res.setHeader('cache-control', 'no-store');
    if (trusted !== undefined && !admitTrusted(trusted, { method: 'POST', url: '/graphql', body }, res))
      return;
    asClient(req, res, deadline, () => {
      // A fault while writing the answer (the client gone mid-stream) ends here, as in Express's error handler.
      execute(req, res, body, keep).catch((error: unknown) => answerFault(res, error));
    });
  };
}

/** The headers set on `res`, as flat name/value pairs. */
function flatHeaders(res: ServerResponse): string[] {
  const head: string[] = [];
  const all = res.getHeaders();
  for (const name in all) {
    const value = all[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) head.push(name, one);
    else head.push(name, String(value));
  }
  return head;
}
