import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from 'web-vitals';
import type { Vitals } from './event.js';

let observing = false;
const latest: Vitals = {};

function record(metric: MetricType): void {
  latest[metric.name as keyof Vitals] = { value: metric.value, rating: metric.rating };
}

/**
 * Starts observing Core Web Vitals, once per page however often it is called.
 * `reportAllChanges` keeps `latest` current, so an event built at any moment
 * carries the values the visitor has experienced so far.
 */
export function observeVitals(): void {
  // Server rendering has no page to measure (and web-vitals reads `document` as it loads).
  if (observing || typeof document === 'undefined') return;
  observing = true;
  try {
    const options = { reportAllChanges: true };
    onTTFB(record, options);
    onFCP(record, options);
    onLCP(record, options);
    onCLS(record, options);
    onINP(record, options);
  } catch {
    // Environments without PerformanceObserver simply report no vitals.
  }
}

/** A copy of the latest values, or `undefined` before any has been reported. */
export function currentVitals(): Vitals | undefined {
  const names = Object.keys(latest) as (keyof Vitals)[];
  if (names.length === 0) return undefined;
  const copy: Vitals = {};
  for (const name of names) copy[name] = { ...latest[name]! };
  return copy;
}
