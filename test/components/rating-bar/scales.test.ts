import { describe, expect, it } from 'vitest';
import { SCALE_NAMES, scaleDefinition } from '../../../src/components/rating-bar/scales.js';

describe('scale tables', () => {
  it('are built once per scale and shared by every bar', () => {
    for (const name of SCALE_NAMES) expect(scaleDefinition(name)).toBe(scaleDefinition(name));
    expect(scaleDefinition('numeric', 0, 4)).toBe(scaleDefinition('numeric', 0, 4));
  });

  it('keep numeric ranges apart', () => {
    const narrow = scaleDefinition('numeric', 1, 3);
    const wide = scaleDefinition('numeric', 0, 10);
    expect(narrow.options.map((option) => option.value)).toEqual([1, 2, 3]);
    expect(wide.options.map((option) => option.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleDefinition('numeric')).toMatchObject({ min: 1, max: 10 });
  });

  it('still answers correctly for ranges past the ones it keeps', () => {
    for (let min = -40; min < 0; min++) expect(scaleDefinition('numeric', min, min + 2).options.map((option) => option.value)).toEqual([min, min + 1, min + 2]);
  });
});
