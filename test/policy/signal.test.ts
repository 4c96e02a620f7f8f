/**
 * Abort plumbing: the shared never-aborting signal, telling a caller's signal from it, and
 * raceAbort (settles with `cancelled` the moment the signal aborts; its one listener removed).
 */
import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../src/core/fault.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry } from '../../src/policy/retry.js';
import { callerSignal, neverSignal, raceAbort } from '../../src/policy/signal.js';
import { timeout } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

describe('neverSignal', () => {
  it('is one shared signal that is not aborted', () => {
    const signal = neverSignal();
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal.aborted).toBe(false);
    expect(neverSignal()).toBe(signal);
  });

  it('is what fn sees when the caller passed no signal', async () => {
    let seen: AbortSignal | undefined;
    await retry().execute(({ signal }) => (seen = signal));
    expect(seen).toBe(neverSignal());
  });
});

describe('callerSignal', () => {
  it("is the caller's signal, or undefined for none or the shared never-aborting one", () => {
    const { signal } = new AbortController();
    expect(callerSignal(undefined)).toBeUndefined();
    expect(callerSignal({})).toBeUndefined();
    expect(callerSignal({ signal: undefined })).toBeUndefined();
    expect(callerSignal({ signal: neverSignal() })).toBeUndefined();
    expect(callerSignal({ signal })).toBe(signal);
  });

  it('a pipeline called without a signal adds no abort listener to the shared signal inner layers see', async () => {
    const never = neverSignal();
    const original = never.addEventListener;
    let added = 0;
    never.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added++;
      original.apply(never, args);
    }) as AbortSignal['addEventListener'];
    try {
      const clock = new VirtualClock();
      const result = pipeline(retry({ clock }), timeout({ timeoutMs: 100, clock }), retry({ clock })).execute(() => 'ok');
      await clock.runAll();
      expect(await result).toBe('ok');
      expect(added).toBe(0);
    } finally {
      never.addEventListener = original;
    }
  });
});

describe('raceAbort', () => {
  it('resolves with the value and removes its listener', async () => {
    const { signal, live } = countingController();
    const pending = raceAbort(signal, () => Promise.resolve(42));
    expect(live()).toBe(1);
    expect(await pending).toBe(42);
    expect(live()).toBe(0);
  });

  it('rejects with the error as is and removes its listener', async () => {
    const { signal, live } = countingController();
    const thrown = new Error('nope');
    await expect(raceAbort(signal, () => Promise.reject(thrown))).rejects.toBe(thrown);
    expect(live()).toBe(0);
  });

  it('an already aborted signal rejects with cancelled without starting the work', async () => {
    let started = false;
    const error = await raceAbort(AbortSignal.abort(), () => ((started = true), Promise.resolve(1))).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('cancelled');
    expect(started).toBe(false);
  });

  it('settles with cancelled the moment the signal aborts, even if the work never settles; no listener left', async () => {
    const { controller, signal, live } = countingController();
    let settled: unknown = 'pending';
    void raceAbort(signal, () => new Promise<never>(() => undefined)).catch((e: unknown) => (settled = e));
    await Promise.resolve();
    expect(settled).toBe('pending');
    controller.abort();
    await Promise.resolve();
    expect(isFaultError(settled) && settled.code).toBe('cancelled');
    expect(live()).toBe(0);
  });

  it('a signal that times out settles with client_timeout', async () => {
    const controller = new AbortController();
    const pending = raceAbort(controller.signal, () => new Promise<never>(() => undefined)).catch((e: unknown) => e);
    controller.abort(new DOMException('timed out', 'TimeoutError'));
    const error = await pending;
    expect(isFaultError(error) && error.code).toBe('client_timeout');
  });
});
