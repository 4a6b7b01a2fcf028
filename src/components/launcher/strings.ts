import type { LauncherStrings } from './runtime.js';

/** Built-in English for `<feelback-launcher>` (i18n namespace `launcher`). */
export const launcherStrings: LauncherStrings = {
  /** The close button's accessible name. */
  close: 'Close',
  /** The floating tab's label, and the name of the popover and the modal. */
  tab: 'Feedback',
  /** Said politely by screen readers when a popover opens (it does not take focus). */
  opened: 'A short feedback question has opened.',
};
