import { describe, expect, it } from 'vitest';
import { HTML_SCAN_LIMIT, htmlProfile } from '../../src/vendors/html.js';
import { stringWork } from '../support/string-work.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('html profile', () => {
  for (const c of loadFixtures('html')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(htmlProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim JSON bodies, successes or unrecognised plain text', () => {
    expect(htmlProfile.detect(snapshotOf({ status: 502, body: '{"error":"bad gateway"}' }))).toBe(false);
    expect(htmlProfile.detect(snapshotOf({ status: 200, body: '<html><title>ok</title></html>' }))).toBe(false);
    expect(htmlProfile.detect(snapshotOf({ status: 500, body: 'Something broke' }))).toBe(false);
  });

  it('reads the Vercel code from the body when the header is missing', () => {
    const s = snapshotOf({ status: 500, body: 'An error occurred with your deployment\n\nFUNCTION_INVOCATION_FAILED\n\niad1::abc-1\n' });
    expect(resolveWith(htmlProfile, s)).toMatchObject({ code: 'internal', vendorCode: 'FUNCTION_INVOCATION_FAILED', requestId: 'iad1::abc-1' });
  });

  it('takes the message from the title, never the whole page', () => {
    const page = `<html><head><title>503 Service Unavailable</title></head><body>${'x'.repeat(100_000)}</body></html>`;
    expect(resolveWith(htmlProfile, snapshotOf({ status: 503, body: page }))).toMatchObject({ message: '503 Service Unavailable' });
  });

  it('is linear on a page made of markers: the work is bounded by HTML_SCAN_LIMIT, not by the page', () => {
    // Counted, not timed: the characters the profile hands to string scans, slices and parsers.
    const run = (scale: number) => {
      const page = '<'.repeat(100_000 * scale) + 'error code'.repeat(10_000 * scale);
      const snapshot = snapshotOf({ status: 522, headers: { 'cf-ray': 'x' }, body: page });
      return stringWork(() => resolveWith(htmlProfile, snapshot));
    };
    const small = run(1);
    const large = run(10);
    expect(large.result).toEqual(small.result);
    // Ten times the page, not one more character looked at.
    expect(large.chars).toBe(small.chars);
    // A few dozen passes over the head at most; a scan quadratic in it would be thousands.
    expect(small.chars).toBeLessThanOrEqual(64 * HTML_SCAN_LIMIT);
  });
});

describe('html profile messages', () => {
  it('prefers <pre> over a bare "Error" title (Express default page)', () => {
    const page = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /v1/nothing</pre>\n</body>\n</html>\n';
    expect(resolveWith(htmlProfile, snapshotOf({ status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page }))).toMatchObject({ code: 'not_found', message: 'Cannot GET /v1/nothing' });
  });
});
