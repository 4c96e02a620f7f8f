// One breaker, one retry budget and one rate limit for a whole fleet: every replica that names
// them the same way through the same Redis shares their state. Here two "replicas" (two sets of
// policies, as two processes would build them) call an upstream that is down: once the fleet has
// seen 5 failures in a row the breaker is open for both, and replica B never sends a request.
// Set REDIS_URL to run it against your Redis; without it the example uses memoryStore(), the
// same store interface inside one process.
import { Redis } from 'ioredis';
import {
  FaultError,
  type StateStore,
  circuitBreaker,
  classify,
  consecutiveFailures,
  constantBackoff,
  pipeline,
  rateLimiter,
  retry,
  retryBudget,
} from 'faultline';
import { memoryStore } from 'faultline/store';
import { redisStore } from 'faultline/redis';

/** What every replica builds at start-up: the same names give the same shared state. */
function replica(store: StateStore) {
  const breaker = circuitBreaker({
    strategy: consecutiveFailures(5),
    breakMs: 10_000,
    store,
    name: 'payments-api', // the key: every replica using this name shares one breaker
    storeTimeoutMs: 100, // a slow or unreachable Redis falls back to local state, never fails the call
  });
  const budget = retryBudget({ maxTokens: 10, tokenRatio: 0.1, store, name: 'payments-api' });
  // "60 requests/min, burst 10", learned from the RateLimit headers and 429s the API sends.
  const limiter = rateLimiter({ limit: 60, windowMs: 60_000, burst: 10, adaptive: true, store, name: 'payments-api' });
  breaker.onStoreError(({ operation, timedOut }) => console.warn(`breaker store ${operation} ${timedOut ? 'timed out' : 'failed'}; using local state`));
  return { breaker, policy: pipeline(retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(50), budget }), limiter, breaker) };
}

export async function main(): Promise<{ a: string; b: string; upstreamCalls: number; refusedB: string }> {
  const client = process.env.REDIS_URL === undefined ? undefined : new Redis(process.env.REDIS_URL);
  const store = client === undefined ? memoryStore() : redisStore({ client, prefix: `example:${Date.now()}:` });
  try {
    let upstreamCalls = 0;
    const callUpstream = async (): Promise<string> => {
      upstreamCalls += 1;
      // Stands in for fetch(): the payments API is down.
      throw new FaultError(classify({ status: 503, headers: {}, body: '{"error":"unavailable"}' }));
    };

    const a = replica(store);
    const b = replica(store);
    for (let i = 0; i < 3; i++) await a.policy.execute(callUpstream).catch(() => undefined);

    // Replica B has not called anyone yet, but the breaker it shares is open.
    const refusedB = await b.policy.execute(callUpstream).catch((error: unknown) => (error instanceof FaultError ? error.fault.code : 'other'));
    return { a: a.breaker.state, b: b.breaker.state, upstreamCalls, refusedB };
  } finally {
    client?.disconnect();
  }
}
