/**
 * Round trip and detection for the API-vendor profiles (anthropic, google,
 * aws, azure, stripe, github), through the real default `classify` with no
 * `vendor` option: what a profile renders is auto-detected as that profile
 * (so no profile earlier in the registry claims it) and classifies back to the
 * same code, retry, retryAfterMs, requestId and vendorCode.
 */
import { retryForStatus } from '../../src/core/status.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, type FaultCode, type RetryClass } from '../../src/core/catalog.js';
import { classify } from '../../src/entry/default-classifier.js';
import { createFault, type Fault } from '../../src/core/fault.js';
import { anthropicProfile } from '../../src/vendors/anthropic.js';
import { awsProfile } from '../../src/vendors/aws.js';
import { azureProfile } from '../../src/vendors/azure.js';
import { githubProfile } from '../../src/vendors/github.js';
import { googleProfile } from '../../src/vendors/google.js';
import type { CodeRule, VendorProfile } from '../../src/vendors/profile.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { renderStatus } from '../../src/vendors/render-helpers.js';
import { stripeProfile } from '../../src/vendors/stripe.js';
import { snapshotOf } from './generic-support.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const NOW = Date.UTC(2026, 0, 1);
const PROFILES = [anthropicProfile, googleProfile, azureProfile, awsProfile, stripeProfile, githubProfile];

const codeOf = (rule: CodeRule): FaultCode => (typeof rule === 'string' ? rule : rule.code);

/** The retry class classify must give: the code rule's, else the status rule's (same code), else the catalog's. */
function expectedRetry(profile: VendorProfile, rule: CodeRule | undefined, code: FaultCode, status: number, retryAfterMs: number | undefined): RetryClass {
  const statusRule = profile.statuses?.[status];
  return (typeof rule === 'object' ? rule.retry : undefined) ??
    (typeof statusRule === 'object' && statusRule.code === code ? statusRule.retry : undefined) ??
    // A 413 with a wait is temporary (RFC 9110 §15.5.14).
    retryForStatus(status, code, retryAfterMs) ??
    CATALOG[code].retry;
}

const delay = fc.option(fc.oneof(fc.integer({ min: 1, max: 3_600 }).map((s) => s * 1000), fc.integer({ min: 1, max: 600_000 })), { nil: undefined });
const requestId = fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:-]{7,31}$/), { nil: undefined });

/** Faults a vendor profile can express: one per row of its code table. */
function tableFaults(profile: VendorProfile): fc.Arbitrary<Fault> {
  return fc.record({ row: fc.constantFrom(...Object.entries(profile.codes)), retryAfterMs: delay, requestId }).map(({ row: [vendorCode, rule], retryAfterMs, requestId }) => {
    const code = codeOf(rule);
    const status = renderStatus(createFault({ code }));
    return createFault({ code, vendorCode, retry: expectedRetry(profile, rule, code, status, retryAfterMs), retryAfterMs, requestId, message: 'it failed' });
  });
}

/** GitHub has no codes of its own: its faults are statuses, and only rate limits carry a delay. */
const githubFaults: fc.Arbitrary<Fault> = fc.record({
  code: fc.constantFrom<FaultCode>('rate_limited', 'not_found', 'unauthenticated', 'permission_denied', 'validation_failed', 'conflict', 'internal', 'service_unavailable', 'gateway_timeout'),
  retryAfterMs: delay,
  requestId,
}).map(({ code, retryAfterMs, requestId }) => createFault({ code, retryAfterMs: code === 'rate_limited' ? retryAfterMs : undefined, requestId, message: 'it failed' }));

const faultsOf = (profile: VendorProfile) => (profile === githubProfile ? githubFaults : tableFaults(profile));

describe('round trip: classify(render(fault)) without a vendor option gives the fault back', () => {
  for (const profile of PROFILES) {
    it(profile.id, () => {
      fc.assert(
        fc.property(faultsOf(profile), (fault) => {
          const got = classify(profile.render!(fault), { now: NOW });
          expect(got.vendor).toBe(profile.id);
          expect(got.code).toBe(fault.code);
          expect(got.retry).toBe(fault.retry);
          expect(got.retryAfterMs).toBe(fault.retryAfterMs);
          expect(got.vendorCode).toBe(fault.vendorCode);
          if (fault.requestId !== undefined) expect(got.requestId).toBe(fault.requestId);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('detection: no profile earlier in the registry claims what these profiles render', () => {
  for (const profile of PROFILES) {
    const index = BUILTIN_PROFILES.indexOf(profile);
    it(`${profile.id} (registry position ${index})`, () => {
      expect(index).toBeGreaterThanOrEqual(0);
      fc.assert(
        fc.property(faultsOf(profile), (fault) => {
          const s = snapshotOf(profile.render!(fault));
          for (const earlier of BUILTIN_PROFILES.slice(0, index)) {
            expect(earlier.detect(s) && earlier.parse(s) !== undefined, earlier.id).toBe(false);
          }
          expect(profile.detect(s)).toBe(true);
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    });
  }
});
