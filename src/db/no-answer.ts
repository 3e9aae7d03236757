/**
 * A read that the server never answers. Neo4j ends a transaction at its timeout and says so; the
 * driver, though, waits on a silent socket for ever (a stopped or hung engine), and so would the
 * request that started the read, holding its admission slot after its HTTP answer has gone.
 */
import { DatabaseError } from './errors.ts';

/** How long past its transaction timeout a read waits for the server's own answer. */
export const NO_ANSWER_GRACE_MS = 2_000;

/**
 * `pending`, or a TIMEOUT DatabaseError once `ms` pass without an answer (`onAbandon` is told, so
 * the caller does not wait on the session either). The late outcome is swallowed, never unhandled.
 */
export async function answerWithin<T>(
  pending: PromiseLike<T>,
  ms: number,
  name: string,
  onAbandon: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = Promise.resolve(pending);
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onAbandon();
      late.catch(() => undefined);
      reject(
        new DatabaseError('TIMEOUT', `cypher/${name}.cypher: the database gave no answer within ${ms} ms`),
      );
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([late, silence]);
  } finally {
    clearTimeout(timer);
  }
}
