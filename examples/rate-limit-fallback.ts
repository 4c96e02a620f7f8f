// Stay under a vendor's documented tier ("60 requests/min, burst 10") before the server has to say
// 429, and serve a stale answer instead of an error when the upstream is down.
import { FaultError, createFault, fallback, pipeline, rateLimiter, retry } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ sent: number; rejected: number; answer: unknown }> {
  const clock = new VirtualClock();
  // mode 'reject' refuses a call over the limit at once with a `rate_limited` fault (retryAfterMs says
  // when a slot frees); the default mode 'delay' waits for the slot instead.
  const limiter = rateLimiter({ limit: 60, windowMs: 60_000, burst: 10, mode: 'reject', clock });
  let sent = 0;
  let rejected = 0;
  for (let i = 0; i < 12; i++) {
    await limiter
      .execute(async () => {
        sent += 1;
      })
      .catch((error: FaultError) => {
        if (error.code === 'rate_limited') rejected += 1;
      });
  }

  // When the upstream is down, answer from the last good copy; everything else still throws.
  const cached = { items: ['from cache'], stale: true };
  const resilient = pipeline(
    fallback(() => cached, { on: ['service_unavailable', 'circuit_open', 'connect_failed'] }),
    retry({ maxRetries: 1, clock }),
  );
  const pending = resilient.execute(async () => {
    throw new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
  });
  await clock.runAll();
  return { sent, rejected, answer: await pending };
}
