/**
 * classify is total and bounded: hostile statuses, headers and bodies of every shape never make it
 * throw, it always answers with a catalog code in a frozen, JSON-serialisable Fault, and it never
 * looks past `maxBodyBytes` of a body. 100,000+ generated inputs per run (scale with FC_RUNS).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type Fault, classify, createClassifier, isFault, isFaultCode } from '../../src/index.js';
import { BUILTIN_PROFILES } from '../../src/vendors/index.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/core/body.js';

// Generated runs per property; every run classifies its input more than once (auto-detected,
// with generated options, with a named vendor), and `calls` counts them: ≥ 100,000 at the default.
const RUNS = Number(process.env.FC_RUNS ?? 8_000);
let calls = 0;
afterAll(() => {
  console.log(`classify fuzz: ${calls} classify calls on generated inputs`);
  if (RUNS >= 8_000) expect(calls).toBeGreaterThanOrEqual(100_000);
});

// ---- statuses ------------------------------------------------------------------------------------
const status: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, 1, 99, 100, 101, 199, 200, 204, 304, 400, 401, 403, 404, 408, 409, 413, 422, 429, 499, 500, 502, 503, 504, 529, 599, 600, 999, 1000),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, -429, 429.5, 1e21, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -2000, max: 2000 }),
  fc.double(),
  fc.constantFrom('429', ' 503 ', '4O4', '', 'abc', '0x1f5', '5e2', '\u0000'),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(null, undefined, true, false, 429n, Symbol('s'), [], {}, [503], { valueOf: () => 429 }),
);

// ---- hostile objects -----------------------------------------------------------------------------
const boom = (): never => {
  throw new Error('trap');
};
const throwingProxy = (): object =>
  new Proxy(
    {},
    { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, set: boom, defineProperty: boom, apply: boom },
  );
const throwingGetters = (): object =>
  Object.defineProperties({}, {
    error: { get: boom, enumerable: true },
    message: { get: boom, enumerable: true },
    code: { get: boom, enumerable: true },
    type: { get: boom, enumerable: true },
    status: { get: boom, enumerable: true },
    errors: { get: boom, enumerable: true },
    detail: { get: boom, enumerable: true },
  });
const cyclic = (): object => {
  const a: Record<string, unknown> = { error: { message: 'loop', code: 'rate_limit_exceeded' } };
  (a.error as Record<string, unknown>).self = a;
  a.errors = [a, a.error];
  a.detail = [{ loc: a, msg: a, type: a }];
  return a;
};
const throwingConversions = (): object => ({
  error: { message: { toString: boom, toJSON: boom, valueOf: boom }, code: { toString: boom, [Symbol.toPrimitive]: boom } },
  toString: boom,
  toJSON: boom,
  valueOf: boom,
  [Symbol.toPrimitive]: boom,
});
/**
 * fast-check inspects generated values (clone checks, printing), which trips the traps; hostile
 * values are generated as a recipe and built inside the property by {@link build}.
 */
class Recipe {
  constructor(readonly make: () => unknown) {}
  toString(): string {
    return `Recipe(${this.make.name})`;
  }
}
const build = (value: unknown): unknown => (value instanceof Recipe ? value.make() : value);
const hostile: fc.Arbitrary<unknown> = fc.constantFrom(throwingProxy, throwingGetters, cyclic, throwingConversions).map((make) => new Recipe(make));

// ---- headers -------------------------------------------------------------------------------------
const headerName = fc.oneof(
  fc.constantFrom('Retry-After', 'retry-after', 'RETRY-AFTER', 'retry-after-ms', 'x-ms-retry-after-ms', 'X-Request-Id', 'request-id',
    'x-should-retry', 'stripe-should-retry', 'content-type', 'Content-Type', 'x-ratelimit-remaining', 'x-ratelimit-reset',
    'x-ratelimit-limit', 'ratelimit', 'ratelimit-policy', 'x-amzn-errortype', 'x-ms-error-code', 'x-github-request-id', '__proto__', 'constructor'),
  fc.string({ maxLength: 20 }),
);
const headerValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('0', '1', '-1', '1.5', 'NaN', 'Infinity', '1e309', 'true', 'false', 'Wed, 21 Oct 2015 07:28:00 GMT', 'application/json',
    'text/html; charset=utf-8', 'application/problem+json', '99999999999999999999', '5s', '1h2m3.5s', 'limit=100, remaining=0, reset=5', ''),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, {}, Symbol('h')),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
);
const headerEntries = fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 });
const headers: fc.Arbitrary<unknown> = fc.oneof(
  headerEntries.map((entries) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
    return o;
  }),
  headerEntries, // entries, duplicates included
  headerEntries.map((entries) => new Map(entries)),
  fc.array(fc.tuple(fc.constantFrom('Retry-After', 'retry-after-ms', 'X-Request-Id', 'x-should-retry', 'content-type', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'ratelimit', 'x-ms-error-code'), fc.string({ unit: fc.constantFrom(...'0123456789 ,.=-:abcdefGMTtrue'.split('')), maxLength: 16 })), { maxLength: 6 })
    .map((entries) => {
      const h = new Headers();
      for (const [k, v] of entries) h.append(k, v);
      return h;
    }),
  fc.array(fc.oneof(fc.constantFrom(null, 1, 'x', [], [1, 2], ['a'], [null, 'b'], ['a', 'b', 'c']), fc.tuple(fc.string({ maxLength: 6 }), headerValue)), { maxLength: 5 }),
  fc.constantFrom(undefined, null, 'retry-after: 5', 42, true, Symbol('x'), () => 1),
  hostile,
  fc.constant(new Recipe(function throwingGet() { return { get: boom, entries: boom }; })),
  fc.constant(new Recipe(function unprintableValue() { return { get: () => ({ toString: boom }), entries: () => [] }; })),
);

// ---- bodies --------------------------------------------------------------------------------------
// Built once: re-generating 10 MB per run would dominate the run time.
// OpenAI's full error object (param and code present), so a profile reads it when it is read whole.
const TEN_MB = `{"error":{"message":"${'x'.repeat(10 * 1024 * 1024)}","type":"rate_limit_error","param":null,"code":null}}`;
const TEN_MB_BYTES = new TextEncoder().encode(TEN_MB.slice(0, 10 * 1024 * 1024));

const deepJson = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('error', 'message', 'code', 'type', 'status', 'errors', 'detail', 'title', 'reason', 'details', 'innererror'), fc.string({ maxLength: 8 })), tie('node'), { maxKeys: 4 }),
  ),
})).node;
const nest = (depth: number, leaf: string): string => '{"error":'.repeat(depth) + leaf + '}'.repeat(depth);
const text = (s: fc.Arbitrary<string>): fc.Arbitrary<string> => s;
const bodies: fc.Arbitrary<unknown> = fc.oneof(
  deepJson,
  deepJson.map((v) => JSON.stringify(v) ?? ''),
  fc.nat(1500).map((d) => nest(d, '{"code":"rate_limit_exceeded","message":"deep"}')),
  fc.nat(3000).map((d) => '['.repeat(d)),
  fc.constant(TEN_MB),
  fc.constant(TEN_MB_BYTES),
  fc.uint8Array({ maxLength: 512 }),
  fc.uint8Array({ maxLength: 64 }).map((b) => b.buffer),
  fc.uint8Array({ maxLength: 64 }).map((b) => new DataView(b.buffer)),
  fc.constantFrom(new Uint8Array([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0xa0, 0xa1]), new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0xf8, 0x88, 0x80, 0x80, 0x80])),
  text(fc.string({ unit: 'binary', maxLength: 200 })),
  fc.string({ maxLength: 300 }).map((s) => `<!DOCTYPE html><html><head><title>${s}</title></head><body><h1>502 Bad Gateway</h1><p>${s}</p></body></html>`),
  fc.string({ maxLength: 100 }).map((s) => `<?xml version="1.0"?><!DOCTYPE e [<!ENTITY a "&#x26;a;&#x26;a;"><!ENTITY b "&a;&a;&a;">]><Error><Code>SlowDown</Code><Message>&b; ${s} &lt;&amp;&#0;&#xFFFFFF;</Message><RequestId>r</RequestId></Error>`),
  fc.string({ maxLength: 60 }).map((s) => `{'error': {'message': ${JSON.stringify(s)}, 'code': None, 'retry': True, 'n': 1e400}}`),
  fc.string({ maxLength: 60 }).map((s) => `{"detail": [{"loc": ["body", ${JSON.stringify(s)}], "msg": "field required", "type": "value_error.missing"}]`),
  fc.constantFrom('', ' ', '{', '[', '{}', '[]', 'null', '"str"', '{"error":', '\uFEFF{"error":"x"}', '\ud800', '{"__proto__":{"code":"x"}}', 'Too Many Requests'),
  fc.constantFrom(null, undefined, 0, 1n, true, Symbol('b'), () => 'fn', new Date(0), /re/, new Error('body error'), [1, [2, [3]]]),
  deepJson.map((v) => (typeof v === 'object' && v !== null ? Object.freeze(v) : v)),
  hostile,
);

const options: fc.Arbitrary<Record<string, unknown> | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      vendor: fc.oneof(fc.constantFrom(...BUILTIN_PROFILES.map((p) => p.id)), fc.string({ maxLength: 8 }), fc.constantFrom(42, null, {})),
      url: fc.oneof(fc.constantFrom('https://api.openai.com/v1/x', 'https://api.anthropic.com', 'https://x.s3.amazonaws.com', 'not a url', '', 'http://[::1'), fc.string({ maxLength: 12 }).map((h) => `https://${h}.example.com/`), fc.constantFrom(42, null, {})),
      now: fc.oneof(fc.integer(), fc.double(), fc.constantFrom('now', null)),
      // Infinity (read everything) is accepted; it is exercised once below, not per run, to keep the 10 MB body cheap.
      maxBodyBytes: fc.oneof(fc.nat(100_000), fc.constantFrom(-1, Number.NaN, Number.NEGATIVE_INFINITY, 0.5, '10')),
    },
    { requiredKeys: [] },
  ),
);

function expectSound(fault: Fault): void {
  expect(isFaultCode(fault.code)).toBe(true);
  expect(isFault(fault)).toBe(true);
  expect(Object.isFrozen(fault)).toBe(true);
  const json = JSON.stringify(fault);
  expect(typeof json).toBe('string');
  expect((JSON.parse(json) as { code: string }).code).toBe(fault.code);
}

function safely(run: () => Fault): Fault {
  calls++;
  try {
    return run();
  } catch (error) {
    throw new Error(`classify threw: ${String(error instanceof Error ? error.stack : error)}`);
  }
}

// CPU time is ~30 s on one core; the timeout leaves room for a busy machine.
vi.setConfig({ testTimeout: 180_000 });

describe('classify is total', () => {
  it('on random snapshots (status × headers × body × options)', () => {
    fc.assert(
      fc.property(status, headers, bodies, options, fc.constantFrom(...BUILTIN_PROFILES.map((p) => p.id)), (s, h, b, o, vendor) => {
        const hs = build(h);
        const bs = build(b);
        expectSound(safely(() => classify({ status: s, headers: hs, body: bs }, o as never)));
        expectSound(safely(() => classify({ status: s, headers: hs, body: bs })));
        expectSound(safely(() => classify({ status: s, headers: hs, body: bs }, { vendor })));
        expectSound(safely(() => classify(Object.assign(new Error('sdk'), { status: s, headers: hs, error: bs }))));
      }),
      { numRuns: Math.ceil(RUNS * 1.5) },
    );
  });

  it('on any thrown value or non-snapshot input', () => {
    const thrown = fc.oneof(
      fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withBoxedValues: true }),
      hostile,
      fc.tuple(fc.string({ maxLength: 30 }), fc.constantFrom('ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'UND_ERR_SOCKET', 42, null))
        .map(([m, code]) => Object.assign(new Error(m), { code })),
      fc.tuple(status, headers, bodies).map(([s, h, b]) => new Recipe(() => Object.assign(new Error('sdk'), { status: s, headers: build(h), error: build(b) }))),
      fc.tuple(status, headers, bodies).map(([s, h, b]) => new Recipe(() => Object.assign(new Error('axios'), { response: { status: s, headers: build(h), data: build(b) } }))),
      fc.constantFrom(new DOMException('x', 'AbortError'), new DOMException('x', 'TimeoutError'), Object.create(null), new Response('x', { status: 503 })),
    );
    fc.assert(
      fc.property(thrown, options, (input, o) => {
        const value = build(input);
        expectSound(safely(() => classify(value, o as never)));
        expectSound(safely(() => classify(value)));
      }),
      { numRuns: RUNS },
    );
  });

  it('with every built-in vendor named, on random snapshots', () => {
    const ids = BUILTIN_PROFILES.map((p) => p.id);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ids), { minLength: 3, maxLength: 3 }), status, headers, bodies, (vendors, s, h, b) => {
        const hs = build(h);
        const bs = build(b);
        for (const vendor of vendors) expectSound(safely(() => classify({ status: s, headers: hs, body: bs }, { vendor })));
      }),
      { numRuns: Math.ceil(RUNS * 1.25) },
    );
    // and each one explicitly, on each hostile body
    for (const vendor of ids) {
      for (const make of [throwingProxy, throwingGetters, cyclic, throwingConversions]) {
        expectSound(safely(() => classify({ status: 429, headers: { 'retry-after': '1' }, body: make() }, { vendor })));
      }
      expectSound(safely(() => classify({ status: 503, body: TEN_MB }, { vendor })));
    }
  });

  it('on the hostile inputs themselves, not wrapped in a snapshot', () => {
    for (const make of [throwingProxy, throwingGetters, cyclic, throwingConversions]) {
      expectSound(safely(() => classify(make())));
      expectSound(safely(() => classify({ status: make(), headers: make(), body: make() })));
    }
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expectSound(safely(() => classify(revoked.proxy)));
    expectSound(safely(() => classify({ status: 500, headers: revoked.proxy, body: revoked.proxy })));
    expectSound(safely(() => classify({ status: 500 }, throwingProxy() as never)));
  });
});

describe('classify reads at most maxBodyBytes', () => {
  const leaf = fc.oneof(
    fc.constantFrom('{"error":{"type":"rate_limit_error","message":"slow down"}}', '{"error":{"code":"invalid_api_key","message":"bad key"}}',
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', '{"detail":"Not found"}', '{"error":"quota","message":"over"}'),
    deepJson.map((v) => JSON.stringify(v) ?? 'null'),
  );

  it('a body that only becomes valid past the bound classifies as its prefix (strings and bytes)', () => {
    fc.assert(
      fc.property(leaf, fc.nat(40), status, headers, fc.constantFrom('string', 'bytes', 'buffer'), (json, cut, s, h, form) => {
        // Cut inside the JSON: the prefix is never complete JSON, the whole is.
        const max = Math.max(0, json.length - 1 - (cut % Math.max(1, json.length)));
        const prefix = json.slice(0, max);
        const asBody = (t: string): unknown => {
          if (form === 'string') return t;
          const bytes = new TextEncoder().encode(t);
          return form === 'bytes' ? bytes : bytes.buffer;
        };
        // Byte bodies are bounded in bytes; keep the test to ASCII-safe cuts for the byte forms.
        if (form !== 'string' && new TextEncoder().encode(json).length !== json.length) return;
        const hs = build(h);
        const whole = safely(() => classify({ status: s, headers: hs, body: asBody(json) }, { maxBodyBytes: max, now: 0 }));
        const cutOff = safely(() => classify({ status: s, headers: hs, body: asBody(prefix) }, { maxBodyBytes: max, now: 0 }));
        // One bit more is read than the prefix: whether the body went on. A success's JSON that the bound cut is never
        // malformed_response (its rest may have parsed); the same prefix sent whole, cut by the server, may be.
        if ((cutOff as { code?: unknown }).code === 'malformed_response') expect((whole as { code?: unknown }).code).toBe('unknown');
        else expect(whole).toEqual(cutOff);
      }),
      { numRuns: RUNS / 2 },
    );
  });

  it('the default bound is DEFAULT_MAX_BODY_BYTES: a 10 MB JSON body classifies as its first 64 KiB', () => {
    const whole = classify({ status: 429, body: TEN_MB }, { now: 0 });
    const prefix = classify({ status: 429, body: TEN_MB.slice(0, DEFAULT_MAX_BODY_BYTES) }, { now: 0 });
    expect(whole).toEqual(prefix);
    // The complete body would have been read as an OpenAI rate limit message; the prefix is not JSON.
    const complete = classify({ status: 429, body: TEN_MB }, { now: 0, maxBodyBytes: TEN_MB.length });
    expect(complete).not.toEqual(whole);
    expect(classify({ status: 429, body: TEN_MB_BYTES }, { now: 0 })).toEqual(prefix);
  });

  it('no byte past the bound is touched (a byte view counting reads)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2048 }), fc.integer({ min: 1, max: 4096 }), fc.constantFrom(...BUILTIN_PROFILES.map((p) => p.id), undefined), (max, extra, vendor) => {
        const bytes = new TextEncoder().encode(nest(2, '"x"') + ' '.repeat(max + extra));
        let furthest = -1;
        const requested: number[] = [];
        // A Uint8Array that reports every index read and every sub-view asked for.
        class Counting extends Uint8Array {
          override subarray(begin?: number, end?: number): Uint8Array<ArrayBuffer> {
            requested.push(end ?? this.length);
            return Uint8Array.prototype.subarray.call(this, begin, end) as Uint8Array<ArrayBuffer>;
          }
        }
        const body = new Proxy(new Counting(bytes), {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) furthest = Math.max(furthest, Number(key));
            const value: unknown = Reflect.get(target, key, target);
            void receiver;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
        expectSound(safely(() => classify({ status: 500, body }, { maxBodyBytes: max, ...(vendor === undefined ? {} : { vendor }) })));
        expect(furthest).toBeLessThan(max);
        for (const end of requested) expect(end).toBeLessThanOrEqual(max);
      }),
      { numRuns: RUNS / 4 },
    );
  });

  it('a pre-parsed body is read through, never past, what a profile asks for (getters counting reads)', () => {
    // A huge array body: profiles may look at a few items, never walk the whole thing.
    let reads = 0;
    const huge = new Array<unknown>(1_000_000).fill({ message: 'x' });
    fc.assert(
      fc.property(fc.constantFrom(...BUILTIN_PROFILES.map((p) => p.id), undefined), (vendor) => {
        reads = 0;
        const items = new Proxy(huge, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
            return Reflect.get(target, key, receiver);
          },
        });
        const fault = classify({ status: 422, body: { errors: items, detail: items, error: { errors: items, details: items } } }, vendor === undefined ? {} : { vendor });
        expectSound(fault);
        expect(reads).toBeLessThan(DEFAULT_MAX_BODY_BYTES);
      }),
      { numRuns: 60 },
    );
  });

  it('a createClassifier bound applies the same way', () => {
    const small = createClassifier({ profiles: BUILTIN_PROFILES, maxBodyBytes: 16 });
    const body = '{"error":{"type":"rate_limit_error","message":"slow down"}}';
    expect(small.classify({ status: 400, body })).toEqual(small.classify({ status: 400, body: body.slice(0, 16) }));
  });
});
