/**
 * Test helper process: starts loading a plan, then stops inside the open transaction and waits to
 * be killed (the atomicity test sends SIGKILL and checks that the previous graph is intact).
 */
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/open.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { parseFile } from './plans.ts';

const [file] = process.argv.slice(2);
const { db } = await openDatabase(loadConfig());
await loadPlan(db, parseFile(file!), {
  force: true,
  onStep: async (step) => {
    if (step === 'mentions') {
      process.stdout.write('PAUSED INSIDE TRANSACTION\n');
      await new Promise(() => {});
    }
  },
});
