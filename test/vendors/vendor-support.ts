/**
 * Test support for the API-vendor profiles (anthropic, google, aws, azure,
 * stripe, github): generic-support's stand-in for classify, plus the parts of
 * TEAM.md's resolution those profiles rely on — a named profile skips detect,
 * `statuses` rules, vendor request-id headers, and the x-should-retry /
 * stripe-should-retry verdict applied last.
 */
import type { FaultCode } from '../../src/core/catalog.js';
import type { CodeRule, ResponseSnapshot, VendorProfile } from '../../src/vendors/profile.js';
import { type FixtureCase, resolveWith, snapshotOf } from './generic-support.js';

const ruleCode = (rule: CodeRule | undefined): FaultCode | undefined => (typeof rule === 'string' ? rule : rule?.code);

export function resolve(profile: VendorProfile, s: ResponseSnapshot, named = false): Record<string, unknown> | undefined {
  const got = resolveWith(named ? { ...profile, detect: () => true } : profile, s);
  if (got === undefined) return undefined;
  const draft = profile.parse(s);
  const vendorRule = draft?.vendorCode === undefined ? undefined : profile.codes[draft.vendorCode];
  const statusRule = profile.statuses?.[s.status ?? 0];
  if (draft?.retry === undefined && !(typeof vendorRule === 'object' && vendorRule.code === got.code) &&
      typeof statusRule === 'object' && statusRule.code === got.code && statusRule.retry !== undefined) {
    got.retry = statusRule.retry;
  }
  if (ruleCode(vendorRule) === undefined && draft?.code === undefined && ruleCode(statusRule) !== undefined) got.code = ruleCode(statusRule);
  const hint = s.headers.get('x-should-retry') ?? s.headers.get('stripe-should-retry');
  if (hint === 'true') got.retry = 'always';
  if (hint === 'false') got.retry = 'never';
  return got;
}

export function resolveCase(profile: VendorProfile, c: FixtureCase): Record<string, unknown> | undefined {
  return resolve(profile, snapshotOf(c.response, c.url), c.vendor !== null);
}
