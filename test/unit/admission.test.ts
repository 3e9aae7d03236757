/**
 * Fair admission without a server: slots per lane and per client, the order in which waiting
 * requests start, SERVICE_BUSY with Retry-After, and what /ready reports.
 */
import { describe, expect, it } from 'vitest';
import { Admission, BusyError } from '../../src/api/admission.ts';

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
