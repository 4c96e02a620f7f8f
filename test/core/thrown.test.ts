// Reading a thrown value (src/core/thrown.ts) when the value fights back: throwing getters, cause
// cycles, a 10 MB body, a body that is not JSON, a status that is a string or NaN. classify never
// throws, classifyResponse never rejects, at most maxBodyBytes of a body count, causes are walked a
// bounded number of steps. Also the shapes the HTTP-client matrix (test/sdk) added: another fetch's
// Response class, and a Blob body (ofetch) read on the async path.
import fc from 'fast-check';
import { Response as UndiciResponse } from 'undici';
import { describe, expect, it } from 'vitest';
import { isFaultCode } from '../../src/core/catalog.js';
import { type Fault, isFault } from '../../src/core/fault.js';
import { holdsUnreadBody, thrownResponse } from '../../src/core/thrown.js';
import { classify, classifyResponse } from '../../src/entry/default-classifier.js';
import { FaultError, retry } from '../../src/index.js';

const MB10 = 10 * 1024 * 1024;
const isValidFault = (f: Fault): boolean => isFault(f) && isFaultCode(f.code);

/** An Error whose every property read throws (getters on the instance and a throwing Proxy around it). */
function hostileError(): Error {
  const error = new Error('x');
  for (const key of ['status', 'statusCode', 'response', 'headers', 'body', 'data', 'cause', 'message', 'name', 'code', '$metadata', 'error', 'raw', 'meta', 'shape', 'httpResponse', 'context', 'errors', 'graphQLErrors', 'networkError', 'rawResponse', 'hint', 'details']) {
    Object.defineProperty(error, key, {
      get() {
        throw new Error(`no ${key} for you`);
      },
    });
  }
  return error;
}

// The error message holds the whole 10 MB; the vendor code comes after it. Read whole, the body is
// OpenAI's insufficient_quota (never retried); cut at the limit, it is no JSON at all (a 429).
const bigQuota = `{"error":{"message":"${'a'.repeat(MB10)}","type":"insufficient_quota","code":"insufficient_quota"}}`;

describe('classify: hostile thrown values', () => {
  it('an error with throwing getters gives a Fault, sync and async', async () => {
    const error = hostileError();
    expect(isValidFault(classify(error))).toBe(true);
    expect(isValidFault(await classifyResponse(error))).toBe(true);
    expect(holdsUnreadBody(error)).toBe(false);
  });

  it('a Proxy whose every trap throws (instanceof included) gives a Fault', async () => {
    const trap = (): never => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, has: trap, getPrototypeOf: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
    expect(classify(proxy).code).toBe('unknown');
    expect((await classifyResponse(proxy)).code).toBe('unknown');
    expect(holdsUnreadBody(proxy)).toBe(false);
  });

  it('a cause cycle terminates, and the network code inside it is found', () => {
    const a = new Error('outer');
    const b = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', cause: a });
    Object.assign(a, { cause: b });
    expect(classify(a).code).toBe('connection_reset');
    const self = new Error('self');
    Object.assign(self, { cause: self });
    expect(classify(self).code).toBe('unknown');
  });

  it('an endless cause chain (a new object on every read) is walked a bounded number of steps', () => {
    let reads = 0;
    const link = (): object => ({
      get cause() {
        reads++;
        return link();
      },
    });
    const error = Object.assign(new Error('top'), { status: 500 });
    Object.defineProperty(error, 'cause', { get: () => (reads++, link()) });
    expect(classify(error).code).toBe('internal');
    // The chain is walked from the top at most twice (the bare-status check, then the response).
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(16);
    // A network code deeper than the bound is not reached.
    let deep: unknown = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    for (let i = 0; i < 50; i++) deep = new Error(`wrap ${i}`, { cause: deep });
    expect(classify(deep).code).toBe('unknown');
  });

  it.each([
    ['a numeric string', '429', 'rate_limited'],
    ['a padded numeric string', ' 503 ', 'service_unavailable'],
    ['a non-numeric string', 'Too Many Requests', 'unknown'],
    ['NaN', Number.NaN, 'unknown'],
    ['Infinity', Number.POSITIVE_INFINITY, 'unknown'],
    ['a fraction', 429.5, 'unknown'],
    ['out of range', 42, 'unknown'],
    ['an object', { valueOf: (): number => 429 }, 'unknown'],
  ] as const)('a status that is %s gives %s', async (_, status, code) => {
    const error = Object.assign(new Error('HTTP error'), { status, response: { headers: { 'retry-after': '1' } } });
    expect(classify(error).code).toBe(code);
    expect((await classifyResponse(error)).code).toBe(code);
  });

  it('a body that is not JSON is text: HTML, a truncated JSON, bytes of no UTF-8', () => {
    const html = Object.assign(new Error('Bad Gateway'), { status: 502, response: { headers: { 'content-type': 'text/html' }, data: '<html><body><h1>502 Bad Gateway</h1></body></html>' } });
    expect(classify(html).code).toBe('bad_gateway');
    const truncated = Object.assign(new Error('x'), { status: 429, response: { data: '{"error":{"type":"insufficient_quota","code":"insuff' } });
    // Cut off: what arrived before the cut is read (issue 17), the whole `type` but not the cut `code`.
    expect(classify(truncated)).toMatchObject({ code: 'quota_exhausted', vendorCode: 'insufficient_quota' });
    const bytes = Object.assign(new Error('x'), { status: 400, response: { data: new Uint8Array([0xff, 0xfe, 0x7b, 0xc3]) } });
    expect(classify(bytes).code).toBe('invalid_request');
  });
});

describe('classify reads at most maxBodyBytes of a 10 MB body', () => {
  const asError = (data: unknown): Error => Object.assign(new Error('Request failed with status code 429'), { status: 429, response: { headers: {}, data } });

  it('as a string on an error: the vendor code past the limit is not seen, and is when the limit allows', () => {
    expect(classify(asError(bigQuota)).code).toBe('rate_limited');
    expect(classify(asError(bigQuota), { maxBodyBytes: MB10 + 200 }).code).toBe('quota_exhausted');
  });

  it('as bytes (Buffer), the same', () => {
    const bytes = Buffer.from(bigQuota);
    expect(classify(asError(bytes)).code).toBe('rate_limited');
    expect(classify(asError(bytes), { maxBodyBytes: MB10 + 200 }).code).toBe('quota_exhausted');
  });

  it('as a thrown Response: the stream is pulled only up to the limit', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(bigQuota.slice(0, 16_384));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= MB10) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const fault = await classifyResponse(new Response(stream, { status: 429 }));
    expect(fault.code).toBe('rate_limited');
    // The limit (64 KiB) plus what the stream queued ahead of the reader: nowhere near 10 MB.
    expect(pulled).toBeLessThanOrEqual(65_536 + 4 * chunk.length);
  });
});

describe("thrown responses of another fetch, and ofetch's Blob bodies", () => {
  const quota = '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}';

  it("undici's own Response class (not the global one) is a Response: sync status, async body", async () => {
    const response = new UndiciResponse(quota, { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '1' } });
    expect(response instanceof Response).toBe(false);
    expect(holdsUnreadBody(response)).toBe(true);
    expect(thrownResponse(response)?.unread).toBe(response);
    expect(classify(response).code).toBe('rate_limited');
    const fault = await classifyResponse(new UndiciResponse(quota, { status: 429, headers: { 'retry-after': '1' } }));
    expect([fault.code, fault.vendorCode, fault.retryAfterMs]).toEqual(['quota_exhausted', 'insufficient_quota', 1000]);
  });

  it('an object merely carrying status and headers is a snapshot, not a Response', () => {
    const snapshot = { status: 429, headers: { get: () => null }, body: quota };
    expect(holdsUnreadBody(snapshot)).toBe(false);
    expect(classify(snapshot).code).toBe('quota_exhausted');
  });

  it('a Blob body on an error (ofetch, unknown content type) is read on the async path', async () => {
    const make = (): Error => {
      const response = Object.assign(new Response(null, { status: 400 }), { _data: new Blob(['{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate exceeded"}']) });
      return Object.assign(new Error('[GET] "/": 400 Bad Request'), { name: 'FetchError', status: 400, response, data: response._data });
    };
    expect(holdsUnreadBody(make())).toBe(true);
    expect(classify(make()).code).toBe('invalid_request');
    const fault = await classifyResponse(make());
    expect([fault.code, fault.vendorCode]).toEqual(['rate_limited', 'ThrottlingException']);
  });
});

describe('property: hostile error objects', () => {
  // Values anywhere on an error: anything, a throwing getter, a cycle back to the error, a Proxy.
  const hostile = fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.constant('throws'),
    fc.constant('cycle'),
    fc.constant('proxy'),
    fc.integer({ min: -1, max: 1000 }),
    fc.constantFrom('429', 'NaN', '', ' 503', '1e3'),
  );
  // Every member a client's error is read by (src/core/thrown.ts, src/core/sdk-fields.ts).
  const NAMES = ['status', 'statusCode', 'response', 'headers', 'body', 'data', 'cause', 'message', 'name', 'code', 'error', 'raw', '$metadata', 'metadata', 'details', 'requestID', 'responseBody',
    'meta', 'shape', 'httpResponse', 'context', 'errors', 'graphQLErrors', 'networkError', 'extensions', 'rawResponse', 'bodyText', 'result', 'hint', 'moreInfo', 'type', 'clerkError', 'retryAfter', 'clerkTraceId',
    'ok', 'error_code', 'description', 'parameters', 'errorDetails', 'promptFeedback', 'candidates', 'stackTrace', 'correlationId', 'content', 'customData'];
  const keys = fc.subarray(NAMES);

  it('classify never throws and classifyResponse never rejects: a Fault with a catalog code', async () => {
    await fc.assert(
      fc.asyncProperty(keys, fc.array(hostile, { minLength: NAMES.length, maxLength: NAMES.length }), fc.boolean(), async (names, values, nested) => {
        const error: Record<string, unknown> & Error = new Error('boom') as Record<string, unknown> & Error;
        const target: Record<string, unknown> = nested ? ((error.response = {}) as Record<string, unknown>) : error;
        names.forEach((key, i) => {
          const value = values[i];
          if (value === 'throws') {
            Object.defineProperty(target, key, {
              get() {
                throw new Error('getter');
              },
            });
          } else if (value === 'cycle') target[key] = error;
          else if (value === 'proxy') {
            target[key] = new Proxy({}, { get: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } });
          } else target[key] = value;
        });
        expect(isValidFault(classify(error))).toBe(true);
        expect(isValidFault(await classifyResponse(error))).toBe(true);
        expect(typeof holdsUnreadBody(error)).toBe('boolean');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});

describe('a policy given a hostile thrown value', () => {
  it('rejects with a FaultError whose cause is the value, never with what a trap threw', async () => {
    const trap = (): never => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, has: trap, getPrototypeOf: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
    const outcome = await retry({ maxRetries: 2 }).execute(() => Promise.reject(proxy)).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(FaultError);
    expect((outcome as InstanceType<typeof FaultError>).cause).toBe(proxy);
  });
});
