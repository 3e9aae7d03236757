/**
 * What the front (src/api/http/front.ts) does in place of Express's middleware must be what the
 * middleware does: the JSON body as express.json() parses it (or the same error type), the CORS
 * headers the cors middleware sets, the Host answer of the Host guard.
 */
import { Readable } from 'node:stream';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { corsHeaders, corsMiddleware, type CorsOrigins } from '../../src/api/cors.ts';
import { hostAllowed, hostCheck } from '../../src/api/http-guards.ts';
import { parseJsonBody } from '../../src/api/http/body.ts';

/** express.json() on these bytes: the body it sets, or the type of the error it passes on. */
function expressJson(bytes: Buffer): Promise<{ body?: unknown; error?: string }> {
  const req = Object.assign(Readable.from([bytes]), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
  }) as unknown as express.Request;
  return new Promise((resolve) => {
    express.json({ limit: '200kb' })(req, {} as express.Response, (error?: unknown) =>
      resolve(
        error === undefined ? { body: req.body as unknown } : { error: (error as { type: string }).type },
      ),
    );
  });
}

function front(bytes: Buffer): { body?: unknown; error?: string } {
  try {
    return { body: parseJsonBody(bytes) };
  } catch (error) {
    return { error: (error as { type: string }).type };
  }
}

describe('parseJsonBody reads a UTF-8 body as express.json() does', () => {
  const bodies = [
    '{"query":"{ plans { id } }"}',
    '  \n\t{"query":"{ plans { id } }","variables":{"id":"组人部"}}',
    '[{"query":"{ a }"}]',
    '\ufeff{"query":"{ plans { id } }"}',
    '',
    'null',
    '42',
    '"a string"',
    '{"query": "{ plans { id } }"',
    '{"a":1} x',
    '   ',
  ];
  it.each(bodies)('%j', async (text) => {
    const bytes = Buffer.from(text, 'utf8');
    const expected = await expressJson(bytes);
    expect(front(bytes)).toEqual(expected);
  });

  it("refuses what is not an object or array with body-parser's type and status", () => {
    expect(() => parseJsonBody(Buffer.from('null'))).toThrow(
      expect.objectContaining({ type: 'entity.parse.failed', status: 400 }),
    );
  });
});

/** The access-control-* headers the cors middleware sets on an actual request from `origin`. */
function middlewareHeaders(origins: CorsOrigins, origin: string | undefined): string[] {
  const headers = new Map<string, string>();
  const res = {
    statusCode: 200,
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
  };
  const req = { method: 'POST', headers: origin === undefined ? {} : { origin } };
  let passed = false;
  corsMiddleware(origins)(req as never, res as never, () => {
    passed = true;
  });
  expect(passed).toBe(true);
  return [...headers].filter(([name]) => name.startsWith('access-control-')).flat();
}

describe('corsHeaders gives what the cors middleware gives', () => {
  const origins: CorsOrigins[] = ['*', ['http://localhost:5173', 'null']];
  const from = [undefined, 'http://localhost:5173', 'null', 'https://example.org'];
  for (const list of origins) {
    it.each(from)(`origins ${JSON.stringify(list)}, request from %s`, (origin) => {
      expect([...corsHeaders(list)(origin)]).toEqual(middlewareHeaders(list, origin));
    });
  }
});

describe('hostCheck: the names the service answers to, the same when asked again', () => {
  const cases: [string, readonly string[], string, boolean][] = [
    ['127.0.0.1', ['localhost'], 'localhost:4000', true],
    ['127.0.0.1', ['localhost'], '127.0.0.1:4000', true],
    ['127.0.0.1', ['localhost'], 'evil.example', false],
    ['0.0.0.0', ['localhost'], '10.1.2.3:4000', true],
    ['0.0.0.0', ['localhost'], 'evil.example:4000', false],
    ['::1', [], '[::1]:4000', true],
    ['::1', [], 'localhost:4000', false],
    ['127.0.0.1', ['plans.example'], 'PLANS.example:80', true],
    ['127.0.0.1', ['*'], 'anything', true],
  ];
  it.each(cases)('bound %s, allowed %j, Host %s: %s', (bound, allowed, header, expected) => {
    const check = hostCheck(bound, allowed);
    expect([check(header), check(header), hostAllowed(header, bound, allowed)]).toEqual([
      expected,
      expected,
      expected,
    ]);
  });
});
