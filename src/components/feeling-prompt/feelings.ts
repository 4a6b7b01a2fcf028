/** Whether a feeling is bad, indifferent or good news: it picks the follow-up's wording. */
export type FeelingPolarity = 'negative' | 'neutral' | 'positive';

/** One choice in `<feelback-feeling-prompt>`. */
export interface Feeling {
  /** Sent as `feeling.id`; unique within the set. */
  id: string;
  /** The visible name, used when no string table has `labelKey`. */
  label: string;
  /** Sent as `feeling.score`; its sign sets the polarity unless `polarity` says otherwise. */
  score: number;
  /** Short text drawn instead of the face, e.g. an emoji. */
  glyph?: string;
  /** URL of an image drawn instead of the face (decorative: the label names the feeling). */
  icon?: string;
  /** Message id of a localized label (the built-in feelings use `feelingAngry` and so on). */
  labelKey?: string;
  /** Overrides the polarity that the score's sign implies. */
  polarity?: FeelingPolarity;
}

/** The built-in set, in the order it is shown (README, "Elements"). */
export const DEFAULT_FEELINGS: readonly Feeling[] = Object.freeze([
  { id: 'angry', label: 'Angry', score: -2, labelKey: 'feelingAngry' },
  { id: 'frustrated', label: 'Frustrated', score: -1, labelKey: 'feelingFrustrated' },
  { id: 'neutral', label: 'Okay', score: 0, labelKey: 'feelingNeutral' },
  { id: 'happy', label: 'Happy', score: 1, labelKey: 'feelingHappy' },
  { id: 'delighted', label: 'Delighted', score: 2, labelKey: 'feelingDelighted' },
]);

/** The polarity of a feeling: its own `polarity`, else the sign of its score. */
export function feelingPolarity(feeling: Pick<Feeling, 'score' | 'polarity'>): FeelingPolarity {
  if (feeling.polarity === 'negative' || feeling.polarity === 'neutral' || feeling.polarity === 'positive') {
    return feeling.polarity;
  }
  if (feeling.score < 0) return 'negative';
  if (feeling.score > 0) return 'positive';
  return 'neutral';
}

/**
 * Keeps the well-formed entries of a site's `feelings` and says why the others
 * were dropped. An empty result means "use the defaults".
 */
export function validFeelings(value: unknown): { feelings: Feeling[]; problems: string[] } {
  const problems: string[] = [];
  if (!Array.isArray(value)) return { feelings: [], problems: ['is not an array'] };
  const seen = new Set<string>();
  const feelings: Feeling[] = [];
  value.forEach((entry: unknown, index) => {
    const candidate = entry as Partial<Feeling> | null;
    if (typeof candidate !== 'object' || candidate === null) {
      problems.push(`entry ${index} is not an object`);
    } else if (typeof candidate.id !== 'string' || candidate.id.trim() === '') {
      problems.push(`entry ${index} has no id`);
    } else if (seen.has(candidate.id)) {
      problems.push(`entry ${index} repeats the id "${candidate.id}"`);
    } else if (typeof candidate.label !== 'string' || candidate.label.trim() === '') {
      problems.push(`entry ${index} ("${candidate.id}") has no label`);
    } else if (typeof candidate.score !== 'number' || !Number.isFinite(candidate.score)) {
      problems.push(`entry ${index} ("${candidate.id}") has no finite score`);
    } else {
      seen.add(candidate.id);
      feelings.push(candidate as Feeling);
    }
  });
  return { feelings, problems };
}
