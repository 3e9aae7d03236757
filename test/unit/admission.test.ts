/**
 * Fair admission without a server: slots per lane and per client, the order in which waiting
 * requests start, SERVICE_BUSY with Retry-After, what /ready reports, and that no slot outlives
 * the request's answer.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { describe, expect, it } from 'vitest';
import {
  Admission,
  admissionPlugin,
  AnsweredError,
  BusyError,
  identifyClient,
} from '../../src/api/admission.ts';
import { timeBudget } from '../../src/api/http-errors.ts';

const options = { perClient: 2, light: 3, heavy: 1, heavyPrice: 2_000, maxWaitMs: 200, queuePerClient: 2 };

describe('Admission', () => {
  it('a cheap operation starts at once while the heavy lane is full', async () => {
    const admission = new Admission(options);
    const heavy = await admission.acquire('a', 'heavy', undefined);
    const light = await admission.acquire('b', 'light', undefined);
    expect(admission.saturation()).toEqual({
      running: { light: 1, heavy: 1 },
      slots: { light: 3, heavy: 1 },
      waiting: 0,
      clients: 2,
      refused: 0,
      saturated: false,
    });
    heavy();
    light();
    expect(admission.saturation().clients).toBe(0);
  });

  it('a second heavy operation waits for the first, and starts when it ends', async () => {
    const admission = new Admission(options);
    const first = await admission.acquire('a', 'heavy', undefined);
    const second = admission.acquire('b', 'heavy', undefined);
    expect(admission.saturation().waiting).toBe(1);
    expect(admission.saturation().saturated).toBe(true);
    first();
    (await second)();
    expect(admission.saturation().running).toEqual({ light: 0, heavy: 0 });
  });

  it('a request that cannot start within maxWaitMs is SERVICE_BUSY with Retry-After', async () => {
    const admission = new Admission(options);
    const held = await admission.acquire('a', 'heavy', undefined);
    const error = await admission.acquire('b', 'heavy', undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusyError);
    expect((error as BusyError).message).toBe(
      'The service is busy: no slot for expensive operations came free within 200 ms. Try again in 1 s.',
    );
    expect((error as BusyError).extensions).toMatchObject({
      code: 'SERVICE_BUSY',
      retryAfter: 1,
      http: { status: 429 },
    });
    expect(admission.saturation()).toMatchObject({ waiting: 0, refused: 1 });
    held();
  });

  it('waits no longer than the request’s budget allows, minus a second to answer', async () => {
    const admission = new Admission({ ...options, maxWaitMs: 60_000 });
    const held = await admission.acquire('a', 'heavy', undefined);
    const started = Date.now();
    await expect(admission.acquire('b', 'heavy', Date.now() + 1_100)).rejects.toBeInstanceOf(BusyError);
    expect(Date.now() - started).toBeLessThan(5_000);
    held();
  });

  it('a client over its share waits; one with a full line is refused at once', async () => {
    const admission = new Admission(options);
    const a1 = await admission.acquire('a', 'light', undefined);
    const a2 = await admission.acquire('a', 'light', undefined);
    const a3 = admission.acquire('a', 'light', undefined);
    const a4 = admission.acquire('a', 'light', undefined);
    await expect(admission.acquire('a', 'light', undefined)).rejects.toThrow(
      'The service is busy: this client already has 2 requests waiting. Try again in 1 s.',
    );
    // Another client still gets the free slot at once.
    const b1 = await admission.acquire('b', 'light', undefined);
    a1();
    (await a3)();
    a2();
    (await a4)();
    b1();
  });

  it('when a slot frees, the waiting client with the fewest running goes first', async () => {
    const admission = new Admission({
      ...options,
      light: 2,
      perClient: 2,
      maxWaitMs: 1_000,
      queuePerClient: 4,
    });
    const a1 = await admission.acquire('a', 'light', undefined);
    const a2 = await admission.acquire('a', 'light', undefined);
    const order: string[] = [];
    const a3 = admission.acquire('a', 'light', undefined).then((r) => (order.push('a'), r));
    const b1 = admission.acquire('b', 'light', undefined).then((r) => (order.push('b'), r));
    a1();
    (await b1)();
    a2();
    (await a3)();
    expect(order).toEqual(['b', 'a']);
  });
});

describe('Admission: a slot lasts no longer than the answer', () => {
  it('gives the slot back when the answer is over, though the work goes on, and the next in line starts', async () => {
    const admission = new Admission(options);
    const answered = new AbortController();
    const release = await admission.acquire('a', 'heavy', undefined, answered.signal);
    const next = admission.acquire('b', 'heavy', undefined);
    expect(admission.saturation()).toMatchObject({ running: { heavy: 1 }, waiting: 1 });
    answered.abort();
    const second = await next;
    expect(admission.saturation()).toMatchObject({ running: { heavy: 1 }, waiting: 0, clients: 1 });
    // The late end of the first request's work changes nothing.
    release();
    expect(admission.saturation()).toMatchObject({ running: { heavy: 1 } });
    second();
    expect(admission.saturation()).toMatchObject({ running: { light: 0, heavy: 0 }, clients: 0 });
  });

  it('a request answered while in line leaves the line and never takes a slot', async () => {
    const admission = new Admission({ ...options, maxWaitMs: 60_000 });
    const held = await admission.acquire('a', 'heavy', undefined);
    const answered = new AbortController();
    const waiting = admission.acquire('b', 'heavy', undefined, answered.signal).catch((e: unknown) => e);
    answered.abort();
    const error = await waiting;
    expect(error).toBeInstanceOf(AnsweredError);
    expect((error as Error).message).toBe(
      'The request was answered (or its client left) before a slot came free.',
    );
    expect(admission.saturation()).toMatchObject({ waiting: 0, refused: 0, running: { heavy: 1 } });
    held();
    expect(admission.saturation()).toMatchObject({ running: { heavy: 0 }, clients: 0 });
  });

  it('through HTTP: after the time budget answers REQUEST_TIMEOUT, the client’s slot is free again', async () => {
    // A client allowed one operation at once, whose first request waits on work that never ends
    // (as a read waits on a hung engine): the budget answers it, and the next request gets a slot.
    const never = new Promise<never>(() => {});
    let calls = 0;
    const apollo = new ApolloServer({
      typeDefs: 'type Query { slow: Int, fast: Int }',
      resolvers: { Query: { slow: () => (calls++, never), fast: () => 1 } },
      plugins: [admissionPlugin(new Admission({ ...options, perClient: 1, maxWaitMs: 5_000 }))],
    });
    await apollo.start();
    const app = express();
    app.use(timeBudget(100), express.json(), identifyClient, expressMiddleware(apollo));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const ask = async (query: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    try {
      expect(await ask('{ slow }')).toEqual({
        status: 503,
        body: {
          errors: [
            {
              message: 'The request was not answered within its time budget of 100 ms; ask for less.',
              extensions: { code: 'REQUEST_TIMEOUT' },
            },
          ],
        },
      });
      expect(calls).toBe(1);
      expect(await ask('{ fast }')).toEqual({ status: 200, body: { data: { fast: 1 } } });
    } finally {
      server.closeAllConnections();
      server.close();
      await apollo.stop();
    }
  });
});
