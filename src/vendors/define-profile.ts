/**
 * `defineProfile`: how an SDK author describes their own API's error shape and gets detection,
 * overrides, redaction and rendering exactly as the built-in profiles do.
 */
import { isFaultCode, isRemedy, isRetryClass } from '../core/codes.js';
import { checkOptionNames } from '../core/options.js';
import { type CodeRule, VENDOR_PROFILE_KEYS, type VendorProfile } from './profile.js';

const ID = /^[a-z0-9][a-z0-9+.-]{0,63}$/;

function fail(what: string, got: unknown): never {
  const shown = typeof got === 'string' ? `'${got}'` : got === null ? 'null' : typeof got;
  throw new TypeError(`defineProfile: ${what}, got ${shown}`);
}

function checkRule(where: string, rule: unknown): void {
  if (typeof rule === 'string') {
    if (!isFaultCode(rule)) fail(`${where} must be a catalog code`, rule);
    return;
  }
  const r = rule as Exclude<CodeRule, string> | null;
  if (typeof r !== 'object' || r === null || !isFaultCode(r.code)) fail(`${where} must be a catalog code or { code, retry?, remedy?, retryLimit? }`, rule);
  if (r.retry !== undefined && !isRetryClass(r.retry)) fail(`${where}.retry must be 'always', 'idempotent' or 'never'`, r.retry);
  if (r.remedy !== undefined && !isRemedy(r.remedy)) fail(`${where}.remedy must be a remedy`, r.remedy);
  if (r.retryLimit !== undefined && !(Number.isInteger(r.retryLimit) && r.retryLimit >= 0)) {
    fail(`${where}.retryLimit must be an integer >= 0`, r.retryLimit);
  }
}

/**
 * Validates a vendor profile and returns it frozen. `id` is kebab-case; `detect` must be cheap (key
 * presence, content type) and never throw; `parse` returns what it could read; `codes` maps the
 * vendor's codes to catalog codes, optionally with the vendor's documented retry, remedy or limit.
 *
 * @example
 * ```ts
 * const acme = defineProfile({
 *   id: 'acme',
 *   hosts: ['api.acme.dev'],
 *   codes: { QUOTA: 'quota_exhausted', BUSY: { code: 'overloaded', retry: 'always' } },
 *   detect: (s) => typeof (s.json as { fault?: unknown } | undefined)?.fault === 'object',
 *   parse: (s) => {
 *     const f = (s.json as { fault: { id?: string; text?: string } }).fault;
 *     return { vendorCode: f.id, message: f.text };
 *   },
 * });
 * const { classify } = createClassifier({ profiles: [acme] });
 * ```
 * @public
 */
export function defineProfile<P extends VendorProfile>(profile: P): P {
  if (typeof profile !== 'object' || profile === null) fail('profile must be an object', profile);
  checkOptionNames<VendorProfile, typeof VENDOR_PROFILE_KEYS>('defineProfile', profile, VENDOR_PROFILE_KEYS);
  if (typeof profile.id !== 'string' || !ID.test(profile.id)) fail('id must be lower-case kebab-case (a-z, 0-9, -, +, .)', profile.id);
  if (typeof profile.detect !== 'function') fail(`${profile.id}: detect must be a function`, profile.detect);
  if (typeof profile.parse !== 'function') fail(`${profile.id}: parse must be a function`, profile.parse);
  if (profile.render !== undefined && typeof profile.render !== 'function') fail(`${profile.id}: render must be a function`, profile.render);
  if (typeof profile.codes !== 'object' || profile.codes === null) fail(`${profile.id}: codes must be an object`, profile.codes);
  for (const [key, rule] of Object.entries(profile.codes)) checkRule(`${profile.id}: codes['${key}']`, rule);
  if (profile.statuses !== undefined) {
    for (const [key, rule] of Object.entries(profile.statuses)) checkRule(`${profile.id}: statuses[${key}]`, rule);
  }
  if (profile.hosts !== undefined && (!Array.isArray(profile.hosts) || profile.hosts.some((h) => typeof h !== 'string' || h === ''))) {
    fail(`${profile.id}: hosts must be an array of host names`, profile.hosts);
  }
  for (const list of ['keys', 'contentTypes'] as const) {
    const v: unknown = profile[list];
    if (v !== undefined && (!Array.isArray(v) || v.some((k) => typeof k !== 'string'))) fail(`${profile.id}: ${list} must be an array of strings`, v);
  }
  const ex = profile.expressible as Record<string, unknown> | undefined;
  if (ex !== undefined) {
    if (typeof ex !== 'object' || ex === null) fail(`${profile.id}: expressible must be an object`, ex);
    const codes = profile.codes as Record<string, unknown>;
    if (ex.vendorCodes !== undefined && !(Array.isArray(ex.vendorCodes) && ex.vendorCodes.every((c) => typeof c === 'string' && Object.hasOwn(codes, c)))) {
      fail(`${profile.id}: expressible.vendorCodes must be an array of keys of codes`, ex.vendorCodes);
    }
    if (ex.codes !== undefined && !(Array.isArray(ex.codes) && ex.codes.every(isFaultCode))) fail(`${profile.id}: expressible.codes must be an array of catalog codes`, ex.codes);
    if (ex.retryAfter !== undefined && ex.retryAfter !== 'ms' && ex.retryAfter !== 's' && ex.retryAfter !== 'none') {
      fail(`${profile.id}: expressible.retryAfter must be 'ms', 's' or 'none'`, ex.retryAfter);
    }
    if (ex.requestId !== undefined && typeof ex.requestId !== 'boolean') fail(`${profile.id}: expressible.requestId must be a boolean`, ex.requestId);
  }
  return Object.freeze(profile);
}
