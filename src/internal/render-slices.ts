/**
 * Spreads the first renders of many elements over several tasks, so a page
 * with fifty rating bars never blocks its main thread for long (a long task,
 * ≥ 50 ms, delays every input on the page). Elements render at once while the
 * current slice has time left; the rest wait for the next task, in order, a
 * slice at a time. The browser can paint and answer input in between. The
 * first element on a page always renders at once, so the first widget is not
 * delayed, and `feelback.css` keeps the waiting ones' boxes from moving.
 */

/** Work per slice; well under the 50 ms of a long task, leaving room for the upgrade and layout. */
export const SLICE_MS = 10;

let sliceStart: number | undefined;
const waiting: Array<() => void> = [];
let drainScheduled = false;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Starts the current task's slice now, so that work this task has already begun
 * (upgrading many elements, say) counts against it: a task that starts with
 * more than a slice of other work renders nothing itself.
 */
export function openSlice(): void {
  sliceStart = now();
  // The slice ends with the task: the next one starts fresh.
  setTimeout(() => {
    sliceStart = undefined;
  }, 0);
}

function scheduleDrain(): void {
  if (drainScheduled) return;
  drainScheduled = true;
  setTimeout(drain, 0);
}

function drain(): void {
  drainScheduled = false;
  openSlice();
  while (waiting.length > 0) {
    if (now() - sliceStart! >= SLICE_MS) {
      scheduleDrain();
      return;
    }
    waiting.shift()!();
  }
}

/**
 * Runs `render` now if the current slice has time left and nothing is waiting,
 * else in a later slice; returns its result or a promise of it.
 */
export function inRenderSlice<T>(render: () => T): T | Promise<T> {
  if (sliceStart === undefined && waiting.length === 0) openSlice();
  if (waiting.length === 0 && now() - sliceStart! < SLICE_MS) return render();
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      try {
        resolve(render());
      } catch (error) {
        reject(error);
      }
    });
    scheduleDrain();
  });
}
