/**
 * A port is checked before anything slow starts: a busy PORT found after the engine booted and
 * the seed loaded costs a newcomer a minute for nothing.
 */
import { createServer } from 'node:net';

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/**
 * Resolves when `port` can be bound on `host` right now (0 always can); rejects with a
 * PortInUseError that names the variable to change otherwise.
 */
export function checkPortFree(port: number, host: string, variable: string, option: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(
          new PortInUseError(
            `${variable}: expected a free port, found ${port} on ${host} ${
              error.code === 'EACCES' ? 'not allowed to this user' : 'already in use by another process'
            }; stop that process or choose another port (${variable}=… or ${option} …, 0 = any free port)`,
          ),
        );
      } else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
