/**
 * What every hostile case checks besides its own answer: the body is JSON with a coded error and
 * no stack or file path, the service still answers /health, and the graph is as it was.
 */
import { request } from 'node:http';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/**
 * A request exactly as given (fetch would fix up headers and bodies a hostile client sends as they
 * are); a body given as an array of chunks is sent chunked.
 */
export function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Buffer[] } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (Array.isArray(options.body)) {
      for (const chunk of options.body) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

/** Stack frames, absolute paths of this machine, Node's internal module names. */
const LEAK =
  /\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|\/work\/|\/home\/|\/root\/|node_modules|node:internal|stacktrace/;

export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(LEAK);
}

/** A JSON body `{ errors: [{ message, extensions: { code } }] }` with that code, and no leak. */
export function expectCodedError(answer: RawAnswer, status: number, code: string): { message: string } {
  expectNoLeak(answer.text);
  expect(answer.status, answer.text).toBe(status);
  expect(String(answer.headers['content-type'])).toMatch(/^application\/(graphql-response\+)?json/);
  const body = JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] };
  expect(body.errors[0]!.extensions.code, answer.text).toBe(code);
  return body.errors[0]!;
}

export async function expectAlive(url: string): Promise<void> {
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(200);
}

/** Counts of every label and relationship type: equal before and after means nothing was written. */
export async function graphSnapshot(db: Database): Promise<string> {
  const [labels, relationships] = await Promise.all([
    db.read('count-all-labels'),
    db.read('count-all-relationships'),
  ]);
  return JSON.stringify({ labels, relationships });
}
