/**
 * The retry loop seed 000 recommends (Impulse Labs' "Handling errors — recommended pattern"),
 * written as a user would paste it: retry 429 after `Retry-After` (default 5 s), retry 502/503
 * after 2**attempt s, at most 3 attempts, throw on anything else. Only its sleeps go through the
 * demo clock, so they scale exactly as the server's hints do.
 */
import type { Clock } from '../policy/clock.js';

/**
 * One call through the seed's loop. Resolves with the parsed body; rejects like the original.
 *
 * @example
 * ```ts
 * await baselineCall(clock, `${url}/infer`, { method: 'POST', body });
 * ```
 * @internal
 */
export async function baselineCall(clock: Clock, url: string, init: RequestInit, maxRetries = 3): Promise<unknown> {
  const sleep = (ms: number): Promise<void> => clock.sleep(ms);
  for (let attempt = 0; attempt < maxRetries; attempt++) {
    const resp = await fetch(url, init);
    if (resp.ok) return resp.json();
    if (resp.status === 429) {
      const retryAfter = parseInt(resp.headers.get('Retry-After') ?? '5', 10);
      await sleep(retryAfter * 1000);
      continue;
    }
    if (resp.status === 503 || resp.status === 502) {
      await sleep(2 ** attempt * 1000);
      continue;
    }
    const body = (await resp.json().catch(() => ({}))) as { detail?: unknown; error?: unknown };
    throw Object.assign(new Error(String(body.detail ?? body.error ?? 'Request failed')), { status: resp.status });
  }
  throw new Error(`Failed after ${maxRetries} attempts`);
}
