/**
 * `testProfile`: the fixture and round-trip checks the built-in profiles pass, for a profile an SDK
 * author wrote with `defineProfile`. Framework-agnostic: it returns a report and, unless told not
 * to, throws an assertion error listing every mismatch, so it works inside any test runner.
 */
import { createClassifier } from '../core/classifier.js';
import { type Fault, FaultError } from '../core/fault.js';
import type { VendorProfile } from '../vendors/profile.js';
import { type FaultSeed, ROUND_TRIP_FIELDS, expressibleFault, expressibleRows, expressibleUrl } from './expressible.js';

/**
 * One recorded response and the Fault fields it must classify to (the format of
 * `test/fixtures/vendors/<id>.json`).
 * @public
 */
export interface ProfileFixture {
  /** A name for the case, shown in mismatches. */
  readonly id: string;
  /** Where the response came from (a documentation page, an SDK test file). */
  readonly source?: string | undefined;
  /** The profile to name, or `null`/absent to let detection find it. */
  readonly vendor?: string | null | undefined;
  /** The request URL, for host matching. */
  readonly url?: string | undefined;
  /** The reference time for HTTP-dates and rate-limit resets. @defaultValue the `now` option */
  readonly now?: number | undefined;
  /** The response as the server sent it. */
  readonly response: { readonly status: number; readonly headers?: Readonly<Record<string, string>> | undefined; readonly body?: unknown };
  /** Fault fields that must match (arrays compared deeply); `messageMustNotContain` lists text that must not appear. */
  readonly expect: Readonly<Record<string, unknown>>;
}

/** Options for {@link testProfile}. @public */
export interface TestProfileOptions {
  /** The profiles to classify with, in detection order, to check the profile among others. @defaultValue [profile] */
  readonly profiles?: readonly VendorProfile[] | undefined;
  /** The reference time for cases without their own `now`. @defaultValue Date.UTC(2026, 0, 1) */
  readonly now?: number | undefined;
  /** Whether to run the render round trip over every expressible Fault. @defaultValue true when the profile has `render` */
  readonly roundTrip?: boolean | undefined;
  /** Whether to throw an assertion error when anything mismatches. @defaultValue true */
  readonly throwOnFailure?: boolean | undefined;
}

/** One field that did not come out as expected. @public */
export interface ProfileMismatch {
  /** The fixture id, or `round trip: <vendor code or code>`. */
  readonly case: string;
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** What {@link testProfile} found. @public */
export interface ProfileTestReport {
  readonly profile: string;
  /** Fixture cases run. */
  readonly cases: number;
  /** Rendered Faults classified back. */
  readonly roundTrips: number;
  readonly mismatches: readonly ProfileMismatch[];
  /** True when there are no mismatches. */
  readonly ok: boolean;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v));

function checkCase(fault: Fault, c: ProfileFixture, out: ProfileMismatch[]): void {
  const got = fault as unknown as Record<string, unknown>;
  for (const [field, want] of Object.entries(c.expect)) {
    if (field === 'messageMustNotContain') {
      const texts = [fault.message, JSON.stringify(new FaultError(fault)), String(new FaultError(fault))];
      for (const secret of Array.isArray(want) ? want : [want]) {
        if (texts.some((t) => t.includes(String(secret)))) out.push({ case: c.id, field: 'message', expected: `no ${String(secret)}`, actual: fault.message });
      }
    } else if (!deepEqual(got[field], want === null ? undefined : want)) {
      out.push({ case: c.id, field, expected: want, actual: got[field] });
    }
  }
}

/**
 * Checks a vendor profile: every fixture classifies to its expected fields, and every Fault the
 * profile can express (its `expressible` description, by default every row of `codes`) comes
 * back from `classify(render(fault))` — with no vendor option, and the profile's first host as the
 * URL when it has hosts (as a client calling that API would) — with the same code, retry,
 * retryAfterMs, requestId and vendorCode. Returns a report; throws an `AssertionError` listing the
 * mismatches unless `throwOnFailure` is false.
 *
 * @example
 * ```ts
 * import { testProfile } from 'faultline/testing';
 * it('acme profile', () => {
 *   testProfile(acmeProfile, [
 *     { id: 'quota', response: { status: 429, body: '{"fault":{"id":"QUOTA"}}' }, expect: { code: 'quota_exhausted' } },
 *   ]);
 * });
 * ```
 * @public
 */
export function testProfile(
  profile: VendorProfile,
  fixtures: readonly ProfileFixture[] | { readonly cases: readonly ProfileFixture[] },
  options: TestProfileOptions = {},
): ProfileTestReport {
  if (typeof profile !== 'object' || profile === null || typeof profile.id !== 'string') {
    throw new TypeError(`testProfile: profile must be a vendor profile, got ${profile === null ? 'null' : typeof profile}`);
  }
  const cases = Array.isArray(fixtures) ? (fixtures as readonly ProfileFixture[]) : (fixtures as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) throw new TypeError('testProfile: fixtures must be an array of cases or { cases: [...] }, got ' + typeof fixtures);
  const now = options.now ?? Date.UTC(2026, 0, 1);
  const profiles = options.profiles ?? [profile];
  const { classify } = createClassifier({ profiles: profiles.includes(profile) ? profiles : [...profiles, profile] });
  const mismatches: ProfileMismatch[] = [];

  for (const c of cases as readonly ProfileFixture[]) {
    const fault = classify(c.response, { vendor: c.vendor ?? undefined, url: c.url, now: c.now ?? now });
    checkCase(fault, c, mismatches);
  }

  let roundTrips = 0;
  if (options.roundTrip ?? profile.render !== undefined) {
    const { vendorCodes, codes } = expressibleRows(profile);
    const seeds: FaultSeed[] = [
      ...vendorCodes.map((vendorCode): FaultSeed => ({ vendorCode })),
      ...codes.map((code): FaultSeed => ({ code })),
    ];
    for (const seed of seeds) {
      for (const extra of [{}, { retryAfterMs: 2000, requestId: 'req_testprofile_1' }]) {
        const want = expressibleFault(profile, { ...seed, ...extra });
        if (want === undefined || profile.render === undefined) continue;
        roundTrips++;
        const got = classify(profile.render(want), { now, url: expressibleUrl(profile) });
        const label = `round trip: ${seed.vendorCode ?? seed.code ?? ''}${'retryAfterMs' in extra ? ' +delay +id' : ''}`;
        for (const field of ROUND_TRIP_FIELDS) {
          // A status-only Fault has no vendor code of its own; the renderer may invent one.
          if (field === 'vendorCode' && seed.vendorCode === undefined) continue;
          if (!Object.is(got[field], want[field])) mismatches.push({ case: label, field, expected: want[field], actual: got[field] });
        }
      }
    }
  }

  const report: ProfileTestReport = { profile: profile.id, cases: cases.length, roundTrips, mismatches, ok: mismatches.length === 0 };
  if (!report.ok && options.throwOnFailure !== false) {
    const lines = mismatches.slice(0, 50).map((m) => `  ${m.case}: ${m.field} expected ${show(m.expected)}, got ${show(m.actual)}`);
    const more = mismatches.length > 50 ? `\n  … and ${mismatches.length - 50} more` : '';
    const error = new Error(`testProfile(${profile.id}): ${mismatches.length} mismatch(es)\n${lines.join('\n')}${more}`);
    error.name = 'AssertionError';
    Object.defineProperty(error, 'report', { value: report, enumerable: false });
    throw error;
  }
  return report;
}
