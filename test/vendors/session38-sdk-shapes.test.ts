/**
 * Properties behind session 38's SDK fixes (the real clients run in test/sdk/{directus,shopify,okta,pocketbase,appwrite,
 * bedrock}.test.ts): a rejection that is a record beside its fetch Response, an empty record as no body, Contentful's
 * rate-limit reset, undici's words after a client's name, and English words after "token" that are no secret.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { redact } from '../../src/core/redact.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

describe('a record beside the fetch Response it came from (@directus/sdk, @shopify/admin-api-client)', () => {
  it('property: the Response gives the status and its Retry-After, whatever members stand beside it', () => {
    fc.assert(
      fc.property(fc.constantFrom(400, 401, 403, 404, 409, 429, 500, 502, 503), fc.integer({ min: 1, max: 3600 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'response' && k !== '__proto__'), fc.jsonValue(), { maxKeys: 5 }), (status, wait, members) => {
        const rejection = { ...members, response: new Response(null, { status, headers: { 'retry-after': String(wait) } }) };
        const fault = classify(rejection);
        expect(fault.status).toBe(status);
        expect(fault.code).not.toBe('unknown');
        expect(fault.retryAfterMs).toBe(wait * 1000);
      }),
      { numRuns: RUNS },
    );
  });

  it('a member that throws, or a Proxy whose keys throw, never makes classify throw', () => {
    const response = new Response(null, { status: 503 });
    const hostile = new Proxy({ response }, { ownKeys: () => { throw new Error('no'); } });
    expect(() => classify(hostile)).not.toThrow();
    const getter = Object.defineProperty({ response }, 'errors', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(classify(getter)).toMatchObject({ code: 'service_unavailable', status: 503 });
  });

  it('a text body kept alone is read as text (a proxy’s words under Directus’ `errors`)', () => {
    // Envoy's 503 text, as the html profile documents it.
    expect(classify({ errors: 'no healthy upstream', response: new Response(null, { status: 503 }) })).toMatchObject({ code: 'service_unavailable', vendor: 'html', message: 'no healthy upstream' });
  });
});

describe('an empty record is no body (PocketBase’s `response.data` with no field errors)', () => {
  it('property: the body beside it is read, its message the Fault’s', () => {
    fc.assert(
      fc.property(fc.constantFrom(400, 403, 404, 500), fc.string({ minLength: 3, maxLength: 60 }).filter((m) => /[a-z]{3}/i.test(m) && m.trim() === m), (status, message) => {
        const error = Object.assign(new Error(message), { status, response: { status, message, data: {} } });
        Object.defineProperty(error, 'data', { get: () => error.response });
        expect(classify(error).message).toBe(redact(message).replace(/\s+/g, ' '));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Contentful's X-Contentful-RateLimit-Reset (seconds until the next request)", () => {
  it('property: on a 429 the wait is the reset; on a success with requests left there is none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 1, max: 10 }), (reset, left) => {
        const headers = (remaining: number, r: number) => ({ 'x-contentful-ratelimit-reset': String(r), 'x-contentful-ratelimit-second-limit': '10', 'x-contentful-ratelimit-second-remaining': String(remaining) });
        expect(classify({ status: 429, headers: headers(0, reset) }).retryAfterMs).toBe(reset * 1000);
        expect(classify({ status: 200, headers: headers(left, 0) }).retryAfterMs).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("undici's words after a client's name, the cause dropped", () => {
  it('“GraphQL Client: fetch failed” and “Admin API Client: fetch failed” are connection_reset; other words around them are not', () => {
    for (const message of ['GraphQL Client: fetch failed', 'Admin API Client: fetch failed']) {
      expect(classify(new Error(message)).code).toBe('connection_reset');
      expect(classify({ message }).code).toBe('connection_reset');
    }
    for (const message of ['my client: fetch failed', 'GraphQL Client: fetch failed twice', 'fetch failed: GraphQL Client']) expect(classify(new Error(message)).code).not.toBe('connection_reset');
  });
});

describe('English words after "token" are no secret; a token after them still is', () => {
  it('Okta’s and AWS’ sentences keep their words', () => {
    expect(redact('Invalid token provided. ')).toBe('Invalid token provided. ');
    expect(redact('The security token included in the request is invalid.')).toBe('The security token included in the request is invalid.');
  });

  it('property: a token-shaped secret after the scheme word is masked, a full stop after it or not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{12,40}$/), fc.constantFrom('', '.', '. Retry.'), (secret, tail) => {
        fc.pre(!/^(?:provided|included|invalid|missing)/i.test(secret));
        const out = redact(`Authorization: Bearer ${secret}${tail}`);
        expect(out).not.toContain(secret);
      }),
      { numRuns: RUNS },
    );
  });
});
