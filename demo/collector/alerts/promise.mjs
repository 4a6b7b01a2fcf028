// What the visitor was promised: the window they picked on the call back form ("asap",
// "afternoon"…), read in their own time zone, as the instants the inbox shows in the owner's.

/** The hours each window stands for, in the visitor's time zone (documented in docs/collector.md, "Alerts"). */
export const CALL_WINDOWS = Object.freeze({
  morning: { from: 9, to: 12 },
  afternoon: { from: 12, to: 17 },
  evening: { from: 17, to: 20 },
});

/** "As soon as possible" is kept when the call comes within this long. */
export const ASAP_MS = 60 * 60 * 1000;

/**
 * The offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich).
 * @param {string} timeZone
 * @param {number} instant
 */
function offsetMs(timeZone, instant) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which it is `hour`:00 on the local date `day` (ms at UTC midnight of that date) in `timeZone`.
 * Two passes settle daylight-saving changes between the guess and the answer.
 * @param {string} timeZone @param {number} day @param {number} hour
 */
function localTime(timeZone, day, hour) {
  const wall = day + hour * 3_600_000;
  let instant = wall - offsetMs(timeZone, wall);
  instant = wall - offsetMs(timeZone, instant);
  return instant;
}

/** @param {string} timeZone */
function knownZone(timeZone) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * @typedef {object} CallPromise
 * @property {string} window the visitor's choice, e.g. `afternoon`
 * @property {string} timeZone the zone the window was read in (the visitor's, or UTC when theirs is unknown)
 * @property {string | null} from ISO start of the promised window (null for asap)
 * @property {string} by ISO end: a call after this breaks the promise
 */

/**
 * The first window of the chosen kind that had not ended when the request arrived.
 *
 * @param {{ window: string, timeZone: string }} callback
 * @param {string} receivedAt ISO
 * @returns {CallPromise}
 */
export function callPromise({ window, timeZone }, receivedAt) {
  const received = Date.parse(receivedAt);
  const zone = knownZone(timeZone) ? timeZone : 'UTC';
  const hours = CALL_WINDOWS[/** @type {keyof typeof CALL_WINDOWS} */ (window)];
  if (!hours) return { window, timeZone: zone, from: null, by: new Date(received + ASAP_MS).toISOString() };
  const localNow = received + offsetMs(zone, received);
  const today = localNow - (((localNow % 86_400_000) + 86_400_000) % 86_400_000);
  for (const day of [today, today + 86_400_000]) {
    const end = localTime(zone, day, hours.to);
    if (end > received) {
      return { window, timeZone: zone, from: new Date(localTime(zone, day, hours.from)).toISOString(), by: new Date(end).toISOString() };
    }
  }
  /* c8 ignore next: tomorrow's window always ends after now */
  throw new Error('unreachable');
}
