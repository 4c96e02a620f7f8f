/**
 * The Faults a profile's renderer can express (its `expressible` description, defaulting to every
 * row of its code table), built so that `classify(render(fault))` must give them back. Shared by
 * `testProfile` and the registry's round-trip property.
 */
import { retryForStatus } from '../core/status.js';
import { CATALOG, FAULT_CODES, type FaultCode } from '../core/catalog.js';
import { codeForStatus } from '../core/status.js';
import { type Fault, createFault } from '../core/fault.js';
import type { CodeRule, VendorProfile } from '../vendors/profile.js';

/** What varies between expressible Faults of one profile. @internal */
export interface FaultSeed {
  /** A key of the profile's `codes`; its rule gives the code. */
  readonly vendorCode?: string | undefined;
  /** A status-only code (from `expressible.codes`), used when `vendorCode` is absent. */
  readonly code?: FaultCode | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly requestId?: string | undefined;
  readonly message?: string | undefined;
}

type Rule = Exclude<CodeRule, string>;
const ruleOf = (rule: CodeRule | undefined): Rule | undefined => (typeof rule === 'string' ? { code: rule } : rule);

/**
 * The vendor codes and status-only codes a profile says it can round-trip.
 * @internal
 */
export function expressibleRows(profile: VendorProfile): { vendorCodes: readonly string[]; codes: readonly FaultCode[] } {
  const ex = profile.expressible;
  const vendorCodes = ex?.vendorCodes ?? Object.keys(profile.codes);
  // A profile without a code table speaks through statuses: every code whose default status maps back to it.
  const codes = ex?.codes ?? (Object.keys(profile.codes).length === 0 ? STATUS_ONLY : []);
  return { vendorCodes, codes };
}

const STATUS_ONLY: readonly FaultCode[] = FAULT_CODES.filter((code) => {
  const status = CATALOG[code].status;
  return status !== undefined && codeForStatus(status) === code;
});

/**
 * Rounds a delay to what the profile can express (`expressible.retryAfter`): whole ms, whole
 * seconds (the default, as `Retry-After` carries) or nothing.
 * @internal
 */
export function expressibleDelay(profile: VendorProfile, ms: number | undefined): number | undefined {
  const precision = profile.expressible?.retryAfter ?? 's';
  if (ms === undefined || precision === 'none') return undefined;
  return precision === 'ms' ? Math.round(ms) : Math.round(ms / 1000) * 1000;
}

/**
 * The Fault `seed` describes, with the retry class classify will resolve for it: the code rule's,
 * else the profile's status rule for the status the renderer writes, else the catalog's.
 * `undefined` when the profile has no renderer or the seed names nothing it knows.
 * @internal
 */
export function expressibleFault(profile: VendorProfile, seed: FaultSeed): Fault | undefined {
  const render = profile.render;
  if (render === undefined) return undefined;
  const rule = seed.vendorCode !== undefined && Object.hasOwn(profile.codes, seed.vendorCode) ? ruleOf(profile.codes[seed.vendorCode]) : undefined;
  const code = rule?.code ?? (seed.vendorCode === undefined ? seed.code : undefined);
  if (code === undefined) return undefined;
  const base = {
    code,
    vendorCode: seed.vendorCode,
    retryAfterMs: expressibleDelay(profile, seed.retryAfterMs),
    requestId: profile.expressible?.requestId === false ? undefined : seed.requestId,
    message: seed.message ?? 'Something went wrong',
  };
  const first = createFault({ ...base, retry: rule?.retry, remedy: rule?.remedy });
  const status = render.call(profile, first).status;
  const byStatus = ruleOf(profile.statuses?.[status]);
  const same = byStatus?.code === code ? byStatus : undefined;
  return createFault({
    ...base,
    status,
    // A 413 with a wait is temporary (RFC 9110 §15.5.14): classify retries it, so the round trip expects that.
    retry: rule?.retry ?? same?.retry ?? retryForStatus(status, code, base.retryAfterMs) ?? CATALOG[code].retry,
    remedy: rule?.remedy ?? same?.remedy,
    retryLimit: rule?.retryLimit ?? same?.retryLimit,
  });
}

/** The fields a round trip must keep. @internal */
export const ROUND_TRIP_FIELDS = ['code', 'retry', 'retryAfterMs', 'requestId', 'vendorCode'] as const;

/**
 * A request URL on the profile's first host (`*.x.com` → `https://api.x.com/`), as a client calling
 * that API would pass; `undefined` for a profile without hosts.
 * @internal
 */
export function expressibleUrl(profile: VendorProfile): string | undefined {
  const host = profile.hosts?.[0];
  return host === undefined ? undefined : `https://${host.startsWith('*.') ? `api.${host.slice(2)}` : host}/`;
}
