import { describe, expect, it, vi } from 'vitest';
import { METADATA_MAX_BYTES, mergeMetadata, toJsonSafeMetadata } from '../../src/context/metadata.js';

describe('mergeMetadata', () => {
  it('merges key by key, the element over the page-wide values', () => {
    const warn = vi.fn();
    expect(mergeMetadata({ app: 'shop', plan: 'free' }, { plan: 'pro', cart: 3 }, '<x>', warn)).toEqual({
      app: 'shop',
      plan: 'pro',
      cart: 3,
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('is undefined when neither side has anything, so events carry no empty metadata', () => {
    expect(mergeMetadata(undefined, undefined, '<x>', vi.fn())).toBeUndefined();
    expect(mergeMetadata({}, { gone: undefined }, '<x>', vi.fn())).toBeUndefined();
  });

  it('survives hostile metadata: the result serializes, with what can be sent kept and one warning naming the rest', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const warn = vi.fn();
    const merged = mergeMetadata(
      { app: 'shop' },
      {
        onClick: () => 1,
        circular,
        element: document.createElement('div'),
        big: 10n,
        when: new Date('2024-05-01T12:00:00Z'),
        ratio: Number.NaN,
        tags: ['a', () => 2, 'b'],
        plan: 'pro',
      },
      '<feelback-rating-bar>',
      warn,
    );
    expect(JSON.parse(JSON.stringify(merged))).toEqual({
      app: 'shop',
      circular: { name: 'loop' },
      when: '2024-05-01T12:00:00.000Z',
      tags: ['a', null, 'b'],
      plan: 'pro',
    });
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.mock.calls[0][0] as string;
    expect(message).toContain('<feelback-rating-bar> metadata: dropped');
    expect(message).toContain('onClick (a function)');
    expect(message).toContain('circular.self (a circular reference)');
    expect(message).toContain('element (a HTMLDivElement)');
  });

  it('keeps a shared (non-circular) object seen twice', () => {
    const shared = { id: 1 };
    expect(mergeMetadata(undefined, { a: shared, b: shared }, '<x>', vi.fn())).toEqual({ a: { id: 1 }, b: { id: 1 } });
  });

  it('a getter that throws or a Proxy that throws does not throw into the page', () => {
    const withGetter = {
      ok: 1,
      get broken() {
        throw new Error('boom');
      },
    };
    const hostileProxy = new Proxy({}, {
      ownKeys() {
        throw new Error('no');
      },
    });
    const warn = vi.fn();
    expect(mergeMetadata(hostileProxy, withGetter, '<x>', warn)).toEqual({ ok: 1 });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('caps the size: whole keys that do not fit are dropped with a warning', () => {
    const warn = vi.fn();
    const merged = mergeMetadata(
      { app: 'shop' },
      { note: 'x'.repeat(METADATA_MAX_BYTES), plan: 'pro' },
      '<x>',
      warn,
    )!;
    expect(merged).toEqual({ app: 'shop', plan: 'pro' });
    expect(new TextEncoder().encode(JSON.stringify(merged)).length).toBeLessThanOrEqual(METADATA_MAX_BYTES);
    expect(warn.mock.calls[0][0]).toContain(`note (over the ${METADATA_MAX_BYTES}-byte metadata limit)`);
  });

  it('counts bytes, not characters: emoji fill the cap faster', () => {
    const merged = mergeMetadata(undefined, { a: '😀'.repeat(METADATA_MAX_BYTES / 4), b: 1 }, '<x>', vi.fn())!;
    expect(merged).toEqual({ b: 1 });
  });

  it('a non-object element metadata is ignored with a warning, the page-wide kept', () => {
    const warn = vi.fn();
    expect(mergeMetadata({ app: 'shop' }, 'plan=pro', '<x>', warn)).toEqual({ app: 'shop' });
    expect(warn.mock.calls[0][0]).toContain('<x> metadata: dropped everything (not a plain object)');
  });

  it('a "__proto__" key stays data and never changes the prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "plan": "pro"}');
    const merged = mergeMetadata(undefined, hostile, '<x>', vi.fn())!;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(merged))).toEqual(hostile);
  });
});

describe('toJsonSafeMetadata', () => {
  it('drops nesting deeper than it will send', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    const report = vi.fn();
    const safe = toJsonSafeMetadata({ deep, keep: 1 }, report)!;
    expect(safe.keep).toBe(1);
    expect(JSON.stringify(safe)).not.toContain('leaf');
    expect(report.mock.calls[0][0][0]).toMatch(/nested deeper than/);
  });
});
