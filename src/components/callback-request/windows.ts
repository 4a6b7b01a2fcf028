import type { CallbackWindowOption } from './form-state.js';
import type { CallbackRequestMessage } from './strings.js';

/** The built-in best-time choices, in the order offered; the first is the default. */
export const DEFAULT_WINDOW_IDS = ['asap', 'morning', 'afternoon', 'evening'] as const;

const WINDOW_KEYS = {
  asap: 'Asap',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
} as const;

/** The built-in choices in the element's language: a label, and the "when" phrase the confirmation uses. */
export function defaultWindows(t: (key: CallbackRequestMessage) => string): CallbackWindowOption[] {
  return DEFAULT_WINDOW_IDS.map((id) => ({ id, label: t(`window${WINDOW_KEYS[id]}`), when: t(`when${WINDOW_KEYS[id]}`) }));
}
