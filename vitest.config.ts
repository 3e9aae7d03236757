import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing; integration tests share one Neo4j engine that
// test/setup/engine.ts starts (or the server NEO4J_URI names) for the whole run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          // test/hostile: what a hostile but fair client sends (docs/security.md).
          include: [
            'test/integration/**/*.test.ts',
            'test/browser/**/*.test.ts',
            'test/hostile/**/*.test.ts',
          ],
          globalSetup: ['test/setup/engine.ts'],
          // Generous: the engine restart tests take ~45 s on a quiet 2-core machine.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One engine for the run; files run one after another so they never race on the graph.
          fileParallelism: false,
        },
      },
    ],
  },
});
