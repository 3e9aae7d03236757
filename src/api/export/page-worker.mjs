// Entry of an export's worker thread (exports.ts) when the service runs TypeScript through tsx:
// a worker thread starts without the main thread's loader, so it registers tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./page-task.ts');
