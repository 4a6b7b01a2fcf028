/**
 * The launcher's decisions, free of the DOM: which pages it may ask on, whether
 * this visitor is in the sample, and whether the waits allow it to open now.
 * Everything takes its clock and its stored state as arguments, so every rule
 * is testable without timers or storage.
 */

/** What made a launcher open. */
export type LauncherTrigger = 'load' | 'delay' | 'scroll' | 'exit-intent' | 'click' | 'event' | 'frustration' | 'manual';

/** Why a launcher closed unanswered. */
export type DismissReason = 'close' | 'escape' | 'outside';

/** What one launcher remembers about this visitor (never personal data). */
export interface LauncherRecord {
  /** The visitor's sampling draw in [0, 1), made once and kept, so a reload does not re-draw. */
  draw?: number;
  /** When it last opened (ms since epoch). */
  shownAt?: number;
  /** When the visitor last answered through it. */
  answeredAt?: number;
  /** When the visitor last closed it unanswered. */
  dismissedAt?: number;
}

/** What every launcher on the site shares. */
export interface PageRecord {
  /** When any launcher last opened. */
  openedAt?: number;
}

export const DAY_MS = 86_400_000;
export const DEFAULT_ANSWERED_DAYS = 90;
export const DEFAULT_DISMISSED_DAYS = 7;
// DEFAULT_RECONTACT_DAYS lives in runtime.ts: the one-file bundle reads it before any launcher
// loads, and this module (triggers, rules, sampling) should travel only with the launcher.

// ---------------------------------------------------------------- URL rules

export interface UrlRules {
  include: RegExp[];
  exclude: RegExp[];
  /** Some pattern was given but none could be used: match no page rather than every page. */
  unusable: boolean;
}

/** A pattern: a path (starting with `/`) or a leading `*`, optionally with a query after `?`. */
const PATTERN = /^[/*][^\s#]*$/;

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/**
 * Compiles `url="…"`: space-separated globs where `*` matches any run of
 * characters (slashes included); a leading `!` excludes; a pattern with a `?`
 * is matched against path and query, others against the path only.
 * Invalid patterns are reported through `onInvalid` and skipped.
 */
export function compileUrlRules(spec: string | null | undefined, onInvalid: (pattern: string) => void = () => {}): UrlRules {
  const rules: UrlRules = { include: [], exclude: [], unusable: false };
  const patterns = (spec ?? '').split(/\s+/).filter(Boolean);
  let valid = 0;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (!PATTERN.test(glob)) {
      onInvalid(pattern);
      continue;
    }
    valid++;
    (negated ? rules.exclude : rules.include).push(globToRegExp(glob));
  }
  rules.unusable = patterns.length > 0 && valid === 0;
  return rules;
}

/** Whether a page (path and query, e.g. `location.pathname` and `location.search`) is one the launcher may ask on. */
export function matchesUrl(rules: UrlRules, pathname: string, search = ''): boolean {
  if (rules.unusable) return false;
  const test = (pattern: RegExp): boolean => pattern.test(pattern.source.includes('\\?') ? pathname + search : pathname);
  if (rules.exclude.some(test)) return false;
  return rules.include.length === 0 || rules.include.some(test);
}

// ---------------------------------------------------------------- sampling

/** Parses `sample="0.25"`; `undefined` (with no sampling) for anything outside 0..1. */
export function parseSample(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const share = trimmed.endsWith('%') ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
  return Number.isFinite(share) && share >= 0 && share <= 1 ? share : undefined;
}

/** Whether a visitor whose draw is `draw` is among the `sample` share asked. */
export function isSampledIn(draw: number, sample: number | undefined): boolean {
  return sample === undefined || draw < sample;
}

/** Parses a whole-or-fractional number of days ≥ 0; `undefined` when malformed. */
export function parseDays(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const days = Number(value.trim());
  return Number.isFinite(days) && days >= 0 ? days : undefined;
}

// ---------------------------------------------------------------- waits

export interface OpenRules {
  now: number;
  record: LauncherRecord;
  page: PageRecord;
  answeredDays: number;
  dismissedDays: number;
  recontactDays: number;
  sample?: number;
  /** Another launcher on this page is open. */
  anotherOpen: boolean;
}

export type Refusal = 'sampled-out' | 'answered' | 'dismissed' | 'recontact' | 'another-open';

/**
 * Why the launcher may not open now, or `undefined` when it may. Checked in
 * the order a site owner would explain it: not in the sample, answered
 * recently, dismissed recently, some launcher asked recently, another is open.
 */
export function refusal(rules: OpenRules): Refusal | undefined {
  const { now, record, page } = rules;
  const within = (at: number | undefined, days: number): boolean => at !== undefined && days > 0 && now - at < days * DAY_MS;
  if (!isSampledIn(record.draw ?? 0, rules.sample)) return 'sampled-out';
  if (within(record.answeredAt, rules.answeredDays)) return 'answered';
  if (within(record.dismissedAt, rules.dismissedDays)) return 'dismissed';
  if (within(page.openedAt, rules.recontactDays)) return 'recontact';
  if (rules.anotherOpen) return 'another-open';
  return undefined;
}

// ---------------------------------------------------------------- triggers

/** Parses `delay="3"` (seconds ≥ 0) into milliseconds; `undefined` when malformed. */
export function parseDelay(value: string | null | undefined): number | undefined {
  const seconds = parseDays(value);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Parses `scroll="50"` (0..100, `%` allowed) into a percentage; `undefined` when malformed. */
export function parseScroll(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const percent = Number(value.trim().replace(/%$/, ''));
  return value.trim() !== '' && Number.isFinite(percent) && percent >= 0 && percent <= 100 ? percent : undefined;
}

/** How far down the page the visitor has seen, in percent (a page that does not scroll counts as fully seen). */
export function scrolledPercent(scrollTop: number, viewportHeight: number, documentHeight: number): number {
  if (documentHeight <= viewportHeight) return 100;
  return Math.min(100, ((scrollTop + viewportHeight) / documentHeight) * 100);
}

/** Exit intent: the pointer leaves the window through its top edge (towards the tabs and the address bar). */
export function isExitIntent(clientY: number, leftWindow: boolean): boolean {
  return leftWindow && clientY <= 0;
}

/** Rage clicks: this many clicks … */
export const RAGE_CLICKS = 3;
/** … within this many milliseconds … */
export const RAGE_WINDOW_MS = 1000;
/** … within this many pixels of each other. */
export const RAGE_RADIUS_PX = 30;

export interface Click {
  x: number;
  y: number;
  time: number;
}

/**
 * Remembers recent clicks and says when they become a rage click: several
 * quick clicks on the same spot, the visitor hammering something that does
 * not respond.
 */
export class RageClickDetector {
  private clicks: Click[] = [];

  /** Records a click; true when it completes a rage click. */
  add(click: Click): boolean {
    this.clicks = this.clicks.filter(
      (earlier) => click.time - earlier.time <= RAGE_WINDOW_MS && Math.hypot(click.x - earlier.x, click.y - earlier.y) <= RAGE_RADIUS_PX,
    );
    this.clicks.push(click);
    if (this.clicks.length < RAGE_CLICKS) return false;
    this.clicks = [];
    return true;
  }
}

/** web-vitals' "poor" thresholds: LCP above 4 s, an interaction slower than 500 ms. */
export const POOR_LCP_MS = 4000;
export const POOR_INP_MS = 500;
