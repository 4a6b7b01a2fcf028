import type { StringTable } from '../../i18n/strings.js';

/** Built-in English for `<feelback-rating-bar>`; other locales override by message id. */
export const ratingBarStrings = {
  question: 'How would you rate your experience?',
  questionNps: 'How likely are you to recommend us to a friend or colleague?',
  questionCsat: 'How satisfied are you with your experience?',
  questionCes: 'How easy was it to get what you needed?',
  questionThumbs: 'Was this helpful?',
  stars: '{n} of {max} stars',
  score: '{n} of {max}',
  scoreWithLabel: '{n} of {max}, {label}',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  cesLow: 'Very difficult',
  cesHigh: 'Very easy',
  csat1: 'Very unsatisfied',
  csat2: 'Unsatisfied',
  csat3: 'Neutral',
  csat4: 'Satisfied',
  csat5: 'Very satisfied',
  emoji1: 'Very bad',
  emoji2: 'Bad',
  emoji3: 'Okay',
  emoji4: 'Good',
  emoji5: 'Great',
  thumbsDown: 'Thumbs down',
  thumbsUp: 'Thumbs up',
  send: 'Send',
  skip: 'Skip',
  commentLabel: 'Anything you would like to add?',
  commentCount: '{count} of {max} characters',
  thanks: 'Thank you for your feedback.',
  selected: 'You chose {label}.',
  required: 'Please choose a score.',
  commentLimit: 'You have reached the limit of {max} characters.',
} satisfies StringTable;

/** The message ids of `<feelback-rating-bar>`. */
export type RatingBarMessage = keyof typeof ratingBarStrings;
