/**
 * No secret escapes: generated secrets of every common form, embedded anywhere in bodies, headers,
 * URLs, messages and thrown errors, never appear in any output channel — `message`, `toJSON()`,
 * `String(error)`, `error.stack`, event payloads. The CLI's and the demo's output:
 * secrets-cli.property.test.ts and secrets-demo.test.ts (the secrets themselves: secret-arbitraries.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultError, bulkhead, circuitBreaker, classify, constantBackoff, createFetch, retry, timeout } from '../../src/index.js';
import { faultFromThrown } from '../../src/core/network.js';
import { VirtualClock } from '../../src/testing/index.js';
import { alnum, secrets, surroundings } from './secret-arbitraries.js';
import { basicClassifier } from '../../src/core/basic-classifier.js';
import { faultErrorOf } from '../../src/core/fault-error-of.js';

// What every policy does with a thrown value, with no vendor profile (these inputs hold no unread body).
const toFaultError = (thrown: unknown): FaultError => faultErrorOf(thrown, basicClassifier) as FaultError;

const RUNS = Number(process.env.FC_RUNS ?? 300);

function channels(error: FaultError): string[] {
  return [error.message, JSON.stringify(error), JSON.stringify(error.toJSON()), String(error), error.stack ?? '', JSON.stringify(error.fault)];
}

describe('no secret escapes', () => {
  it('from a response body, in any vendor shape', () => {
    fc.assert(
      fc.property(secrets, surroundings, fc.constantFrom(400, 401, 403, 429, 500, 503), fc.nat(4), (s, [before, after], status, shape) => {
        const message = `${before}${s.text}${after}`;
        const bodies = [
          JSON.stringify({ error: { message, type: 'invalid_request_error' } }),
          JSON.stringify({ type: 'error', error: { type: 'authentication_error', message } }),
          JSON.stringify({ detail: message }),
          JSON.stringify({ error: 'invalid_api_key', message }),
          `<html><head><title>${message}</title></head><body><h1>${message}</h1></body></html>`,
        ];
        const fault = classify({ status, headers: { 'x-request-id': 'req_1' }, body: bodies[shape] });
        for (const out of channels(new FaultError(fault))) expect(out).not.toContain(s.secret);
      }),
      { numRuns: RUNS },
    );
  });

  it('from a request id or vendor error code that quotes a secret (header or body)', () => {
    fc.assert(
      fc.property(secrets, secrets, fc.constantFrom(400, 401, 403, 429, 500), fc.boolean(), (id, code, status, inHeader) => {
        const body = JSON.stringify({ error: { message: 'denied', type: 'invalid_request_error', code: code.text, ...(inHeader ? {} : { request_id: id.text }) } });
        const fault = classify({ status, headers: inHeader ? { 'x-request-id': id.text, 'request-id': id.text } : {}, body });
        for (const out of channels(new FaultError(fault))) {
          expect(out).not.toContain(id.secret);
          expect(out).not.toContain(code.secret);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('from a thrown error, its message and its cause chain', () => {
    fc.assert(
      fc.property(secrets, surroundings, (s, [before, after]) => {
        const thrown = new TypeError(`${before}${s.text}${after}`, { cause: Object.assign(new Error(`connect to ${s.text}`), { code: 'ECONNREFUSED' }) });
        const fromThrown = faultFromThrown(thrown);
        for (const out of [fromThrown.message, JSON.stringify(fromThrown), ...channels(toFaultError(thrown))]) {
          expect(out).not.toContain(s.secret);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('from retry event payloads', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, async (s) => {
        const clock = new VirtualClock();
        const policy = retry({ maxRetries: 1, backoff: constantBackoff(1), clock, idempotent: true });
        const seen: string[] = [];
        policy.onRetry((e) => seen.push(JSON.stringify(e)));
        policy.onGiveUp((e) => seen.push(JSON.stringify(e)));
        const pending = policy
          .execute(() => {
            throw Object.assign(new Error(`upstream said ${s.text}`), { code: 'ECONNRESET' });
          })
          .catch((e: FaultError) => seen.push(...channels(e)));
        await clock.runAll();
        await pending;
        expect(seen.length).toBeGreaterThan(2);
        for (const out of seen) expect(out).not.toContain(s.secret);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('from createFetch errors: a response body holding a secret, a URL with the key in its query', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, alnum(12, 32), fc.constantFrom(400, 401, 403, 422), async (s, key, status) => {
        const seen: string[] = [];
        // A fake fetch (no socket): a body that quotes the secret, then a transport error naming the URL.
        const bodyFetch = createFetch({
          policy: timeout({ timeoutMs: 1000 }),
          fetch: () => Promise.resolve(new Response(JSON.stringify({ error: { message: `bad credential ${s.text}` } }), { status })),
        });
        await bodyFetch(`https://api.example.com/v1/x?api_key=${key}`).catch((e: FaultError) => seen.push(...channels(e)));
        const netFetch = createFetch({
          policy: timeout({ timeoutMs: 1000 }),
          fetch: (input) => Promise.reject(new TypeError(`fetch failed for ${String(input)} with ${s.text}`)),
        });
        await netFetch(`https://api.example.com/v1/x?api_key=${key}`).catch((e: FaultError) => seen.push(...channels(e)));
        expect(seen.length).toBeGreaterThan(4);
        for (const out of seen) {
          expect(out).not.toContain(s.secret);
          expect(out).not.toContain(key);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('from circuit-breaker and bulkhead events and rejections', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, async (s) => {
        const clock = new VirtualClock();
        const breaker = circuitBreaker({ clock, breakMs: 10 });
        const pool = bulkhead({ maxConcurrent: 1, clock });
        const seen: string[] = [];
        breaker.onStateChange((e) => seen.push(JSON.stringify(e)));
        const fail = (): never => {
          throw Object.assign(new Error(`upstream said ${s.text}`), { code: 'ECONNRESET' });
        };
        for (let i = 0; i < 6; i++) await breaker.execute(fail).catch((e: FaultError) => seen.push(...channels(e)));
        let release: () => void = () => undefined;
        const held = pool.execute(() => new Promise<void>((r) => (release = r)));
        await pool.execute(fail).catch((e: FaultError) => seen.push(...channels(e)));
        release();
        await held;
        await pool.execute(fail).catch((e: FaultError) => seen.push(...channels(e)));
        expect(seen.length).toBeGreaterThan(6);
        for (const out of seen) expect(out).not.toContain(s.secret);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
