/**
 * Helpers the LLM SDK matrix tests share: drive a VirtualClock while real loopback I/O is in
 * flight, catch what a call threw, and pick the Fault fields a fixture's `expected` names.
 */
import type { Fault } from '../../src/index.js';
import type { VirtualClock } from '../../src/testing/index.js';

/** Settles `run`, firing the clock's timers whenever it waits on one and letting real I/O proceed otherwise. */
export async function drive<T>(clock: VirtualClock, run: Promise<T>): Promise<T> {
  let settled = false;
  const watched = run.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  while (!settled) {
    if (clock.pendingTimers > 0) await clock.runAll();
    // Real sockets need the event loop; a macrotask turn lets them progress.
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await watched;
  return run;
}

/** What `call` rejected with (fails the test when it resolves). */
export async function caught(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

/** The five Fault fields a fixture's `expected` states; absent ones as `null`, as the fixtures write them. */
export function picked(fault: Fault): Record<string, unknown> {
  return {
    code: fault.code,
    retry: fault.retry,
    retryAfterMs: fault.retryAfterMs ?? null,
    requestId: fault.requestId ?? null,
    vendorCode: fault.vendorCode ?? null,
  };
}

/** Requests a `retry({ maxRetries: 2 })` sends for a POST that fails this way every time. */
export function expectedAttempts(expected: Readonly<Record<string, unknown>>): number {
  return expected.retry === 'always' ? 3 : 1;
}

/** The waits before each retry: the server's hint when it gave one. */
export function expectedSleeps(expected: Readonly<Record<string, unknown>>): readonly number[] | undefined {
  if (expected.retry !== 'always') return [];
  return typeof expected.retryAfterMs === 'number' ? [expected.retryAfterMs, expected.retryAfterMs] : undefined;
}
