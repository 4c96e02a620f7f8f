// A circuit breaker in front of a flaky upstream: after 3 failures in a row it opens and refuses calls
// without sending them (`circuit_open`, with `retryAfterMs` = time until the next probe), then lets one
// probe through; a successful probe closes it. Client errors such as 404 never open it.
import { FaultError, circuitBreaker, classify, consecutiveFailures, isFaultError } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ log: string[]; state: string }> {
  const clock = new VirtualClock();
  const breaker = circuitBreaker({ strategy: consecutiveFailures(3), breakMs: 5_000, breakFactor: 2, clock });
  const log: string[] = [];
  breaker.onStateChange(({ from, to }) => log.push(`${from} → ${to}`));

  let healthy = false;
  const call = (): Promise<string> =>
    breaker.execute(async () => {
      const response = healthy ? { status: 200, body: 'ok' } : { status: 503, body: '' }; // in production: await fetch(url, { signal })
      if (response.status >= 400) throw new FaultError(classify(response));
      return response.body;
    });

  for (let i = 0; i < 4; i++) {
    await call().catch((e: unknown) => {
      if (isFaultError(e)) log.push(e.code === 'circuit_open' ? `refused, next probe in ${e.retryAfterMs} ms` : `failed: ${e.code}`);
    });
  }
  healthy = true;
  await clock.advance(5_000);
  log.push(`probe: ${await call()}`);
  return { log, state: breaker.state };
}
