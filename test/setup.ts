// Runs before every unit test file (vitest.config.ts `setupFiles`): each test starts on a
// clean page (no configure() left over, every warning able to fire again, an empty body)
// and can use the shared matchers below.
import { afterEach, beforeEach, expect } from 'vitest';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

expect.extend({
  /** A lowercase RFC 9562 version 4 UUID, the wire format's event and session ids. */
  toBeUuidV4(received: unknown) {
    const pass = typeof received === 'string' && UUID_V4.test(received);
    return {
      pass,
      message: () => `expected ${this.utils.printReceived(received)} ${pass ? 'not ' : ''}to be a version 4 UUID`,
    };
  },
});

declare module 'vitest' {
  interface Matchers<T = any> {
    toBeUuidV4(): T;
  }
}

// Imported when the hooks run, not at the top: a module this file imported would be cached
// before the test file's vi.mock() calls (web-vitals, say) could replace its dependencies.
beforeEach(async () => {
  const [{ resetConfig }, { resetWarnings }] = await Promise.all([import('../src/config.js'), import('../src/internal/warn.js')]);
  resetConfig();
  resetWarnings();
});

afterEach(() => {
  if (typeof document !== 'undefined') document.body.replaceChildren();
});
