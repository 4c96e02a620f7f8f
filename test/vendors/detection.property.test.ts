/**
 * Detection order: a response rendered by profile A is never claimed (detect true AND parse gives
 * a draft) by a profile earlier in the registry, so auto-detection reaches A's own reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediaType, viewBody } from '../../src/core/body.js';
import { readHeaders } from '../../src/core/headers.js';
import type { RenderedResponse, ResponseSnapshot } from '../../src/vendors/profile.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { expressibleFault } from '../../src/testing/expressible.js';
import { seeds } from './roundtrip-support.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** The snapshot classify builds from a rendered response (no URL: detection alone). */
function snapshotOf(r: RenderedResponse): ResponseSnapshot {
  const headers = readHeaders(r.headers);
  const body = viewBody(r.body, 65_536);
  return { status: r.status, headers, json: body.json, text: body.text, contentType: mediaType(headers.get('content-type')), host: undefined, now: Date.UTC(2026, 0, 1) };
}

describe('detection: no earlier profile claims what a profile renders', () => {
  BUILTIN_PROFILES.forEach((profile, index) => {
    const arb = profile.render === undefined ? undefined : seeds(profile);
    it.skipIf(arb === undefined || index === 0)(`${profile.id} (#${index})`, () => {
      const earlier = BUILTIN_PROFILES.slice(0, index);
      fc.assert(
        fc.property(arb!, (seed) => {
          const fault = expressibleFault(profile, seed);
          if (fault === undefined) return;
          const s = snapshotOf(profile.render!(fault));
          const claimed = earlier.filter((p) => p.detect(s) && p.parse(s) !== undefined).map((p) => p.id);
          expect(claimed, `${seed.vendorCode ?? seed.code} rendered by ${profile.id}`).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
