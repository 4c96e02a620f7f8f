/**
 * Waits written into messages: "Please try again in 26.604s", "retry after 86400 seconds", "try
 * again in 20ms", "Retry in 1m30s", "please wait 2 minutes", and instants ("Try again on 2024-10-04 14:00:00 UTC").
 * Only a duration or instant right after a phrase that asks to wait counts (a "30 seconds" elsewhere is a fact, not a
 * wait). Durations are read over `charCodeAt` in a bounded head of the text, instants by two bounded patterns on 48
 * characters after a cue: linear; any wait is capped at `Number.MAX_SAFE_INTEGER` ms, so a wait of 10^12 s or a run of
 * digits never overflows.
 */
import { parseHttpDate } from '../../core/headers.js';

/** Waits are stated early in a message; the cap bounds every scan. */
const HEAD = 2048;

/** Phrases after which a duration is the wait; `bare` says a unit-less number there means seconds. */
const CUES: readonly (readonly [phrase: string, bare: boolean])[] = [
  ['try again in ', false],
  ['try again after ', true],
  // Azure Resource Manager's throttle: "… too many requests. Please try after '239' seconds."
  ['please try after ', true],
  ['retry in ', false],
  // Planet's SDK prints the server's "max rate reached: retry-in 200ms".
  ['retry-in ', false],
  ['retry after ', true],
  ['retry-after: ', true],
  ['retry-after ', true],
  ['retry again in ', false],
  ['please wait ', false],
  // Rocket.Chat: "You must wait 60 seconds before trying this endpoint again."
  ['must wait ', false],
  ['wait for ', false],
  // The Wayback Machine's Save Page Now: "Try waiting for 5 minutes and then try again."
  ['try waiting for ', false],
  ['available in ', false],
  ['resets in ', false],
  // OpenSubtitles: "Your quota will be renewed in 09 hours and 57 minutes".
  ['renewed in ', false],
  // Home Connect: "Requests are blocked during the remaining period of 50460 seconds."
  ['remaining period of ', false],
  ['reset in ', false],
  ['again in ', false],
  // Supabase Auth (GoTrue) on every client: "For security purposes, you can only request this after 0 seconds."
  ['request this after ', false],
  // TronGrid: "The key exceeds the frequency limit(15), and the query server is suspended for 30s".
  ['suspended for ', false],
  // adsbdb: `{"response": "rate limited for 60 seconds"}`.
  ['rate limited for ', false],
  // Technitium DNS Server's login lockout: "Max limit of 5 attempts exceeded. Access blocked for 300 seconds."
  // (An IP "temporary blocked for 24 hours" after too many requests is not read: Easee labels that a throttle, and a
  // day's wait would make it a spent allowance.)
  ['access blocked for ', false],
  // Last, any "wait" right before a duration (Dawarich's "Check your inbox or wait an hour before requesting another one").
  ['wait ', false],
];

/**
 * A duration follows a cue only where a digit (or a quoted one) comes after spaces after the cue's last word ("in",
 * "after", "wait", …): without one, no cue needs looking for. Built from {@link CUES}; linear (one
 * alternation of words, then one run of spaces), and only ever run on the bounded head.
 */
const CUED = new RegExp(`(?:${[...new Set(CUES.map(([cue]) => cue.trimEnd().split(' ').pop()?.replace(/\W/g, '\\$&')))].join('|')}) +(?:['"~]?\\d|an? (?:second|minute|hour|day)\\b)`, 'i');

const UNITS: Readonly<Record<string, number>> = {
  ms: 1, msec: 1, msecs: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

const digit = (c: number): boolean => c >= 48 && c <= 57;
const letter = (c: number): boolean => c >= 97 && c <= 122;

/** A duration starting at `i` in lower-case `t`: up to four number-unit parts ("1m30s", "1 hour 5 minutes"). */
function duration(t: string, i: number, bare: boolean): number | undefined {
  let total = 0;
  let parts = 0;
  while (parts < 4) {
    let j = i;
    while (t.charCodeAt(j) === 32) j++;
    // A number a template quoted: Azure Resource Manager's "Please try again after '1' seconds".
    // And an approximate one: Save Page Now's "Please try again in ~10 min".
    if (t.charCodeAt(j) === 126) j++;
    const quote = t.charCodeAt(j) === 39 || t.charCodeAt(j) === 34 ? t.charCodeAt(j++) : 0;
    const from = j;
    while (digit(t.charCodeAt(j))) j++;
    // "Try again in a minute", "in an hour": one of the unit.
    const one = j === from && parts === 0 ? (t.startsWith('a ', j) ? 2 : t.startsWith('an ', j) ? 3 : 0) : 0;
    if (j === from && one === 0) break;
    if (t.charCodeAt(j) === 46 && digit(t.charCodeAt(j + 1))) {
      j++;
      while (digit(t.charCodeAt(j))) j++;
    }
    j += one;
    const n = one !== 0 ? 1 : Number(t.slice(from, j));
    // A range waits at least its lower bound: Huawei AppGallery Connect's "please try again in 3-5 minutes".
    if (one === 0 && t.charCodeAt(j) === 45 && digit(t.charCodeAt(j + 1))) {
      j++;
      while (digit(t.charCodeAt(j))) j++;
    }
    if (quote !== 0 && t.charCodeAt(j) === quote) j++;
    while (t.charCodeAt(j) === 32) j++;
    const unitFrom = j;
    while (letter(t.charCodeAt(j))) j++;
    const unit = t.slice(unitFrom, j);
    const scale = Object.hasOwn(UNITS, unit) ? UNITS[unit] : unit === '' && bare && parts === 0 ? 1000 : undefined;
    if (scale === undefined) break;
    total += n * scale;
    parts++;
    i = j;
    if (t.charCodeAt(i) === 32 && t.startsWith('and ', i + 1)) i += 4;
  }
  return parts === 0 ? undefined : Math.min(Math.round(total), Number.MAX_SAFE_INTEGER);
}

/**
 * The wait a message asks for, in ms, or `undefined` when it names none. Never negative, never
 * above `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * waitInText('Rate limit reached. Please try again in 26.604s.'); // 26604
 * waitInText('Retry after 86400 seconds'); // 86400000
 * ```
 * @internal
 */
export function waitInText(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const head = text.slice(0, HEAD);
  // No number right after a cue's last word, no duration: most messages leave here, unlowered.
  if (!CUED.test(head)) return undefined;
  const t = head.toLowerCase();
  for (const [cue, bare] of CUES) {
    let at = t.indexOf(cue);
    // A cue with no duration after it ("try again in a moment") may be followed by one that has.
    for (let n = 0; at >= 0 && n < 4; n++) {
      const ms = duration(t, at + cue.length, bare);
      if (ms !== undefined) return ms;
      at = t.indexOf(cue, at + 1);
    }
  }
  return undefined;
}

/** Phrases after which an instant, not a duration, is when to try again. */
const UNTIL_CUES = ['again after ', 'again on ', 'again at ', 'retry after ', 'available after ', 'until '] as const;

/**
 * A date right after a cue's last words: a year and its dash, or a weekday and a day. Without one no cue needs looking
 * for, and most texts leave here unlowered. Words that open with a rarer pair than "on" or "at" alone, so few positions
 * go past their first letters; one alternation, bounded runs: linear.
 */
const UNTIL_CUED = /(?:after|until|again on|again at) {1,2}(?:\d{4}-\d|[a-z]{3,9},? {1,2}\d)/i;

// The instant itself, cut from the text after a cue: an HTTP-date with its zone (crates.io's "Please try again after
// Thu, 30 Jun 2022 15:07:44 GMT or email …"), or a date and time with its zone (Cloudinary's "Try again on 2024-10-04
// 14:00:00 UTC"). A time with no zone names no instant. Bounded parts: linear.
const HTTP_DATE_AT = /^[a-z]{3,9},? {1,2}\d{1,2}[ -][a-z]{3}[ -]\d{2,4} {1,2}\d{1,2}:\d{2}:\d{2} {1,2}(?:[a-z]{1,5}\b|[+-]\d{4})/i;
const ISO_AT = /^(\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(?:(z|[+-]\d{2}:?\d{2})| ?(?:utc|gmt)\b)/i;

/**
 * The wait until an instant a message names as when to try again, in ms from `now`; `undefined` when it names none, or
 * one already past (a message read after its time says nothing of now). Never above `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * waitUntilInText('Limit of 500 api operations reached. Try again on 2024-10-04 14:00:00 UTC', Date.UTC(2024, 9, 4, 13, 59)); // 60000
 * ```
 * @internal
 */
export function waitUntilInText(text: string | undefined, now: number): number | undefined {
  if (text === undefined || text === '') return undefined;
  const head = text.slice(0, HEAD);
  if (!UNTIL_CUED.test(head)) return undefined;
  const t = head.toLowerCase();
  for (const cue of UNTIL_CUES) {
    let at = t.indexOf(cue);
    for (let n = 0; at >= 0 && n < 4; n++, at = t.indexOf(cue, at + 1)) {
      const rest = t.slice(at + cue.length, at + cue.length + 48);
      const iso = ISO_AT.exec(rest);
      const http = iso === null ? HTTP_DATE_AT.exec(rest) : null;
      const instant = iso !== null ? parseHttpDate(`${iso[1] as string}${iso[2] ?? 'Z'}`, now) : http !== null ? parseHttpDate(http[0], now) : undefined;
      if (instant !== undefined) return instant > now ? Math.min(instant - now, Number.MAX_SAFE_INTEGER) : undefined;
    }
  }
  return undefined;
}
