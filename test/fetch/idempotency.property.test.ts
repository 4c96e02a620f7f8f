// The idempotency rule of createFetch, over generated calls: a fault of class `idempotent` is retried
// exactly when the call is idempotent (method, Idempotency-Key header, idempotencyKey option, or an
// explicit override), `always` faults always, `never` faults never; every retry of a call carries
// the same key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFetch } from '../../src/entry/batteries.js';
import { constantBackoff } from '../../src/policy/backoff.js';
import { retry } from '../../src/policy/retry.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'] as const;
// Catalog classes with no vendor: 500 internal / 502 bad_gateway → idempotent, 503 / 429 → always, 400 / 402 → never.
const STATUSES = { 500: 'idempotent', 502: 'idempotent', 503: 'always', 429: 'always', 400: 'never', 402: 'never' } as const;

describe('createFetch idempotency', () => {
  it('retries exactly the faults the call may repeat, with one key per call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.constantFrom(...(Object.keys(STATUSES).map(Number) as (keyof typeof STATUSES)[])),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        async (method, status, headerKey, keyOption, optionIdempotent, callIdempotent) => {
          const sent: (string | null)[] = [];
          const fake = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
            sent.push(new Headers(init?.headers).get('idempotency-key'));
            return sent.length === 1 ? new Response(null, { status }) : new Response('{}', { status: 200 });
          };
          const api = createFetch({
            fetch: fake,
            idempotencyKey: keyOption,
            ...(optionIdempotent === undefined ? {} : { idempotent: optionIdempotent }),
            policy: retry({ maxRetries: 1, backoff: constantBackoff(0) }),
          });
          await api('http://127.0.0.1/x', {
            method,
            ...(headerKey ? { headers: { 'Idempotency-Key': 'given' } } : {}),
            ...(callIdempotent === undefined ? {} : { idempotent: callIdempotent }),
          }).catch(() => undefined);
          const keyed = headerKey || (keyOption && (method === 'POST' || method === 'PATCH'));
          const idempotent = callIdempotent ?? optionIdempotent ?? (['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(method) || keyed);
          const retryClass = STATUSES[status];
          const retried = retryClass === 'always' || (retryClass === 'idempotent' && idempotent);
          expect(sent).toHaveLength(retried ? 2 : 1);
          expect(new Set(sent).size).toBe(1);
          expect(sent[0] !== null).toBe(keyed);
          if (headerKey) expect(sent[0]).toBe('given');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
