// A bulkhead: at most 2 calls to a slow upstream at once, 1 more waits in line; a waiter whose caller
// gives up leaves the line at once and frees its place for the next one.
import { bulkhead, isFaultError } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ results: string[]; running: number; queued: number }> {
  const clock = new VirtualClock();
  const pool = bulkhead({ maxConcurrent: 2, maxQueue: 1, queueTimeoutMs: 1_000, clock });
  const slow = (name: string) => async (): Promise<string> => {
    await clock.sleep(500); // in production: await fetch(url, { signal })
    return name;
  };

  const caller = new AbortController();
  const calls = [
    pool.execute(slow('a')),
    pool.execute(slow('b')),
    pool.execute(slow('c'), { signal: caller.signal }), // waits in line
    pool.execute(slow('d')), // line full: refused at once
  ].map((p) => p.catch((e: unknown) => (isFaultError(e) ? e.code : 'error')));
  caller.abort(); // c leaves the line
  const e = pool.execute(slow('e')); // takes c's place in line
  await clock.runAll();
  return { results: [...(await Promise.all(calls)), await e], running: pool.running, queued: pool.queued };
}
