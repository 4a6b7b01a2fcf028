/**
 * Runs `task` when the main thread is next idle, so work that no first render
 * needs (loading web-vitals, the transport, an element's code) stays off the
 * path to the first widget. `requestIdleCallback` where there is one (its
 * timeout bounds the wait on a busy page), else a macrotask.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number })
    .requestIdleCallback;
  if (typeof idle === 'function') idle(task, { timeout: timeoutMs });
  else setTimeout(task, 1);
}
