/**
 * Round trip over the whole registry: for every built-in profile with a renderer and every Fault it
 * can express (its `expressible` description; by default every row of its code table), the real
 * default `classify` of the rendered response — no vendor option; the profile's first host as the
 * URL when it has hosts, as a client calling that API would pass — gives back code, retry,
 * retryAfterMs, requestId and vendorCode. FC_RUNS scales the runs per profile (default 1000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { ROUND_TRIP_FIELDS, expressibleFault, expressibleUrl } from '../../src/testing/expressible.js';
import { seeds } from './roundtrip-support.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const NOW = Date.UTC(2026, 0, 1);

describe('round trip: classify(render(fault)) gives back what the fault said', () => {
  const rendering = BUILTIN_PROFILES.filter((p) => p.render !== undefined);

  it('every built-in profile has a renderer', () => {
    // The generic layer reads every vendor's envelope and writes none of them.
    expect(BUILTIN_PROFILES.filter((p) => p.render === undefined).map((p) => p.id)).toEqual(['generic']);
  });

  for (const profile of rendering) {
    const arb = seeds(profile);
    it.skipIf(arb === undefined)(`${profile.id}`, () => {
      const url = expressibleUrl(profile);
      fc.assert(
        fc.property(arb!, (seed) => {
          const want = expressibleFault(profile, seed);
          if (want === undefined) return;
          const got = classify(profile.render!(want), { url, now: NOW });
          for (const field of ROUND_TRIP_FIELDS) {
            // A status-only Fault has no vendor code of its own; the renderer may invent one.
            if (field === 'vendorCode' && seed.vendorCode === undefined) continue;
            expect(got[field], `${field} of ${seed.vendorCode ?? seed.code}`).toBe(want[field]);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
