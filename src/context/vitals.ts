import type { MetricType } from 'web-vitals';
import { whenIdle } from '../internal/idle.js';
import { warnOnce } from '../internal/warn.js';
import type { Vitals } from './event.js';

let observing = false;
let started: Promise<void> | undefined;
const latest: Vitals = {};

function record(metric: MetricType): void {
  latest[metric.name as keyof Vitals] = { value: metric.value, rating: metric.rating };
}


/**
 * Starts observing Core Web Vitals, once per page however often it is called.
 *
 * web-vitals is loaded and started when the page is next idle, off the path to
 * the first widget: its observers ask for buffered entries, so TTFB, FCP, LCP
 * and CLS come out the same as if they had started with the page. INP sees
 * only interactions that lasted at least 104 ms before it started (the
 * browser buffers no shorter ones); docs/performance.md says more.
 * `reportAllChanges` keeps `latest` current, so an event built at any moment
 * carries the values the visitor has experienced so far.
 */
export function observeVitals(): void {
  // Server rendering has no page to measure (and web-vitals reads `document` as it loads).
  if (observing || typeof document === 'undefined') return;
  observing = true;
  started = new Promise((done) =>
    whenIdle(() => {
      import('web-vitals')
        .then(({ onTTFB, onFCP, onLCP, onCLS, onINP }) => {
          const options = { reportAllChanges: true };
          onTTFB(record, options);
          onFCP(record, options);
          onLCP(record, options);
          onCLS(record, options);
          onINP(record, options);
        })
        .catch((error: unknown) => {
          // A file that cannot load (offline, a CDN 404, a CSP) costs the vitals, never an answer.
          warnOnce(`could not load web-vitals (${String((error as Error)?.message ?? error)}); answers are sent without vitals.`);
        })
        .finally(done);
    }),
  );
}

/** Resolves once observing has started (or failed to); test hook. */
export function vitalsStarted(): Promise<void> {
  return started ?? Promise.resolve();
}

/** A copy of the latest values, or `undefined` before any has been reported. */
export function currentVitals(): Vitals | undefined {
  const names = Object.keys(latest) as (keyof Vitals)[];
  if (names.length === 0) return undefined;
  const copy: Vitals = {};
  for (const name of names) copy[name] = { ...latest[name]! };
  return copy;
}
