/**
 * Round-trip support: fast-check seeds for the Faults a profile can express.
 */
import fc from 'fast-check';
import type { VendorProfile } from '../../src/vendors/profile.js';
import { type FaultSeed, expressibleRows } from '../../src/testing/expressible.js';
import { meaningOf } from '../../src/vendors/generic/lexicon.js';

/** Seeds for one profile: a row it can express, an optional delay, request id and plain message. */
export function seeds(profile: VendorProfile): fc.Arbitrary<FaultSeed> | undefined {
  const { vendorCodes, codes } = expressibleRows(profile);
  const rows = [
    ...vendorCodes.map((vendorCode): FaultSeed => ({ vendorCode })),
    ...codes.map((code): FaultSeed => ({ code })),
  ];
  if (rows.length === 0) return undefined;
  return fc.record({
    row: fc.constantFrom(...rows),
    retryAfterMs: fc.option(fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 0, max: 120 }).map((s) => s * 1000)), { nil: undefined }),
    requestId: fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{5,39}$/), { nil: undefined }),
    // A plain message: its words name no failure. A detail that happens to hold a word the lexicon reads ("Aaa jwtaa"
    // holds `jwt`) says another code to every reader that weighs words under the status, as problem+json's does.
    message: fc.stringMatching(/^[A-Z][a-z]{2,12}(?: [a-z]{2,12}){0,8}\.?$/).filter((m) => meaningOf(m).any === undefined),
  }).map(({ row, ...rest }) => ({ ...row, ...rest }));
}
