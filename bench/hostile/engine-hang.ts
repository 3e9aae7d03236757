/**
 * A hung engine, measured: the embedded engine is started as `npm start` starts it (supervised,
 * with the liveness probe's default timing), stopped with SIGSTOP once it has answered a check,
 * and the times are taken from the supervisor's own log lines: the first missed check, the kill,
 * the restarted engine's readiness, and the first `RETURN 1` answered again through the same
 * driver the API uses.
 *
 *   npx tsx bench/hostile/engine-hang.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, ping } from '../../src/db/connect.ts';
import { PROBE_DEFAULTS } from '../../src/db/supervisor.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-hang-'));
const events: { at: number; line: string }[] = [];
const connection = await connectDatabase(
  {
    neo4jUri: null,
    neo4jUser: 'neo4j',
    neo4jPassword: null,
    neo4jDatabase: 'neo4j',
    neo4jDataDir: dataDir,
    neo4jPort: 0,
  },
  { onLog: (line) => events.push({ at: Date.now(), line }) },
);
try {
  // Until the probe has had an answer from this engine (its later checks get the short timeout).
  await new Promise((r) => setTimeout(r, PROBE_DEFAULTS.intervalMs * 2 + 2_000));
  const hung = connection.engine!.pid;
  const stoppedAt = Date.now();
  process.kill(hung, 'SIGSTOP');
  let answeredAt = 0;
  while (Date.now() - stoppedAt < 300_000) {
    if (connection.engine!.pid !== hung) {
      const ok = await ping(connection.driver, 'neo4j').then(
        () => true,
        () => false,
      );
      if (ok) {
        answeredAt = Date.now();
        break;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const when = (pattern: RegExp) => {
    const event = events.find((e) => e.at >= stoppedAt && pattern.test(e.line));
    return event ? `${((event.at - stoppedAt) / 1000).toFixed(1)} s` : '—';
  };
  console.log(
    `probe: every ${PROBE_DEFAULTS.intervalMs / 1000} s, ${PROBE_DEFAULTS.timeoutMs / 1000} s allowed, ` +
      `${PROBE_DEFAULTS.failures} misses in a row`,
  );
  console.log(`| after SIGSTOP | s |\n| --- | --- |`);
  console.log(`| first missed check | ${when(/failed its liveness check 1 of/)} |`);
  console.log(`| killed as hung | ${when(/is hung: killing it/)} |`);
  console.log(`| restarted engine ready | ${when(/the engine is back/)} |`);
  console.log(
    `| first RETURN 1 answered again | ${answeredAt ? `${((answeredAt - stoppedAt) / 1000).toFixed(1)} s` : '—'} |`,
  );
  for (const e of events.filter((x) => x.at >= stoppedAt && !x.line.startsWith('NEO4J-ENGINE'))) {
    console.log(`  +${((e.at - stoppedAt) / 1000).toFixed(1)} s  ${e.line}`);
  }
} finally {
  await connection.close();
  rmSync(dataDir, { recursive: true, force: true });
}
