// Retry + timeout around an HTTP call: the retry honours Retry-After and the catalog's retry rules,
// the timeout gives each attempt 10 s. Virtual time from faultline/testing runs the whole schedule
// (2 s + 10 s + backoff) in a few milliseconds, which is also how you test your own policies.
import { FaultError, classify, exponentialBackoff, pipeline, retry, timeout } from 'faultline';
import { VirtualClock } from 'faultline/testing';

interface Snapshot {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// A stand-in for `fetch` so the example runs anywhere: a 503 asking for 2 s, then a hang, then data.
function flakyUpstream(clock: VirtualClock): (signal: AbortSignal) => Promise<Snapshot> {
  let calls = 0;
  return async (signal) => {
    calls += 1;
    if (calls === 1) return { status: 503, headers: { 'retry-after': '2' }, body: '{"error":"warming up"}' };
    if (calls === 2) await clock.sleep(60_000, signal); // hangs until the timeout aborts the signal
    return { status: 200, headers: {}, body: '{"items":[1,2,3]}' };
  };
}

export async function main(): Promise<{ data: { items: number[] }; log: string[]; elapsedMs: number }> {
  const clock = new VirtualClock();
  const upstream = flakyUpstream(clock);

  const retrying = retry({
    maxRetries: 3,
    backoff: exponentialBackoff({ initialMs: 200, factor: 2, maxMs: 30_000, jitter: 'full' }),
    maxRetryAfterMs: 60_000,
    idempotent: true, // a GET: safe to send twice
    clock,
  });
  const policy = pipeline(retrying, timeout({ timeoutMs: 10_000, mode: 'cooperative', clock }));

  const log: string[] = [];
  retrying.onRetry(({ attempt, delayMs, fault }) => {
    log.push(`attempt ${attempt} failed with ${fault.code}; retrying in ${Math.round(delayMs)} ms`);
  });

  const pending = policy.execute(async ({ signal }) => {
    const response = await upstream(signal); // in production: await fetch(url, { signal })
    if (response.status >= 400) throw new FaultError(classify(response));
    return JSON.parse(response.body) as { items: number[] };
  });
  await clock.runAll();
  return { data: await pending, log, elapsedMs: clock.now() };
}
