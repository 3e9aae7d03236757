// Entry of compare's worker threads (align-pool.ts): the service runs TypeScript through tsx,
// and a worker thread starts without the main thread's loader, so it registers tsx first.
import { register } from 'tsx/esm/api';

register();
const task = await import('./compare-task.ts');

export default task.default;
