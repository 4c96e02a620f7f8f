/**
 * Properties of the generic layer: it never throws, reads no more than maxBodyBytes of a body cut
 * anywhere, turns any wait phrase into its milliseconds (capped), and does work linear in its input
 * on hostile bodies (counted steps and string work, never wall time).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { isFaultCode } from '../../src/core/codes.js';
import { classify } from '../../src/entry/default-classifier.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { meaning } from '../../src/vendors/generic/lexicon.js';
import { scanObject } from '../../src/vendors/generic/scan.js';
import { waitInText } from '../../src/vendors/generic/wait.js';
import { stringWork } from '../support/string-work.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const generic = createClassifier({ profiles: [genericProfile] });

const BODIES = [
  '{"error":{"code":"rate_limit_exceeded","message":"Rate limit reached. Please try again in 1.5s","request_id":"req_1"}}',
  "{'error': {'message': 'Incorrect API key', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}",
  '{"errors":[{"message":"x","extensions":{"code":"THROTTLED"}}],"data":null}',
  '<Error><Code>SlowDown</Code><Message>Reduce your rate</Message><RequestId>R</RequestId></Error>',
];

describe('truncated bodies', () => {
  it('a body cut at any character never throws, and classifying it bounded equals classifying the cut text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BODIES), fc.nat(), fc.option(fc.integer({ min: 400, max: 599 }), { nil: undefined }), (body, at, status) => {
        // At least one character: an empty body with no status is no response at all.
        const cut = 1 + (at % body.length);
        const bounded = generic.classify({ status, body }, { maxBodyBytes: cut, now: 0 });
        const truncated = generic.classify({ status, body: body.slice(0, cut) }, { maxBodyBytes: 1_000_000, now: 0 });
        expect(bounded).toEqual(truncated);
        expect(isFaultCode(bounded.code)).toBe(true);
        // A code read from a cut body arrived whole before the cut.
        if (bounded.vendorCode !== undefined) expect(body.slice(0, cut)).toContain(bounded.vendorCode);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any text or value, with or without a status', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), fc.option(fc.integer({ min: 100, max: 999 }), { nil: undefined }), (body, status) => {
        expect(isFaultCode(generic.classify({ status, body }).code)).toBe(true);
        expect(isFaultCode(classify({ status, body }).code)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('waits in messages', () => {
  const units = fc.constantFrom<readonly [string, number]>(['ms', 1], ['s', 1000], [' seconds', 1000], [' second', 1000], ['m', 60_000], [' minutes', 60_000], ['h', 3_600_000], [' hours', 3_600_000]);
  const cues = fc.constantFrom('Please try again in ', 'retry after ', 'Retry in ', 'please wait ', 'Try again after ');

  it('any "cue N unit" phrase gives N × unit ms, capped at MAX_SAFE_INTEGER', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).filter((s) => !/\d/.test(s)), cues, fc.nat({ max: 1e9 }), fc.nat({ max: 999 }), units, (before, cue, whole, frac, [unit, scale]) => {
        const n = frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(3, '0')}`;
        const ms = waitInText(`${before} ${cue}${n}${unit}.`);
        expect(ms).toBe(Math.min(Math.round(Number(n) * scale), Number.MAX_SAFE_INTEGER));
      }),
      { numRuns: RUNS },
    );
  });

  it('a wait of any size is finite, whole and never above MAX_SAFE_INTEGER, on the Fault too', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), (n) => {
        const fault = generic.classify({ status: 429, body: { message: `Rate limited, retry after ${n} seconds` } });
        expect(Number.isSafeInteger(fault.retryAfterMs)).toBe(true);
        expect(fault.retryAfterMs).toBe(Math.min(Number(n) * 1000, Number.MAX_SAFE_INTEGER));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('meaning is the same however a code is written', () => {
  it('UPPER_SNAKE, snake, kebab, camel and Pascal spellings of one phrase mean one code', () => {
    const phrases = fc.constantFrom(['rate', 'limit', 'exceeded'], ['insufficient', 'quota'], ['invalid', 'api', 'key'], ['resource', 'not', 'found'], ['already', 'exists'], ['service', 'unavailable']);
    fc.assert(
      fc.property(phrases, (ws) => {
        const spellings = [ws.join('_').toUpperCase(), ws.join('_'), ws.join('-'), ws.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join(''), ws.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(''), ws.join(' ')];
        const codes = new Set(spellings.map((s) => meaning(s)));
        expect(codes.size).toBe(1);
        expect([...codes][0]).toBeDefined();
      }),
      { numRuns: 50 },
    );
  });
});

describe('linear time on hostile bodies (work counted, not timed)', () => {
  const MIB = 1024 * 1024;
  const hostile: readonly (readonly [string, (n: number) => string])[] = [
    ['nested brackets', (n) => '{"a":'.repeat(n / 5) + '['.repeat(n / 2)],
    ['repeated quotes', (n) => `{${"'".repeat(n)}`],
    ['escapes', (n) => `{"a":"${'\\'.repeat(n)}`],
    ['a long Python repr', (n) => `{${"'k': None, 'e': {'code': 'x'}, ".repeat(n / 32)}`],
    ['colons and pairs', (n) => 'a: b, '.repeat(n / 6)],
  ];

  it.each(hostile)('the scanner takes at most a few steps per character: %s', (_name, make) => {
    for (const size of [MIB / 4, MIB]) {
      const text = make(size);
      const { steps } = scanObject(text, text.length);
      expect(steps).toBeLessThanOrEqual(2 * text.length);
    }
  });

  it('a 10 MB Python repr: the scan is linear, and classify reads only maxBodyBytes of it', () => {
    const repr = `{${"'error': {'code': 'rate_limit_exceeded', 'param': None, 'ok': True}, ".repeat((10 * MIB) / 64)}`;
    expect(scanObject(repr, repr.length).steps).toBeLessThanOrEqual(2 * repr.length);
    const head = repr.slice(0, MIB);
    classify({ status: 429, body: head });
    const small = stringWork(() => classify({ status: 429, body: head }));
    const huge = stringWork(() => classify({ status: 429, body: repr }));
    expect(huge.chars).toBe(small.chars);
    expect(huge.result).toEqual(small.result);
  });

  it.each(hostile)('classify does string work bounded by maxBodyBytes on %s', (_name, make) => {
    const one = make(MIB);
    const four = make(4 * MIB);
    const a = stringWork(() => generic.classify({ body: one }));
    const b = stringWork(() => generic.classify({ body: four }));
    expect(b.chars).toBe(a.chars);
    expect(b.chars).toBeLessThanOrEqual(32 * 65_536);
  });
});
