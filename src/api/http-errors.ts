/**
 * HTTP-level failures, answered in the shape of a GraphQL error response whatever went wrong and
 * whatever NODE_ENV says: a JSON body `{ errors: [{ message, extensions: { code } }] }`, a 4xx or
 * 5xx status, never a stack trace, a file path or a library's own message. Express's default
 * handler, which prints stacks as HTML, is never reached.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from './errors.ts';

/** body-parser's error types (`err.type`), each with the status it carries and what to tell. */
const BODY_ERRORS: Readonly<Record<string, { status: number; message: (e: BodyError) => string }>> = {
  'entity.parse.failed': {
    status: 400,
    message: () => 'The request body must be a JSON object such as {"query": "{ plans { id } }"}; it is not.',
  },
  'entity.too.large': {
    status: 413,
    message: (e) =>
      `The request body may have at most ${e.limit ?? 'the configured number of'} bytes; it has ${e.length ?? 'more'}.`,
  },
  'charset.unsupported': {
    status: 415,
    message: (e) => `The request body must be UTF-8 JSON; its charset is ${JSON.stringify(e.charset ?? '')}.`,
  },
  'encoding.unsupported': {
    status: 415,
    message: (e) =>
      `The request body may be sent as identity, gzip, deflate or br; its content-encoding is ${JSON.stringify(e.encoding ?? '')}.`,
  },
  'request.aborted': { status: 400, message: () => 'The request body ended before its announced length.' },
  'request.size.invalid': {
    status: 400,
    message: () => 'The request body is not as long as its content-length says.',
  },
  'request.timeout': {
    status: 408,
    message: () => 'The request body did not arrive in time.',
  },
};

interface BodyError {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
  charset?: string;
  encoding?: string;
}

/**
 * Answers `{ errors: [{ message, extensions: { code } }] }` with `status`, on a plain node:http
 * response: Express routes and the front before Express (http/front.ts) send the same bytes.
 */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** The app's last handler: every error any middleware passes on ends here. */
export const jsonErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  answerFault(res, error);
};

/** The answer to a fault of reading or answering a request: body-parser's errors by type, else 500. */
export function answerFault(res: ServerResponse, error: unknown): void {
  // The time budget already answered (timeBudget): what the late work tries to send is dropped.
  if (res.headersSent) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  const e = (error ?? {}) as BodyError;
  const known = e.type === undefined ? undefined : BODY_ERRORS[e.type];
  if (known) {
    sendError(res, known.status, ErrorCode.BAD_REQUEST, known.message(e));
    return;
  }
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
  if (status === 500) console.error('[http] internal error:', error);
  sendError(
    res,
    status,
    status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST,
    status === 500 ? 'Internal server error' : 'The request could not be read.',
  );
}

/** Unknown paths: JSON like every other answer, naming what exists. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(
    res,
    404,
    ErrorCode.NOT_FOUND,
    `No such path: ${JSON.stringify(req.path.slice(0, 200))}; the service answers /graphql, /playground, ` +
      '/plans/<id>/graph.json, /plans/<id>/graph.graphml, /health and /ready.',
  );
};

/**
 * The request's time budget at the HTTP level: an answer not started within `ms` becomes a 503
 * REQUEST_TIMEOUT (the database reads of the request stop by the same deadline, deadline.ts);
 * one started but not finished by then is cut off. The deadline goes to `res.locals.deadline`.
 */
export function timeBudget(ms: number): RequestHandler {
  return (_req, res, next) => {
    res.locals['deadline'] = startBudget(res, ms);
    next();
  };
}

/**
 * Starts the time budget of the request `res` answers (what `timeBudget` does for Express routes;
 * the front calls it directly, `from` the request's arrival) and returns its deadline, epoch ms.
 */
export function startBudget(res: ServerResponse, ms: number, from = Date.now()): number {
  const deadline = from + ms;
  const timer = setTimeout(
    () => {
      sendError(
        res,
        503,
        ErrorCode.REQUEST_TIMEOUT,
        `The request was not answered within its time budget of ${ms} ms; ask for less.`,
      );
    },
    deadline + 1_000 - Date.now(),
  );
  timer.unref();
  res.once('close', () => clearTimeout(timer));
  res.once('finish', () => clearTimeout(timer));
  return deadline;
}
