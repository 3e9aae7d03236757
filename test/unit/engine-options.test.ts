/**
 * The engine's JVM options: G1 for every engine (the API's tail latency), the parallel collector
 * only when NEO4J_ENGINE_GC=parallel asks for it (the engine a library load starts for itself).
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_JAVA_OPTIONS, engineJavaOptions } from '../../src/db/engine.ts';

describe('engine JVM options', () => {
  it('keeps G1 with its pause goal unless asked for the parallel collector', () => {
    expect(engineJavaOptions({})).toBe(ENGINE_JAVA_OPTIONS);
    expect(engineJavaOptions({ NEO4J_ENGINE_GC: 'g1' })).toEqual([
      '-Xms256m',
      '-Xmx1g',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=50',
      '-XX:+ExitOnOutOfMemoryError',
      '-XX:-OmitStackTraceInFastThrow',
    ]);
  });

  it('gives a load engine the parallel collector, the same heap and no G1 pause goal', () => {
    expect(engineJavaOptions({ NEO4J_ENGINE_GC: 'parallel' })).toEqual([
      '-Xms256m',
      '-Xmx1g',
      '-XX:+UseParallelGC',
      '-XX:+ExitOnOutOfMemoryError',
      '-XX:-OmitStackTraceInFastThrow',
    ]);
  });
});
