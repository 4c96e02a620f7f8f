/**
 * classify is total: for any status, headers, body and options it returns a frozen Fault with a
 * catalog code and never throws; and it looks at no more than maxBodyBytes of a body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/core/body.js';
import { isFaultCode, isRemedy, isRetryClass } from '../../src/core/catalog.js';
import { classify } from '../../src/entry/default-classifier.js';
import type { Fault } from '../../src/core/fault.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { stringWork } from '../support/string-work.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

function expectFault(f: Fault): void {
  expect(isFaultCode(f.code)).toBe(true);
  expect(isRetryClass(f.retry)).toBe(true);
  expect(isRemedy(f.remedy)).toBe(true);
  expect(typeof f.message).toBe('string');
  expect(Object.isFrozen(f)).toBe(true);
  if (f.retryAfterMs !== undefined) expect(Number.isFinite(f.retryAfterMs) && f.retryAfterMs >= 0).toBe(true);
  expect(() => JSON.stringify(f)).not.toThrow();
}

/** Hostile values are built inside the property: fast-check itself must not touch them. */
class Lazy {
  constructor(readonly name: string, readonly make: () => unknown) {}
  toString(): string { return this.name; }
}
const real = (v: unknown): unknown => (v instanceof Lazy ? v.make() : v);

const throwingGetter = fc.constant(new Lazy('throwing getters', () => {
  const o: Record<string, unknown> = {};
  for (const key of ['error', 'message', 'code', 'detail', 'type', 'errors', 'status', '__type', 'title', 'ok', 'success']) {
    Object.defineProperty(o, key, { enumerable: true, get: () => { throw new Error(`getter ${key}`); } });
  }
  return o;
}));
const cyclic = fc.constant(new Lazy('cyclic', () => {
  const inner: Record<string, unknown> = { message: 'loop', code: 'x' };
  const o: Record<string, unknown> = { error: inner, errors: [inner], detail: [inner] };
  inner.error = o;
  inner.details = [o];
  (o.errors as unknown[]).push(o);
  return o;
}));
const trap = fc.constant(new Lazy('proxy trap', () =>
  new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } }),
));
const jsonText = fc.json().map((s) => s);
const vendorish = fc.constantFrom(
  '{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}',
  '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
  '{"error":{"code":429,"message":"Quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"abc"}]}}',
  '{"__type":"com.amazon#ThrottlingException:http://x","message":"slow"}',
  '<Error><Code>SlowDown</Code><Message>x</Message></Error>',
  '{"detail":[{"loc":["body",1],"msg":"x","type":"missing"}]}',
  '{"errors":[{"message":"x","extensions":{"code":"THROTTLED"}}],"data":null}',
  '{"ok":false,"error":"ratelimited"}',
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
  '{"retry_after":1.5,"global":false,"message":"You are being rate limited."}',
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  jsonText,
  vendorish,
  vendorish.chain((v) => fc.nat({ max: v.length }).map((n) => v.slice(0, n))),
  fc.jsonValue(),
  fc.anything(),
  fc.uint8Array({ maxLength: 256 }),
  fc.uint8Array({ maxLength: 64 }).map((b) => b.buffer),
  throwingGetter,
  cyclic,
  trap,
);
const headerValue = fc.oneof(fc.string(), fc.integer().map(String), fc.array(fc.string(), { maxLength: 3 }), fc.anything());
const headerName = fc.oneof(
  fc.constantFrom('Retry-After', 'retry-after-ms', 'X-MS-Retry-After-Ms', 'x-request-id', 'Request-Id', 'cf-ray', 'x-should-retry',
    'Stripe-Should-Retry', 'RateLimit', 'RateLimit-Policy', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'content-type', 'date',
    'x-amzn-errortype', 'x-ms-error-code'),
  fc.string(),
);
const headers = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(headerName, headerValue),
  fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
  fc.anything(),
  trap,
);
const status = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer(), fc.double(), fc.string(), fc.anything(), trap);
const options = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      vendor: fc.oneof(fc.constantFrom(...BUILTIN_PROFILES.map((p) => p.id)), fc.string()),
      url: fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('https://api.openai.com/v1', 'https://s3.amazonaws.com/b', 'https://api.stripe.com')),
      now: fc.oneof(fc.integer(), fc.double()),
      maxBodyBytes: fc.oneof(fc.nat({ max: 1000 }), fc.integer(), fc.double()),
    },
    { requiredKeys: [] },
  ),
);

describe('classify never throws and returns a catalog code', () => {
  it('for arbitrary responses and options', () => {
    fc.assert(
      fc.property(status, headers, body, options, (s, h, b, o) => {
        expectFault(classify({ status: real(s), headers: real(h), body: real(b) }, o as never));
      }),
      { numRuns: RUNS },
    );
  });

  it('for well-formed statuses with vendor-shaped bodies, each profile named', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.dictionary(headerName, fc.string()), body, fc.constantFrom(undefined, ...BUILTIN_PROFILES.map((p) => p.id)), (s, h, b, vendor) => {
        const f = classify({ status: s, headers: h, body: real(b) }, { vendor });
        expectFault(f);
        expect(f.status).toBe(s);
        expect(f.source).toBe('server');
        if (vendor !== undefined) expect(f.vendor).toBe(vendor);
      }),
      { numRuns: RUNS },
    );
  });

  it('for arbitrary thrown values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string().map((m) => new Error(m)), trap, cyclic), (thrown) => {
        expectFault(classify(real(thrown)));
      }),
      { numRuns: RUNS },
    );
  });

  it('for a huge string body, with work bounded by maxBodyBytes, not by the body', () => {
    // Counted, not timed: the characters classify hands to string scans, slices, regexes and JSON.parse.
    const body = (mib: number) => `{"error":{"message":"${'x'.repeat(mib * 1024 * 1024)}"}}`;
    classify({ status: 500, body: body(1) }); // first call: lazy set-up is not the body's cost
    const [five, fifty] = [body(5), body(50)];
    const small = stringWork(() => classify({ status: 500, body: five }));
    const huge = stringWork(() => classify({ status: 500, body: fifty }));
    expectFault(huge.result);
    expect(huge.result).toEqual(small.result);
    // Ten times the body, not one more character handled.
    expect(huge.chars).toBe(small.chars);
    expect(huge.chars).toBeLessThanOrEqual(16 * DEFAULT_MAX_BODY_BYTES);
  });
});

describe('classify looks at no more than maxBodyBytes of a body', () => {
  // The JSON closes only after the padding: read whole, it is a FastAPI/OpenAI-style body; cut at
  // the bound, it is not JSON at all. So a classify that read past the bound would differ.
  const shapes = fc.constantFrom<readonly [string, string, number]>(
    ['{"detail":"Missing required field"', '}', 422],
    ['{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}', '}', 429],
    ['{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}', '}', 529],
  );

  it('string bodies: the result equals classifying the first maxBodyBytes alone', () => {
    fc.assert(
      fc.property(shapes, fc.nat({ max: 200 }), fc.nat({ max: 300 }), ([head, tail, st], pad, cut) => {
        const text = `${head}${' '.repeat(pad)}${tail}`;
        const max = Math.min(cut, text.length - 1);
        const bounded = classify({ status: st, body: text }, { maxBodyBytes: max, now: 0 });
        const truncated = classify({ status: st, body: text.slice(0, max) }, { maxBodyBytes: 1_000_000, now: 0 });
        expect(bounded).toEqual(truncated);
        // What arrived before the cut is read (issue 17), never what lies beyond it.
        if (bounded.vendorCode !== undefined) expect(text.slice(0, max)).toContain(`"${bounded.vendorCode}"`);
      }),
      { numRuns: RUNS },
    );
  });

  it('byte bodies: only the first maxBodyBytes bytes are decoded', () => {
    fc.assert(
      fc.property(shapes, fc.nat({ max: 200 }), fc.nat({ max: 300 }), fc.boolean(), ([head, tail, st], pad, cut, asBuffer) => {
        const bytes = new TextEncoder().encode(`${head}${' '.repeat(pad)}${tail}`);
        const max = Math.min(cut, bytes.length - 1);
        const input = asBuffer ? bytes.buffer : bytes;
        const bounded = classify({ status: st, body: input }, { maxBodyBytes: max, now: 0 });
        const truncated = classify({ status: st, body: bytes.slice(0, max) }, { maxBodyBytes: 1_000_000, now: 0 });
        expect(bounded).toEqual(truncated);
      }),
      { numRuns: RUNS },
    );
  });

  it('the same bodies read whole are understood (so the bound is what made the difference)', () => {
    const whole = classify({ status: 429, body: '{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}   }' });
    expect(whole.vendorCode).toBe('rate_limit_exceeded');
    const cut = classify({ status: 429, body: '{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}   }' }, { maxBodyBytes: 60 });
    expect(cut.vendorCode).not.toBe('rate_limit_exceeded');
  });
});
