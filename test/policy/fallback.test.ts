import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError, type Fault } from '../../src/core/fault.js';
import { fallback } from '../../src/policy/fallback.js';

const fail = (code: Fault['code']) => () => Promise.reject(new FaultError(createFault({ code })));

describe('fallback', () => {
  it('passes a success through', async () => {
    expect(await fallback('stale').execute(() => 'fresh')).toBe('fresh');
  });

  it('resolves with the value on a fault', async () => {
    expect(await fallback('stale').execute(fail('service_unavailable'))).toBe('stale');
  });

  it('calls a function with the fault', async () => {
    const value = await fallback((fault: Fault) => `fallback for ${fault.code}`).execute(fail('rate_limited'));
    expect(value).toBe('fallback for rate_limited');
    expect(await fallback(async () => 42).execute(() => { throw new Error('x'); })).toBe(42);
  });

  it('handles only the listed codes', async () => {
    const policy = fallback('stale', { on: ['circuit_open', 'bulkhead_full'] });
    expect(await policy.execute(fail('circuit_open'))).toBe('stale');
    const error = await policy.execute(fail('not_found')).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('not_found');
  });

  it('does not hide a cancellation by default', async () => {
    const error = await fallback('stale').execute(fail('cancelled')).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('cancelled');
    const controller = new AbortController();
    const pending = fallback('stale').execute(() => new Promise(() => undefined), { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const aborted = await pending;
    expect(isFaultError(aborted) && aborted.code).toBe('cancelled');
  });

  it('rejects with a FaultError when the fallback function throws', async () => {
    const thrown = new Error('fallback broke');
    const error = await fallback(() => { throw thrown; }).execute(fail('internal')).catch((e: unknown) => e);
    expect(isFaultError(error) && error.cause).toBe(thrown);
  });

  it('rejects bad options at construction', () => {
    expect(() => fallback(1, { on: ['nope'] as never })).toThrow(new TypeError('fallback: on must be an array of fault codes, got an array'));
    expect(() => fallback(1, { on: 'internal' as never })).toThrow(new TypeError('fallback: on must be an array of fault codes, got "internal"'));
    expect(() => fallback(1, 3 as never)).toThrow(new TypeError('fallback: options must be an object, got 3'));
  });
});
