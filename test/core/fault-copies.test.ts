/**
 * `instanceof FaultError` across two copies of faultline: two module instances of the source
 * (a second import of fault.ts under another URL), and the built ESM and CJS entry points loaded
 * side by side, as when an app and one of its dependencies each bring their own copy.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';

type FaultModule = typeof import('../../src/core/fault.js');

describe('FaultError instanceof across copies', () => {
  it('two module instances of the source: each accepts the other copy’s errors, both ways', async () => {
    const other = (await import(`../../src/core/fault.js?copy=${'second'}`)) as FaultModule;
    expect(other.FaultError).not.toBe(FaultError);
    const ours = new FaultError(createFault({ code: 'gone' }));
    const theirs = new other.FaultError(other.createFault({ code: 'gone' }));
    // Not by prototype: the classes are distinct.
    expect(Object.getPrototypeOf(theirs)).not.toBe(FaultError.prototype);
    expect(theirs instanceof FaultError).toBe(true);
    expect(ours instanceof other.FaultError).toBe(true);
    expect(ours instanceof FaultError && theirs instanceof other.FaultError).toBe(true);
    expect(isFaultError(theirs) && other.isFaultError(ours)).toBe(true);
  });

  it('is false for other errors, Faults and non-objects', () => {
    for (const value of [new Error('x'), createFault({ code: 'gone' }), null, undefined, 'FaultError', 1, {}]) {
      expect(value instanceof FaultError).toBe(false);
    }
    expect({ [Symbol.for('faultline.FaultError')]: 'yes' } instanceof FaultError).toBe(false);
  });

  it('a subclass matches by its prototype chain only: a plain FaultError, of this copy or another, is not one', async () => {
    const other = (await import(`../../src/core/fault.js?copy=${'third'}`)) as FaultModule;
    class RateLimitError extends FaultError {}
    class OtherSubclass extends FaultError {}
    const sub = new RateLimitError(createFault({ code: 'rate_limited' }));
    expect(sub instanceof RateLimitError).toBe(true);
    expect(sub instanceof FaultError).toBe(true);
    expect(sub instanceof other.FaultError).toBe(true);
    expect(sub instanceof Error).toBe(true);
    expect(sub instanceof OtherSubclass).toBe(false);
    expect(new FaultError(createFault({ code: 'gone' })) instanceof RateLimitError).toBe(false);
    expect(new other.FaultError(other.createFault({ code: 'gone' })) instanceof RateLimitError).toBe(false);
    // An instance made without the constructor (no brand) still matches by its prototype.
    expect(Object.create(RateLimitError.prototype) instanceof RateLimitError).toBe(true);
    expect(Object.create(FaultError.prototype) instanceof FaultError).toBe(true);
  });

  it('error.fault is the data; error.code and the other copied fields are shortcuts equal to it', () => {
    const error = new FaultError(createFault({ code: 'rate_limited', status: 429, retryAfterMs: 2000 }));
    for (const [key, value] of Object.entries(error.fault)) expect((error as unknown as Record<string, unknown>)[key], key).toEqual(value);
    expect(error.code).toBe(error.fault.code);
  });
});

const root = new URL('../../', import.meta.url);
const built = existsSync(new URL('dist/index.js', root)) && existsSync(new URL('dist/index.cjs', root));

describe.skipIf(!built)(`the built ESM and CJS copies${built ? '' : ' — skipped: dist/ is not built (npm test builds it first)'}`, () => {
  it('an error from either build is instanceof the other build’s FaultError', async () => {
    const esm = (await import(fileURLToPath(new URL('dist/index.js', root)))) as typeof import('../../src/index.js');
    const cjs = createRequire(import.meta.url)(fileURLToPath(new URL('dist/index.cjs', root))) as typeof import('../../src/index.js');
    expect(esm.FaultError).not.toBe(cjs.FaultError);
    const fromEsm = new esm.FaultError(esm.createFault({ code: 'internal' }));
    const fromCjs = new cjs.FaultError(cjs.createFault({ code: 'internal' }));
    expect(fromCjs instanceof esm.FaultError).toBe(true);
    expect(fromEsm instanceof cjs.FaultError).toBe(true);
    // A classified failure thrown by one build's policy is caught as the other's.
    const caught = await esm.retry({ maxRetries: 0 }).execute(() => Promise.reject(fromCjs)).catch((e: unknown) => e);
    expect(caught instanceof cjs.FaultError && caught instanceof esm.FaultError).toBe(true);
  });
});
