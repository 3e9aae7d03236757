/**
 * The amplification query of the report, answered (limits lifted: the service as it was) or
 * refused (the service as it is): its answer time and size, the peak RSS of node, and /health's
 * latency while six such requests run at once, then while six clients send it back to back for
 * SUSTAIN_SECONDS (default 30), against /health's latency on the idle service just before. The
 * clients run in the service's own process (as in the soak), so the figures are pessimistic.
 *
 *   npx tsx bench/hostile/amplification.ts after     # the cost limit on (default settings)
 *   npx tsx bench/hostile/amplification.ts before --one   # cost limit and time budget lifted, one request
 */
import { AMPLIFICATION, percentile, post, rssMb, startBench } from './common.ts';

const mode = process.argv[2] === 'before' ? 'before' : 'after';

async function main() {
  const bench = await startBench(
    mode === 'before' ? { maxCost: Number.MAX_SAFE_INTEGER, requestTimeoutMs: 600_000 } : {},
  );
  try {
    let peak = rssMb(process.pid);
    const idle = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(process.pid));
    }, 100);

    // The first request of a fresh process pays for compiling the Cypher it runs: timed apart.
    const cold = performance.now();
    await post(bench.url, AMPLIFICATION);
    const coldMs = Math.round(performance.now() - cold);
    const started = performance.now();
    const one = await post(bench.url, AMPLIFICATION);
    const oneMs = performance.now() - started;
    const code =
      one.status === 200 && !one.body.startsWith('{"errors"') ? 'data' : /"code":"(\w+)"/.exec(one.body)?.[1];
    const peakOne = peak;

    // Six at once, and /health every 50 ms until they are all answered (skipped for `before`
    // with --one: six 57 MB answers at once take minutes and gigabytes).
    if (process.argv.includes('--one')) {
      clearInterval(sampler);
      console.log(
        JSON.stringify(
          {
            mode,
            answer: { status: one.status, code, bytes: one.bytes, ms: Math.round(oneMs) },
            nodeRssMb: { idle, peakOneRequest: peakOne },
          },
          null,
          2,
        ),
      );
      return;
    }
    const health: number[] = [];
    let done = false;
    const six = Promise.all(Array.from({ length: 6 }, () => post(bench.url, AMPLIFICATION))).finally(() => {
      done = true;
    });
    const sixStarted = performance.now();
    while (!done) {
      const t = performance.now();
      await fetch(`${bench.url}/health`);
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    await six;
    const sixMs = performance.now() - sixStarted;

    const idleHealth = await sampleHealth(bench.url, 5_000);
    const seconds = Number(process.env['SUSTAIN_SECONDS'] ?? 30);
    const until = performance.now() + seconds * 1000;
    const codes: Record<string, number> = {};
    const attackers = Array.from({ length: 6 }, async () => {
      while (performance.now() < until) {
        const answer = await post(bench.url, AMPLIFICATION);
        const key = `${answer.status} ${/"code":"(\w+)"/.exec(answer.body)?.[1] ?? 'data'}`;
        codes[key] = (codes[key] ?? 0) + 1;
      }
    });
    const underAttack = await sampleHealth(bench.url, seconds * 1000);
    await Promise.all(attackers);
    clearInterval(sampler);

    console.log(
      JSON.stringify(
        {
          mode,
          answer: { status: one.status, code, bytes: one.bytes, ms: Math.round(oneMs), firstMs: coldMs },
          nodeRssMb: { idle, peakOneRequest: peakOne, peakUnderAttack: peak },
          sixAtOnce: { ms: Math.round(sixMs) },
          health: {
            samples: health.length,
            p50: Math.round(percentile(health, 50)),
            p99: Math.round(percentile(health, 99)),
            max: Math.round(Math.max(...health)),
          },
          sustained: {
            seconds,
            clients: 6,
            answers: codes,
            healthIdle: summary(idleHealth),
            healthUnderAttack: summary(underAttack),
          },
          javaRssMb: rssMb(bench.enginePid()),
        },
        null,
        2,
      ),
    );
  } finally {
    await bench.close();
  }
}

/** /health answered back to back with 50 ms pauses for `ms`: each answer's time. */
async function sampleHealth(url: string, ms: number): Promise<number[]> {
  const times: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const t = performance.now();
    const response = await fetch(`${url}/health`);
    await response.text();
    if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return times;
}

function summary(times: number[]) {
  return {
    samples: times.length,
    p50: Number(percentile(times, 50).toFixed(1)),
    p99: Number(percentile(times, 99).toFixed(1)),
    max: Number(Math.max(...times).toFixed(1)),
  };
}

await main();
