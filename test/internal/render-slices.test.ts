import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The slice state lives in the module: each test loads a fresh copy.
let slices: typeof import('../../src/internal/render-slices.js');
let clock = 0;
const nextTask = () => new Promise((done) => setTimeout(done, 0));

beforeEach(async () => {
  vi.resetModules();
  clock = 1_000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  slices = await import('../../src/internal/render-slices.js');
  await nextTask();
});
afterEach(() => vi.restoreAllMocks());

/** A render that takes `ms` of the (mocked) clock and notes its name. */
const work = (log: string[], name: string, ms: number) => () => {
  clock += ms;
  log.push(name);
  return name;
};

describe('render slices', () => {
  it('renders at once while the task has time left, so the first widget is not delayed', () => {
    const log: string[] = [];
    expect(slices.inRenderSlice(work(log, 'a', 3))).toBe('a');
    expect(slices.inRenderSlice(work(log, 'b', 3))).toBe('b');
    expect(log).toEqual(['a', 'b']);
  });

  it('past the slice, renders wait for later tasks, in order, a slice at a time', async () => {
    const log: string[] = [];
    const results = ['a', 'b', 'c', 'd', 'e'].map((name) => slices.inRenderSlice(work(log, name, slices.SLICE_MS / 2 + 1)));
    // Two renders fill the first slice; the rest wait.
    expect(log).toEqual(['a', 'b']);
    expect(results[2]).toBeInstanceOf(Promise);
    await nextTask();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    await nextTask();
    expect(log).toEqual(['a', 'b', 'c', 'd', 'e']);
    await expect(Promise.all(results.map((result) => Promise.resolve(result)))).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a task that opened its slice and spent it on other work (an upgrade) renders nothing itself', async () => {
    const log: string[] = [];
    slices.openSlice();
    clock += slices.SLICE_MS; // upgrading many elements
    const first = slices.inRenderSlice(work(log, 'a', 1));
    expect(log).toEqual([]);
    await nextTask();
    expect(log).toEqual(['a']);
    await expect(first).resolves.toBe('a');
  });

  it('a later task starts a fresh slice', async () => {
    const log: string[] = [];
    expect(slices.inRenderSlice(work(log, 'a', slices.SLICE_MS))).toBe('a');
    await nextTask();
    expect(slices.inRenderSlice(work(log, 'b', 1))).toBe('b');
  });

  it('a render that throws rejects its own promise and the next ones still render', async () => {
    const log: string[] = [];
    expect(slices.inRenderSlice(work(log, 'a', slices.SLICE_MS))).toBe('a');
    const failing = slices.inRenderSlice(() => {
      throw new Error('render failed');
    });
    const after = slices.inRenderSlice(work(log, 'c', 1));
    const settled = Promise.allSettled([failing, after]);
    await nextTask();
    const [failed, rendered] = await settled;
    expect(failed).toMatchObject({ status: 'rejected', reason: new Error('render failed') });
    expect(rendered).toEqual({ status: 'fulfilled', value: 'c' });
  });
});
