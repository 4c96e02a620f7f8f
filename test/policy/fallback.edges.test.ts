/**
 * fallback at its edges: the signal and attempt fn is given, async fallback values, and a handled
 * list that includes `cancelled`.
 */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { fallback } from '../../src/policy/fallback.js';
import { neverSignal } from '../../src/policy/signal.js';

const failWith = (code: 'internal' | 'cancelled' | 'rate_limited') => () => Promise.reject(new FaultError(createFault({ code })));

describe('fallback edges', () => {
  it("gives fn attempt 1 and a signal: the caller's, or one that never aborts", async () => {
    const seen: Array<[AbortSignal, number]> = [];
    await fallback('x').execute(({ signal, attempt }) => seen.push([signal, attempt]));
    const { signal } = new AbortController();
    await fallback('x').execute(({ signal: s, attempt }) => seen.push([s, attempt]), { signal });
    expect(seen[0]?.[0]).toBe(neverSignal());
    expect(seen[0]?.[0].aborted).toBe(false);
    expect(seen[0]?.[1]).toBe(1);
    expect(seen[1]?.[0]).toBe(signal);
  });

  it('awaits an async fallback value, and an async fallback that rejects gives a FaultError', async () => {
    expect(await fallback(async () => 'later').execute(failWith('internal'))).toBe('later');
    const error = await fallback(() => Promise.reject(new Error('cache down'))).execute(failWith('internal')).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('unknown');
    expect((error as FaultError).cause).toEqual(new Error('cache down'));
  });

  it('a fallback value that is not a function is returned as is (objects, null, 0)', async () => {
    const value = { items: [] };
    expect(await fallback(value).execute(failWith('internal'))).toBe(value);
    expect(await fallback(null).execute(failWith('internal'))).toBeNull();
    expect(await fallback(0).execute(failWith('internal'))).toBe(0);
  });

  it("an explicit list may include cancelled; what fn threw is passed on when its code isn't listed", async () => {
    expect(await fallback('x', { on: ['cancelled'] }).execute(failWith('cancelled'))).toBe('x');
    const thrown = new FaultError(createFault({ code: 'rate_limited' }));
    const error = await fallback('x', { on: ['cancelled'] }).execute(() => Promise.reject(thrown)).catch((e: unknown) => e);
    expect(error).toBe(thrown);
    expect(await fallback('x', { on: [] }).execute(failWith('internal')).catch((e: unknown) => isFaultError(e) && e.code)).toBe('internal');
  });
});
