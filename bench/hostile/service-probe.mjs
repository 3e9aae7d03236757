/* global process, setInterval */
/**
 * Loaded into the service's own process by the availability bench (`node --import` this file
 * dist/cli/start.js): reports, when the bench asks over the IPC channel, the event loop's delay
 * (perf_hooks' histogram, 10 ms resolution) and the process's resident memory, both since the
 * last reset. Nothing of it runs in `npm start`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The peak, with what made it up then: the main thread's V8 heap, and memory outside it
  // (buffers; worker threads' heaps count in the RSS only).
  let peak = process.memoryUsage();
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  }, 250);
  sampler.unref();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on('message', (message) => {
    if (message === 'reset') {
      delay.reset();
      peak = process.memoryUsage();
      process.send({ reset: true });
    } else if (message === 'report') {
      process.send({
        lagP50: ms(delay.percentile(50)),
        lagP99: ms(delay.percentile(99)),
        lagMax: ms(delay.max),
        rssPeakMb: Math.round(peak.rss / 2 ** 20),
        heapAtPeakMb: Math.round(peak.heapTotal / 2 ** 20),
        heapUsedAtPeakMb: Math.round(peak.heapUsed / 2 ** 20),
        externalAtPeakMb: Math.round(peak.external / 2 ** 20),
        rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
      });
    }
  });
  // The channel must not keep the service alive once it is asked to stop, and a bench that dies
  // takes its service with it (the same stop as Ctrl-C).
  process.channel?.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGINT'));
}
