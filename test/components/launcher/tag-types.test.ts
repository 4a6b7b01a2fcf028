// The framework typings (feelback/react, feelback/react/jsx, feelback/vue) take the launcher's
// attributes from LauncherAttributes; the element reads the ones in observedAttributes.
import { describe, expect, it } from 'vitest';
import type { LauncherAttributes } from '../../../src/components/tag-types.js';
import { Launcher } from '../../../src/components/launcher/launcher.js';

// `satisfies` makes the type check (npm run typecheck) fail on a key missing here or not in LauncherAttributes.
const typedAttributes = {
  display: true,
  position: true,
  url: true,
  delay: true,
  scroll: true,
  'exit-intent': true,
  'on-click': true,
  'on-event': true,
  frustration: true,
  manual: true,
  sample: true,
  'answered-days': true,
  'dismissed-days': true,
  'launcher-id': true,
} satisfies Record<keyof LauncherAttributes, true>;

describe('LauncherAttributes', () => {
  it('types exactly the attributes <feelback-launcher> observes', () => {
    expect(Object.keys(typedAttributes).sort()).toEqual([...Launcher.observedAttributes].sort());
  });
});
