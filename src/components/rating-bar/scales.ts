import type { RatingBarMessage } from './strings.js';

/** The scales a rating bar offers. */
export type ScaleName = 'stars' | 'nps' | 'csat' | 'ces' | 'emoji' | 'thumbs' | 'numeric';

export const SCALE_NAMES: readonly ScaleName[] = ['stars', 'nps', 'csat', 'ces', 'emoji', 'thumbs', 'numeric'];

/** How an option is drawn. */
export type Glyph = 'star' | 'number' | 'face' | 'thumb-up' | 'thumb-down';

export interface ScaleOption {
  readonly value: number;
  readonly glyph: Glyph;
  /** For faces: the expression, -2..+2. */
  readonly mood?: number;
  /** Message id of the option's own label (csat, emoji, thumbs), if it has one. */
  readonly labelKey?: RatingBarMessage;
}

/** A scale's options and default texts: one table per scale (and numeric range), shared by every bar on the page, so read-only. */
export interface ScaleDefinition {
  readonly name: ScaleName;
  readonly min: number;
  readonly max: number;
  readonly options: readonly ScaleOption[];
  /** Message ids of the default end labels, when the scale has them. */
  readonly lowLabelKey?: RatingBarMessage;
  readonly highLabelKey?: RatingBarMessage;
  /** Message id of the default question. */
  readonly questionKey: RatingBarMessage;
}

/** Defaults for `scale="numeric"` and the most options it will draw. */
export const NUMERIC_DEFAULT_MIN = 1;
export const NUMERIC_DEFAULT_MAX = 10;
export const NUMERIC_MAX_OPTIONS = 21;

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The tables built so far, by scale and range. */
const tables = new Map<string, ScaleDefinition>();
/** Past this many (a page trying every numeric range), tables are built but not kept. */
const TABLES_KEPT = 32;

/**
 * The definition of a scale; `numeric` uses `min`/`max`, already validated by
 * the caller. Built once per scale: fifty bars of a scale share one table
 * (read-only, as its type says) rather than each building its own.
 */
export function scaleDefinition(name: ScaleName, min = NUMERIC_DEFAULT_MIN, max = NUMERIC_DEFAULT_MAX): ScaleDefinition {
  const key = `${name}:${min}:${max}`;
  let table = tables.get(key);
  if (!table) {
    table = build(name, min, max);
    if (tables.size < TABLES_KEPT) tables.set(key, table);
  }
  return table;
}

function build(name: ScaleName, min: number, max: number): ScaleDefinition {
  switch (name) {
    case 'nps':
      return {
        name,
        min: 0,
        max: 10,
        options: range(0, 10).map((value) => ({ value, glyph: 'number' })),
        lowLabelKey: 'npsLow',
        highLabelKey: 'npsHigh',
        questionKey: 'questionNps',
      };
    case 'csat':
      return {
        name,
        min: 1,
        max: 5,
        options: range(1, 5).map((value) => ({ value, glyph: 'number', labelKey: `csat${value}` as RatingBarMessage })),
        questionKey: 'questionCsat',
      };
    case 'ces':
      return {
        name,
        min: 1,
        max: 7,
        options: range(1, 7).map((value) => ({ value, glyph: 'number' })),
        lowLabelKey: 'cesLow',
        highLabelKey: 'cesHigh',
        questionKey: 'questionCes',
      };
    case 'emoji':
      return {
        name,
        min: 1,
        max: 5,
        options: range(1, 5).map((value) => ({ value, glyph: 'face', mood: value - 3, labelKey: `emoji${value}` as RatingBarMessage })),
        questionKey: 'question',
      };
    case 'thumbs':
      return {
        name,
        min: 0,
        max: 1,
        options: [
          { value: 0, glyph: 'thumb-down', labelKey: 'thumbsDown' },
          { value: 1, glyph: 'thumb-up', labelKey: 'thumbsUp' },
        ],
        questionKey: 'questionThumbs',
      };
    case 'numeric':
      return {
        name,
        min,
        max,
        options: range(min, max).map((value) => ({ value, glyph: 'number' })),
        questionKey: 'question',
      };
    case 'stars':
    default:
      return {
        name: 'stars',
        min: 1,
        max: 5,
        options: range(1, 5).map((value) => ({ value, glyph: 'star' })),
        questionKey: 'question',
      };
  }
}

export function isScaleName(value: unknown): value is ScaleName {
  return SCALE_NAMES.includes(value as ScaleName);
}
