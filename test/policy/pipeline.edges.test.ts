/**
 * pipeline at its edges: attempts counted across two retry layers, a single-policy pipeline, and
 * the caller's signal reaching the innermost layer.
 */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { constantBackoff } from '../../src/policy/backoff.js';
import { pipeline } from '../../src/policy/pipeline.js';
import type { AttemptContext, Policy } from '../../src/policy/policy.js';
import { retry } from '../../src/policy/retry.js';
import { timeout } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';

const unavailable = (): Promise<never> => Promise.reject(new FaultError(createFault({ code: 'service_unavailable' })));

/** A policy that calls fn once with a fixed attempt number and the signal it was given. */
const fixedAttempt = (attempt: number): Policy => ({
  execute: (fn, options) => Promise.resolve(fn({ signal: options?.signal ?? new AbortController().signal, attempt })),
});

describe('pipeline edges', () => {
  it('counts attempts across two retry layers: outer attempt + inner attempt - 1', async () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    const policy = pipeline(
      retry({ clock, maxRetries: 1, backoff: constantBackoff(1) }),
      retry({ clock, maxRetries: 1, backoff: constantBackoff(1) }),
      timeout({ timeoutMs: 100, clock }),
    );
    const result = policy.execute(({ attempt }) => (seen.push(attempt), unavailable())).catch((e: unknown) => e);
    await clock.runAll();
    expect(isFaultError(await result)).toBe(true);
    expect(seen).toEqual([1, 2, 2, 3]);
  });

  it('adds the attempt numbers of every layer, whatever their position', async () => {
    const seen: number[] = [];
    await pipeline(fixedAttempt(3), fixedAttempt(2), fixedAttempt(4)).execute(({ attempt }) => seen.push(attempt));
    await pipeline(fixedAttempt(3), fixedAttempt(1)).execute(({ attempt }) => seen.push(attempt));
    await pipeline(fixedAttempt(1), fixedAttempt(5)).execute(({ attempt }) => seen.push(attempt));
    expect(seen).toEqual([7, 3, 5]);
  });

  it("hands each layer, as its caller signal, the signal the layer outside it gave fn", async () => {
    const outer = new AbortController();
    const given = new AbortController();
    const seen: Array<AbortSignal | undefined> = [];
    const observer = (signal: AbortSignal): Policy => ({
      execute: (fn, options) => {
        seen.push(options?.signal);
        return Promise.resolve(fn({ signal, attempt: 1 }));
      },
    });
    let inner: AbortSignal | undefined;
    const innermost = new AbortController();
    await pipeline(observer(given.signal), observer(innermost.signal)).execute((ctx: AttemptContext) => (inner = ctx.signal), { signal: outer.signal });
    expect(seen).toEqual([outer.signal, given.signal]);
    expect(inner).toBe(innermost.signal);
  });

  it('a pipeline of one policy is that policy', async () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    const result = pipeline(retry({ clock, maxRetries: 2, backoff: constantBackoff(5) })).execute(({ attempt }) => (seen.push(attempt), attempt < 3 ? unavailable() : 'ok'));
    await clock.runAll();
    expect(await result).toBe('ok');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('rejects a null policy with its position', () => {
    expect(() => pipeline(retry(), null as never)).toThrow(new TypeError('pipeline: policies[1] must be a policy (an object with execute), got null'));
  });
});
