import type { StringTable } from '../../i18n/strings.js';

/** Built-in English for `<feelback-feeling-prompt>`; other locales override by message id. */
export const feelingPromptStrings = {
  question: 'How did we make you feel?',
  feelingAngry: 'Angry',
  feelingFrustrated: 'Frustrated',
  feelingNeutral: 'Okay',
  feelingHappy: 'Happy',
  feelingDelighted: 'Delighted',
  introNegative: 'We’re sorry we let you down.',
  followUpNegative: 'What went wrong?',
  introNeutral: 'Thanks for telling us.',
  followUpNeutral: 'What could we do better?',
  introPositive: 'That’s great to hear!',
  followUpPositive: 'What did we do well?',
  commentCount: '{count} of {max} characters',
  commentLimit: 'You have reached the limit of {max} characters.',
  send: 'Send',
  skip: 'Skip',
  requestCallback: 'Request a call back',
  selected: 'You chose {label}.',
  thanks: 'Thank you — we read every message.',
  thanksNoComment: 'Thank you for telling us how you feel.',
} satisfies StringTable;

/** The message ids of `<feelback-feeling-prompt>`. */
export type FeelingPromptMessage = keyof typeof feelingPromptStrings;
