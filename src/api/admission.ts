/**
 * Fair admission: how many operations run against the database at once, per client and overall.
 *
 * Two lanes, so that cheap questions never wait behind expensive ones: an operation whose price
 * (limits/cost.ts: its answer's size and the database work it may do) is at most `heavyPrice` takes
 * a `light` slot, any other a `heavy` slot, and so does every export (export/router.ts). Heavy work
 * never takes a light slot. One heavy slot by default: heavy work then keeps about one core busy
 * (its Cypher in the engine, its decoding and writing here, or an alignment in a worker thread),
 * and on a 2-core machine the other stays for cheap questions. A client (by IP address) has at most `perClient`
 * operations running; more of its requests wait in line, and when a slot frees the waiting request
 * of the client with the fewest running goes first, so that one client's burst does not take every
 * turn. A request that cannot start within `maxWaitMs` (or the time left in its budget, minus a
 * second to answer), or that finds its client's line full, gets SERVICE_BUSY with `Retry-After`
 * (HTTP 429) at once — never a REQUEST_TIMEOUT after the whole budget has gone.
 *
 * A slot is held only while the request's answer can still be sent: once the HTTP response has
 * finished or closed (the time budget answered REQUEST_TIMEOUT, or the client went away), the
 * slot is given back even if the request's own work still waits on the database, and a request
 * still in line leaves it. Otherwise reads stuck on a hung engine would keep a client's slots
 * long after its answers were gone, and its next requests would be SERVICE_BUSY.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { currentDeadline, currentTag, withDeadline } from '../db/deadline.ts';
import { ErrorCode } from './errors.ts';
import { priceOf } from './limits/cost.ts';

export interface AdmissionOptions {
  /** Operations of one client running at once. */
  readonly perClient: number;
  /** Operations priced at most `heavyPrice` running at once, across clients. */
  readonly light: number;
  /** Operations priced over `heavyPrice` running at once, across clients. */
  readonly heavy: number;
  /** The price (limits/cost.ts) above which an operation is heavy. */
  readonly heavyPrice: number;
  /** Longest a request waits for a slot before SERVICE_BUSY. */
  readonly maxWaitMs: number;
  /** Requests of one client waiting at once; more are SERVICE_BUSY at once. */
  readonly queuePerClient: number;
}

export const DEFAULT_ADMISSION: AdmissionOptions = {
  perClient: 2,
  light: 6,
  heavy: 1,
  heavyPrice: 2_000,
  maxWaitMs: 3_000,
  queuePerClient: 8,
};

type Lane = 'light' | 'heavy';

interface Waiter {
  readonly client: string;
  readonly lane: Lane;
  readonly arrived: number;
  readonly grant: () => void;
}

export class BusyError extends GraphQLError {
  constructor(reason: string, retryAfterSeconds: number) {
    super(`The service is busy: ${reason}. Try again in ${retryAfterSeconds} s.`, {
      extensions: {
        code: ErrorCode.SERVICE_BUSY,
        retryAfter: retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/** A request whose answer was already sent (or whose client left) before it got a slot. */
export class AnsweredError extends GraphQLError {
  constructor() {
    super('The request was answered (or its client left) before a slot came free.', {
      extensions: { code: ErrorCode.REQUEST_TIMEOUT },
    });
  }
}

export class Admission {
  private readonly running = { light: 0, heavy: 0 };
  private readonly byClient = new Map<string, { running: number; waiting: number }>();
  private readonly waiting: Waiter[] = [];
  /** Requests refused SERVICE_BUSY since start: /ready reports it. */
  private refused = 0;

  constructor(readonly options: AdmissionOptions = DEFAULT_ADMISSION) {}

  private client(key: string) {
    let entry = this.byClient.get(key);
    if (entry === undefined) {
      entry = { running: 0, waiting: 0 };
      this.byClient.set(key, entry);
    }
    return entry;
  }

  private free(lane: Lane): boolean {
    return this.running[lane] < this.options[lane];
  }

  /**
   * A slot for one operation of `client`, or BusyError. Resolves to the function that gives the
   * slot back (call it when the answer is sent; later calls do nothing). `answered` aborts when
   * the request's HTTP response is over: the slot is given back then, or the wait ends with
   * AnsweredError.
   */
  async acquire(
    clientKey: string,
    lane: Lane,
    deadline: number | undefined,
    answered?: Answered,
  ): Promise<() => void> {
    if (answered?.aborted) throw new AnsweredError();
    const slot = await this.wait(clientKey, lane, deadline, answered);
    if (answered !== undefined) {
      if (answered.aborted) slot();
      else answered.addEventListener('abort', slot, { once: true });
    }
    return slot;
  }

  private async wait(
    clientKey: string,
    lane: Lane,
    deadline: number | undefined,
    answered: Answered | undefined,
  ): Promise<() => void> {
    const client = this.client(clientKey);
    const retry = Math.max(1, Math.ceil(this.options.maxWaitMs / 1000));
    if (client.running < this.options.perClient && this.free(lane) && this.waiting.length === 0) {
      return this.start(clientKey, lane);
    }
    if (client.waiting >= this.options.queuePerClient) {
      this.refused++;
      throw new BusyError(`this client already has ${client.waiting} requests waiting`, retry);
    }
    const budget = deadline === undefined ? this.options.maxWaitMs : deadline - Date.now() - 1_000;
    const wait = Math.min(this.options.maxWaitMs, budget);
    client.waiting++;
    return new Promise<() => void>((resolve, reject) => {
      const leave = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        client.waiting--;
        this.forget(clientKey);
      };
      const onAnswered = () => {
        clearTimeout(timer);
        leave();
        reject(new AnsweredError());
      };
      const waiter: Waiter = {
        client: clientKey,
        lane,
        arrived: Date.now(),
        grant: () => {
          clearTimeout(timer);
          answered?.removeEventListener('abort', onAnswered);
          client.waiting--;
          resolve(this.start(clientKey, lane));
        },
      };
      answered?.addEventListener('abort', onAnswered, { once: true });
      const timer = setTimeout(
        () => {
          answered?.removeEventListener('abort', onAnswered);
          leave();
          this.refused++;
          reject(
            new BusyError(
              `no ${lane === 'heavy' ? 'slot for expensive operations' : 'slot'} came free within ${Math.max(0, wait)} ms`,
              retry,
            ),
          );
        },
        Math.max(0, wait),
      );
      this.waiting.push(waiter);
      this.dispatch();
    });
  }

  private start(clientKey: string, lane: Lane): () => void {
    this.running[lane]++;
    this.client(clientKey).running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running[lane]--;
      this.client(clientKey).running--;
      this.forget(clientKey);
      this.dispatch();
    };
  }

  /**
   * Resolves once no cheap operation runs or waits, or after `maxMs`. Heavy work that comes in
   * pieces (an export's pages) awaits it between pieces, so that a cheap question that arrives
   * meanwhile waits for at most one piece, not for the whole export.
   */
  lightDrained(maxMs: number): Promise<void> {
    const busy = () => this.running.light > 0 || this.waiting.some((w) => w.lane === 'light');
    if (!busy()) return Promise.resolve();
    return new Promise((resolve) => {
      const started = Date.now();
      const check = () => {
        if (!busy() || Date.now() - started >= maxMs) resolve();
        else setTimeout(check, 5);
      };
      setTimeout(check, 5);
    });
  }

  private forget(clientKey: string): void {
    const entry = this.byClient.get(clientKey);
    if (entry !== undefined && entry.running === 0 && entry.waiting === 0) this.byClient.delete(clientKey);
  }

  /** Starts waiting requests while slots are free: the client with the fewest running first, then the oldest. */
  private dispatch(): void {
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.waiting.length; i++) {
        const w = this.waiting[i]!;
        if (!this.free(w.lane) || this.client(w.client).running >= this.options.perClient) continue;
        if (best < 0) {
          best = i;
          continue;
        }
        const b = this.waiting[best]!;
        const fewer = this.client(w.client).running - this.client(b.client).running;
        if (fewer < 0 || (fewer === 0 && w.arrived < b.arrived)) best = i;
      }
      if (best < 0) return;
      const [chosen] = this.waiting.splice(best, 1);
      chosen!.grant();
    }
  }

  /** What /ready reports: slots in use and free, requests waiting, refusals so far. */
  saturation() {
    const { light, heavy } = this.options;
    return {
      running: { light: this.running.light, heavy: this.running.heavy },
      slots: { light, heavy },
      waiting: this.waiting.length,
      clients: this.byClient.size,
      refused: this.refused,
      saturated: !this.free('light') || this.waiting.length > 0,
    };
  }
}

/**
 * What `acquire` needs to know of a request's end: whether it is over, and to hear once when it is.
 * An AbortSignal is one (the export router and tests pass one); `RequestClient` is a cheaper one.
 */
export interface Answered {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options: { once: true }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The client a request comes from, for the plugin (hooks see no HTTP request), and the end of its
 * response as `Answered`: over once the response has finished or closed, like `answeredSignal`,
 * without an AbortController and its event dispatch per request (about 1 % of a light miss's CPU).
 */
class RequestClient implements Answered {
  private listeners: (() => void)[] | null = null;
  private fired = false;

  constructor(
    readonly key: string,
    private readonly res: ServerResponse,
  ) {}

  get aborted(): boolean {
    return this.fired || isOver(this.res);
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    // Like an AbortSignal: a listener added once it has fired is never called.
    if (this.fired) return;
    if (this.listeners === null) {
      this.listeners = [];
      const fire = () => {
        if (this.fired) return;
        this.fired = true;
        const listeners = this.listeners!;
        this.listeners = [];
        for (const one of listeners) one();
      };
      this.res.once('finish', fire);
      this.res.once('close', fire);
    }
    this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const at = this.listeners?.indexOf(listener) ?? -1;
    if (at >= 0) this.listeners!.splice(at, 1);
  }
}

/**
 * The reason the signals below abort with. `abort()` without one makes a DOMException, stack
 * trace and all, at the end of every answer; nothing reads the reason.
 */
const ANSWERED = 'answered';

/** Whether `res` has finished or closed: its request's answer is over. */
const isOver = (res: ServerResponse): boolean => res.writableFinished || res.destroyed || res.closed;

/** Aborts once `res` has finished or closed, whichever comes first (already over: aborted now). */
export function answeredSignal(res: ServerResponse): AbortSignal {
  const over = new AbortController();
  if (isOver(res)) {
    over.abort(ANSWERED);
    return over.signal;
  }
  const done = () => over.abort(ANSWERED);
  res.once('finish', done);
  res.once('close', done);
  return over.signal;
}

/**
 * Runs `fn` under the deadline `at` (db/deadline.ts) as the work of the client `req` came from (its
 * IP address), answered by `res`: the one store of the request carries both.
 */
export function asClient<T>(
  req: IncomingMessage,
  res: ServerResponse,
  at: number | undefined,
  fn: () => T,
): T {
  return withDeadline(at, fn, new RequestClient(req.socket.remoteAddress ?? 'unknown', res));
}

/** Express middleware: remembers the client for the admission plugin (asClient), keeping the deadline set before. */
export const identifyClient: RequestHandler = (req, res, next) => {
  asClient(req, res, currentDeadline(), next);
};

/**
 * Takes a slot once the operation is resolved and priced (the cost plugin runs first) and gives
 * it back when the answer is sent, or when the HTTP response is over if that comes first (the time
 * budget answered). Operations refused before (parse, validation, cost) take none.
 */
export function admissionPlugin(admission: Admission): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      let release: (() => void) | null = null;
      return {
        async didResolveOperation() {
          const price = priceOf(request);
          const lane: Lane = price !== undefined && price > admission.options.heavyPrice ? 'heavy' : 'light';
          const tag = currentTag();
          const client = tag instanceof RequestClient ? tag : undefined;
          release = await admission.acquire(client?.key ?? 'unknown', lane, currentDeadline(), client);
        },
        async willSendResponse() {
          release?.();
          release = null;
        },
      };
    },
  };
}
