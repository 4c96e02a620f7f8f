/**
 * Round trip and detection order for the seed profiles and the generic shapes they use:
 * classify(render(fault)) gives back code, retry, retryAfterMs, requestId and vendorCode; the
 * generic shapes are found without a vendor option, the seed profiles by name (and by host where
 * they have one); and no profile earlier in the registry claims what a generic shape renders.
 */
import { retryForStatus } from '../../src/core/status.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, type FaultCode } from '../../src/core/catalog.js';
import { classify } from '../../src/entry/default-classifier.js';
import { createFault, type Fault } from '../../src/core/fault.js';
import { codeForStatus } from '../../src/core/status.js';
import { errorObjectProfile } from '../../src/vendors/error-object.js';
import { fastapiProfile } from '../../src/vendors/fastapi.js';
import { fhirInferenceProfile } from '../../src/vendors/fhir-inference.js';
import { flatErrorProfile } from '../../src/vendors/flat-error.js';
import { impulseProfile } from '../../src/vendors/impulse.js';
import { openaiProfile } from '../../src/vendors/openai.js';
import type { CodeRule, VendorProfile } from '../../src/vendors/profile.js';
import { pulseProfile } from '../../src/vendors/pulse.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { runinfraProfile } from '../../src/vendors/runinfra.js';
import { runsApiProfile } from '../../src/vendors/runs-api.js';
import { snapshotOf } from './generic-support.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const GENERIC = [openaiProfile, fastapiProfile, errorObjectProfile, flatErrorProfile];
const SEEDS = [impulseProfile, runsApiProfile, runinfraProfile, pulseProfile, fhirInferenceProfile];
/** Codes a bare status expresses (what a profile with no code table can write). */
const HTTP_CODES = (Object.keys(CATALOG) as FaultCode[]).filter((c) => c !== 'cancelled' && CATALOG[c].status !== undefined && codeForStatus(CATALOG[c].status) === c);

const rule = (r: CodeRule | undefined) => (r === undefined ? undefined : typeof r === 'string' ? { code: r } : r);

/** Faults a profile can express: its code table's rows, or (for status-only profiles) any HTTP code. */
function faults(profile: VendorProfile): fc.Arbitrary<Fault> {
  const rows = Object.entries(profile.codes);
  const base = rows.length > 0
    ? fc.constantFrom(...rows).map(([vendorCode, r]) => ({ code: rule(r)!.code, vendorCode: vendorCode as string | undefined }))
    : fc.constantFrom(...HTTP_CODES).map((code) => ({ code, vendorCode: undefined as string | undefined }));
  return fc.record({
    row: base,
    retryAfterMs: fc.option(fc.integer({ min: 1, max: 3_600 }).map((s) => s * 1000), { nil: undefined }),
    requestId: fc.option(fc.stringMatching(/^[A-Za-z0-9-]{8,24}$/), { nil: undefined }),
  }).map(({ row, retryAfterMs, requestId }) => {
    const status = CATALOG[row.code].status;
    const r = rule(row.vendorCode === undefined ? undefined : profile.codes[row.vendorCode]);
    const s = rule(status === undefined ? undefined : profile.statuses?.[status]);
    const own = [r, s].filter((x) => x?.code === row.code);
    const retry = own.find((x) => x?.retry !== undefined)?.retry;
    const remedy = own.find((x) => x?.remedy !== undefined)?.remedy;
    // A 413 with a wait is temporary (RFC 9110 §15.5.14).
    return createFault({ code: row.code, vendorCode: row.vendorCode, retryAfterMs, requestId, message: 'it failed', retry: retry ?? retryForStatus(status, row.code, retryAfterMs), remedy });
  });
}

function expectSame(got: Fault, fault: Fault, id: string): void {
  expect(got).toMatchObject({ code: fault.code, retry: fault.retry, vendor: id });
  // a status-only profile writes the vendor's own word (RunInfra's `type`, FHIR's `error`) when the fault has none
  if (fault.vendorCode !== undefined || (id !== 'runinfra' && id !== 'fhir-inference')) expect(got.vendorCode).toBe(fault.vendorCode);
  // runs-api documents "retry after 30-60s" for service_unavailable: 30 s when no Retry-After says otherwise
  const documented = id === 'runs-api' && fault.vendorCode === 'service_unavailable' ? 30_000 : undefined;
  expect(got.retryAfterMs).toBe(fault.retryAfterMs ?? documented);
  expect(got.requestId).toBe(fault.requestId);
}

describe('round trip: the generic shapes, found without a vendor option', () => {
  for (const profile of GENERIC) {
    it(profile.id, () => {
      fc.assert(fc.property(faults(profile), (fault) => expectSame(classify(profile.render!(fault)), fault, profile.id)), { numRuns: RUNS });
    });
  }
});

describe('round trip: the seed profiles, named (their shapes are shared, so they are picked by name or host)', () => {
  for (const profile of SEEDS) {
    it(profile.id, () => {
      fc.assert(
        fc.property(faults(profile), (fault) => {
          expectSame(classify(profile.render!(fault), { vendor: profile.id }), fault, profile.id);
          const host = profile.hosts?.find((h) => !h.startsWith('*.'));
          if (host !== undefined) expectSame(classify(profile.render!(fault), { url: `https://${host}/v1/x` }), fault, profile.id);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('detection: what a generic shape renders is not claimed by a profile earlier in the registry', () => {
  for (const profile of GENERIC) {
    it(profile.id, () => {
      const index = BUILTIN_PROFILES.indexOf(profile);
      expect(index).toBeGreaterThan(BUILTIN_PROFILES.indexOf(fhirInferenceProfile));
      fc.assert(
        fc.property(faults(profile), (fault) => {
          const s = snapshotOf(profile.render!(fault));
          expect(profile.detect(s)).toBe(true);
          for (const earlier of BUILTIN_PROFILES.slice(0, index)) {
            expect(earlier.detect(s) && earlier.parse(s) !== undefined, `${earlier.id} claimed ${profile.id}`).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('the seed profiles claim nothing but their own distinctive bodies', () => {
    const generic = [
      '{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}',
      '{"detail":"Not Found"}',
      '{"detail":[{"type":"missing","loc":["body","x"],"msg":"Field required"}]}',
      '{"error":{"code":"NOT_FOUND","message":"Resource not found"}}',
      '{"error":"not_found","message":"Run not found"}',
      '{"error":"upstream_error","message":"Model provider outage"}',
      '{"error":"service_unavailable","message":"Pool saturated"}',
    ];
    for (const body of generic) {
      const s = snapshotOf({ status: 503, body });
      for (const seed of SEEDS) expect(seed.detect(s), `${seed.id} claimed ${body}`).toBe(false);
    }
  });
});
