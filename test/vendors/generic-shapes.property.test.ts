/**
 * Round trip and detection order for the generic-shape and chat/telecom
 * profiles: what a profile renders, it reads back (code, retry,
 * retryAfterMs, requestId, vendorCode), and no profile earlier in the order
 * claims it.
 */
import { retryForStatus } from '../../src/core/status.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFault, type Fault } from '../../src/core/fault.js';
import type { CodeRule, VendorProfile } from '../../src/vendors/profile.js';
import { cloudflareProfile } from '../../src/vendors/cloudflare.js';
import { discordProfile } from '../../src/vendors/discord.js';
import { graphqlProfile } from '../../src/vendors/graphql.js';
import { htmlProfile } from '../../src/vendors/html.js';
import { jsonapiProfile } from '../../src/vendors/jsonapi.js';
import { problemJsonProfile } from '../../src/vendors/problem-json.js';
import { slackProfile } from '../../src/vendors/slack.js';
import { springBootProfile } from '../../src/vendors/spring-boot.js';
import { twilioProfile } from '../../src/vendors/twilio.js';
import { classify } from '../../src/entry/default-classifier.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { snapshotOf } from './generic-support.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** The profiles this file covers. */
const ORDER: readonly VendorProfile[] = [
  cloudflareProfile, slackProfile, twilioProfile, discordProfile,
  springBootProfile, problemJsonProfile, graphqlProfile, jsonapiProfile, htmlProfile,
];

const ruleCode = (rule: CodeRule) => (typeof rule === 'string' ? rule : rule.code);

/** Faults a profile can express: one per row of its code table, with a delay and a request id. */
function faults(profile: VendorProfile): fc.Arbitrary<Fault> {
  const rows = Object.entries(profile.codes);
  return fc.record({
    row: fc.constantFrom(...rows),
    retryAfterMs: fc.option(fc.integer({ min: 1, max: 3_600 }).map((s) => s * 1000), { nil: undefined }),
    requestId: fc.option(fc.stringMatching(/^[A-Za-z0-9-]{8,24}$/), { nil: undefined }),
  }).map(({ row: [vendorCode, rule], retryAfterMs, requestId }) => {
    const code = ruleCode(rule);
    // A 413 with a wait is temporary (RFC 9110 §15.5.14): classify retries it. GraphQL and Slack say
    // it on a 200, which is not a 413.
    const status = profile.render?.(createFault({ code, vendorCode, retryAfterMs })).status;
    return createFault({ code, vendorCode, retryAfterMs, requestId, message: 'it failed', retry: typeof rule === 'object' ? rule.retry : retryForStatus(status, code, retryAfterMs) });
  });
}

describe('round trip: classify(render(fault)) keeps what the fault said', () => {
  for (const profile of ORDER) {
    if (Object.keys(profile.codes).length === 0) continue;
    it(`${profile.id}`, () => {
      fc.assert(
        fc.property(faults(profile), (fault) => {
          const got = classify(profile.render!(fault));
          expect(got).toMatchObject({ code: fault.code, retry: fault.retry, vendor: profile.id });
          expect(got.vendorCode).toBe(fault.vendorCode);
          expect(got.retryAfterMs).toBe(fault.retryAfterMs);
          expect(got.requestId).toBe(fault.requestId);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('status-only faults round-trip through the generic shapes', () => {
    const codes = ['invalid_request', 'unauthenticated', 'permission_denied', 'not_found', 'rate_limited', 'internal', 'bad_gateway', 'service_unavailable', 'gateway_timeout'] as const;
    for (const profile of [springBootProfile, problemJsonProfile, jsonapiProfile, htmlProfile]) {
      for (const code of codes) {
        const fault = createFault({ code, message: 'x', requestId: 'req-1' });
        expect(classify(profile.render!(fault)), `${profile.id} ${code}`).toMatchObject({ code, vendor: profile.id, requestId: 'req-1' });
      }
    }
  });
});

describe('detection: a rendered response is never claimed by a profile earlier in the registry', () => {
  for (const profile of ORDER) {
    const index = BUILTIN_PROFILES.indexOf(profile);
    if (Object.keys(profile.codes).length === 0) continue;
    it(`${profile.id}`, () => {
      expect(index).toBeGreaterThanOrEqual(0);
      fc.assert(
        fc.property(faults(profile), (fault) => {
          const s = snapshotOf(profile.render!(fault));
          for (const earlier of BUILTIN_PROFILES.slice(0, index)) {
            expect(earlier.detect(s) && earlier.parse(s) !== undefined, earlier.id).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('status-only renders of the generic shapes are not claimed earlier either', () => {
    for (const profile of [springBootProfile, problemJsonProfile, jsonapiProfile, htmlProfile]) {
      const index = BUILTIN_PROFILES.indexOf(profile);
      const s = snapshotOf(profile.render!(createFault({ code: 'not_found', message: 'x', requestId: 'r-1' })));
      for (const earlier of BUILTIN_PROFILES.slice(0, index)) {
        expect(earlier.detect(s) && earlier.parse(s) !== undefined, `${earlier.id} claimed ${profile.id}`).toBe(false);
      }
      expect(profile.detect(s)).toBe(true);
    }
  });
});
