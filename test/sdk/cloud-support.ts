/**
 * Helpers for the cloud SDK matrix tests (stripe, octokit, AWS, grpc-js): drive a retry policy on a
 * VirtualClock while the SDK does real I/O against the loopback server, and compare a Fault with a
 * fixture's `expected` fields.
 */
import { expect } from 'vitest';
import type { Fault } from '../../src/index.js';
import type { VirtualClock } from '../../src/testing/index.js';

export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Settles `run`, firing the clock's sleeps whenever the policy waits; between sleeps the SDK's
 * real socket I/O needs real event-loop turns, which a VirtualClock cannot give.
 */
export async function drive<T>(clock: VirtualClock, run: Promise<T>): Promise<Settled<T>> {
  let done = false;
  const settled = run.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
  void settled.then(() => {
    done = true;
  });
  while (!done) {
    if (clock.pendingTimers > 0) await clock.runAll();
    else await new Promise((resolve) => setImmediate(resolve));
  }
  return settled;
}

/** Checks exactly the fields a fixture names; a field it leaves out is not looked at. */
export function expectFault(fault: Fault, expected: Readonly<Record<string, unknown>>): void {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) picked[key] = (fault as unknown as Record<string, unknown>)[key];
  expect(picked).toEqual(expected);
}

/** What the SDK threw, for tests that need the rejection of a call that must fail. */
export async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const SAME = ['code', 'retry', 'status', 'vendor', 'vendorCode', 'requestId', 'retryAfterMs'] as const;

/** The fields an SDK's error must share with the raw response it came from. */
export function essentials(fault: Fault): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of SAME) out[key] = fault[key];
  return out;
}
