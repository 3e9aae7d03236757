// Entry of the parse worker threads (pool.ts) when the code runs as TypeScript (tsx: tests,
// benchmarks): a worker thread starts without the main thread's loader, so it registers tsx first.
import { register } from 'tsx/esm/api';

register();
const task = await import('./parse-task.ts');

export default task.default;
