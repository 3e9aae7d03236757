/**
 * One server of the side-by-side benchmark, run as its own process so its CPU time can be read
 * from /proc: `tsx bench/peer/serve.ts peer|floor` (this service runs from serve-dist.mjs, without
 * tsx). Connects to the Neo4j that NEO4J_URI names, listens on a free loopback port and prints
 * `listening <url>` once it answers.
 *
 * - peer:  @neo4j/graphql 7 over the same graph (type definitions in ./type-defs.graphql),
 *          served by @apollo/server's standalone HTTP server, as its documentation shows;
 * - floor: a bare node:http server answering a fixed JSON body, the most any server here could do;
 *          with a header `x-floor-bytes: N`, a JSON body of N bytes instead.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const kind = process.argv[2];
const HOST = '127.0.0.1';

async function servePeer(): Promise<string> {
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const neo4j = (await import('neo4j-driver')).default;
  const driver = neo4j.driver(
    process.env['NEO4J_URI']!,
    neo4j.auth.basic(process.env['NEO4J_USER'] ?? 'neo4j', process.env['NEO4J_PASSWORD'] ?? ''),
  );
  const typeDefs = readFileSync(new URL('./type-defs.graphql', import.meta.url), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: HOST },
    context: async () => ({}),
  });
  return url.replace(/\/$/, '');
}

/**
 * A JSON answer of exactly `bytes` bytes (at least the plain answer's), made once per size: what a
 * floor sends when asked to answer as many bytes as a cached answer of this service.
 */
const sized = new Map<number, Buffer>();
function bodyOf(bytes: number, plain: string): Buffer {
  let body = sized.get(bytes);
  if (body === undefined) {
    const pad = Math.max(0, bytes - Buffer.byteLength(JSON.stringify({ data: { ok: '' } })));
    body = pad === 0 ? Buffer.from(plain) : Buffer.from(JSON.stringify({ data: { ok: 'x'.repeat(pad) } }));
    sized.set(bytes, body);
  }
  return body;
}

async function serveFloor(): Promise<string> {
  const body = JSON.stringify({ data: { ok: true } });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      // `x-floor-bytes: N`: the same floor with an answer of N bytes (bench/peer/run.ts's sized floor).
      const asked = Number(req.headers['x-floor-bytes']);
      const answer = Number.isInteger(asked) && asked > 0 ? bodyOf(asked, body) : body;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  return `http://${HOST}:${(server.address() as AddressInfo).port}`;
}

const start = { peer: servePeer, floor: serveFloor }[kind ?? ''];
if (start === undefined) {
  console.error(`usage: tsx bench/peer/serve.ts peer|floor (got ${kind ?? 'nothing'})`);
  process.exit(2);
}
const url = await start();
console.log(`listening ${url}`);
process.on('SIGTERM', () => process.exit(0));
