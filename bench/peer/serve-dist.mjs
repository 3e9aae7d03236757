/* global process, console, URL */
/**
 * The service of `npm run bench:peer` exactly as `npm start` runs it: plain Node on the build in
 * dist/ (`npm run build:server`), no TypeScript loader in the process (bench/peer/serve.ts, which
 * serves the peer and the floor, runs under tsx). Connects to the Neo4j that NEO4J_URI names,
 * listens on a free loopback port and prints `listening <url>`.
 *
 * BENCH_CACHE=on: the response cache as the service's default (RESPONSE_CACHE=1000); otherwise off.
 * BENCH_EXECUTOR=jit|graphql-js: what runs operations (the API's `executor` option).
 * BENCH_DIST=/path/to/dist: another build (bench/peer/profile.ts profiles an earlier commit's).
 */
import { pathToFileURL } from 'node:url';
const dist = process.env.BENCH_DIST
  ? pathToFileURL(`${process.env.BENCH_DIST}/`)
  : new URL('../../dist/', import.meta.url);
const built = (module) => import(new URL(module, dist).href);
const { loadConfig } = await built('config.js');
const { openDatabase } = await built('db/open.js');
const { startServer, apiOptionsFrom } = await built('api/server.js');

// The ten connections of c=10 stand for ten clients, but all come from 127.0.0.1: admission
// (2 operations per client address by default) would run two at a time where the peer runs ten.
const config = loadConfig({
  ADMISSION_PER_CLIENT: '10',
  ...process.env,
  RESPONSE_CACHE: process.env.BENCH_CACHE === 'on' ? '' : 'off',
});
const { db } = await openDatabase(config);
const executor = process.env.BENCH_EXECUTOR;
const api = { ...apiOptionsFrom(config), ...(executor ? { executor } : {}) };
const server = await startServer(db, { port: 0, host: '127.0.0.1', api });
console.log(`listening ${server.url}`);
process.on('SIGTERM', () => process.exit(0));
