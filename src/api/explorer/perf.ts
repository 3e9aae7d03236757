/**
 * The page's own timings, as User Timing entries (performance.mark / measure) that the browser
 * test and bench/explorer.ts read and print; the devtools' Performance panel shows them too.
 *
 *   explorer:script           mark: the first script runs (HTML, bundle download and parse before it)
 *   explorer:first-graph      mark: the first graph is laid out and clickable (from navigation)
 *   explorer:first-request    measure: the first graph's data, sent → received
 *   explorer:layout           measure: each layout (the last one wins when read by name)
 *   explorer:search           measure: a search sent → its results listed
 *   explorer:result-to-graph  measure: a result (or a node) picked → its neighbourhood drawn
 *   explorer:expand           measure: a click on a node → the graph redrawn with its neighbours
 *   explorer:compare          measure: the compare view asked for → tables and drawing shown
 */
export type MeasureName =
  | 'explorer:first-request'
  | 'explorer:layout'
  | 'explorer:search'
  | 'explorer:result-to-graph'
  | 'explorer:expand'
  | 'explorer:compare';

/** A running measure: `end()` records it from its start to now and returns its duration (ms). */
export function begin(name: MeasureName): { end(): number } {
  const start = performance.now();
  return {
    end: () => performance.measure(name, { start, end: performance.now() }).duration,
  };
}

/** Marks a moment once (later calls keep the first): the script's start, the first graph. */
export function markOnce(name: 'explorer:script' | 'explorer:first-graph'): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
