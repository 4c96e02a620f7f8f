/**
 * Fault, FaultError and their helpers: createFault's defaults, cleaning and validation, the error's
 * message, cause and JSON form, the brand and shape checks, and isRetryable's yes/no.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, FAULT_CODES, FAULT_SOURCES } from '../../src/core/codes.js';
import { FaultError, createFault, isFault, isFaultError, isRetryable } from '../../src/core/fault.js';
import type { Fault, FaultInit } from '../../src/core/fault.js';

const SECRET = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

describe('createFault: defaults from the catalog', () => {
  it('fills retry and remedy from the code, source from server, and a humanized message', () => {
    for (const code of FAULT_CODES) {
      const fault = createFault({ code });
      expect(fault).toEqual({
        code,
        retry: DEFAULTS[code].retry,
        remedy: DEFAULTS[code].remedy,
        message: code.charAt(0).toUpperCase() + code.slice(1).replaceAll('_', ' '),
        source: 'server',
      });
    }
    expect(createFault({ code: 'payload_too_large' }).message).toBe('Payload too large');
    expect(createFault({ code: 'rate_limited' }).message).toBe('Rate limited');
  });

  it('keeps a valid retry, remedy and source that the caller gave', () => {
    expect(createFault({ code: 'internal', retry: 'always', remedy: 'wait', source: 'policy' })).toMatchObject({
      retry: 'always', remedy: 'wait', source: 'policy',
    });
  });

  it('replaces an unknown code, retry class or remedy (from untyped callers) with the catalog values', () => {
    const fault = createFault({ code: 'teapot', retry: 'sometimes', remedy: 'pray' } as unknown as FaultInit);
    expect(fault).toMatchObject({ code: 'unknown', retry: 'never', remedy: 'report', message: 'Unknown' });
    expect(createFault({ code: 'rate_limited', retry: 'maybe', remedy: 42 } as unknown as FaultInit)).toMatchObject({
      retry: 'always', remedy: 'wait',
    });
  });

  it('copies every optional field it was given and leaves out the undefined ones', () => {
    const init = {
      code: 'rate_limited',
      status: 429,
      vendor: 'acme',
      vendorCode: 'SLOW_DOWN',
      retryAfterMs: 1500,
      requestId: 'req_1',
      fields: [{ path: 'a.b', message: 'required' }],
      retryLimit: 2,
      resetAt: 1_700_000_000_000,
      upgradeUrl: 'https://acme.dev/upgrade',
      limit: 60,
      rateLimit: { limit: 60, remaining: 0, resetMs: 1000 },
    } as const satisfies FaultInit;
    const fault = createFault(init);
    expect(fault).toEqual({ ...init, retry: 'always', remedy: 'wait', message: 'Rate limited', source: 'server' });

    const sparse = createFault({ code: 'gone', status: undefined, vendor: undefined, requestId: undefined, rateLimit: undefined });
    expect(Object.keys(sparse).sort()).toEqual(['code', 'message', 'remedy', 'retry', 'source']);
    expect(JSON.parse(JSON.stringify(fault))).toEqual(fault);
  });

  it('returns frozen data, with frozen copies of fields and rateLimit', () => {
    const rateLimit = { limit: 10, remaining: 1 };
    const fields = [{ path: 'x', message: 'bad' }];
    const fault = createFault({ code: 'validation_failed', rateLimit, fields });
    expect(Object.isFrozen(fault)).toBe(true);
    expect(Object.isFrozen(fault.rateLimit)).toBe(true);
    expect(fault.rateLimit).not.toBe(rateLimit);
    expect(fault.rateLimit).toEqual(rateLimit);
    expect(Object.isFrozen(fault.fields)).toBe(true);
    expect(Object.isFrozen(fault.fields?.[0])).toBe(true);
    rateLimit.remaining = 0;
    expect(fault.rateLimit?.remaining).toBe(1);
  });
});

describe('createFault: retryAfterMs is a non-negative number', () => {
  it.each([
    [1500, 1500],
    [0, 0],
    [-5, 0],
    [Number.NEGATIVE_INFINITY, 0],
    [Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER],
    [Number.MAX_VALUE, Number.MAX_SAFE_INTEGER],
  ])('%s → %s', (given, expected) => {
    expect(createFault({ code: 'rate_limited', retryAfterMs: given }).retryAfterMs).toBe(expected);
  });

  it('drops NaN and non-numbers', () => {
    expect('retryAfterMs' in createFault({ code: 'rate_limited', retryAfterMs: Number.NaN })).toBe(false);
    expect('retryAfterMs' in createFault({ code: 'rate_limited', retryAfterMs: '5' as unknown as number })).toBe(false);
  });
});

describe('createFault: messages', () => {
  it('trims and collapses whitespace of every kind to single spaces', () => {
    expect(createFault({ code: 'internal', message: '  a   b  ' }).message).toBe('a b');
    expect(createFault({ code: 'internal', message: 'line one\nline two\ttab\r\nend' }).message).toBe('line one line two tab end');
    expect(createFault({ code: 'internal', message: 'a \n\n b' }).message).toBe('a b');
    expect(createFault({ code: 'internal', message: 'one two three' }).message).toBe('one two three');
  });

  it('caps a message at 500 characters, the last an ellipsis', () => {
    expect(createFault({ code: 'internal', message: 'a'.repeat(500) }).message).toBe('a'.repeat(500));
    const long = createFault({ code: 'internal', message: 'a'.repeat(501) }).message;
    expect(long).toBe(`${'a'.repeat(499)}…`);
    expect(long).toHaveLength(500);
  });

  it('looks at no more than the first 2000 characters of a message', () => {
    // Whitespace beyond character 2000 is never reached: the words after it do not come back.
    const message = `start${' '.repeat(1990)}${'b'.repeat(3000)}`;
    expect(createFault({ code: 'internal', message }).message).toBe(`start ${'b'.repeat(5)}`);
  });

  it('redacts secrets', () => {
    const fault = createFault({ code: 'unauthenticated', message: `Invalid API key ${SECRET}` });
    expect(fault.message).toBe('Invalid API key sk_live_[REDACTED]');
  });

  it('falls back to the humanized code for a blank or missing message', () => {
    for (const message of ['', '   ', '\n\t', undefined, 42 as unknown as string]) {
      expect(createFault({ code: 'bad_gateway', message }).message).toBe('Bad gateway');
    }
  });
});

describe('createFault: fields', () => {
  it('keeps paths as strings and cleans each message, which stays empty when blank', () => {
    const fault = createFault({
      code: 'validation_failed',
      fields: [
        { path: 'a', message: '  too   short ' },
        { path: 7 as unknown as string, message: 42 as unknown as string },
        { path: 'c', message: '   ' },
        { path: 'd', message: `bad key ${SECRET}` },
      ],
    });
    expect(fault.fields).toEqual([
      { path: 'a', message: 'too short' },
      { path: '7', message: '' },
      { path: 'c', message: '' },
      { path: 'd', message: 'bad key sk_live_[REDACTED]' },
    ]);
  });
});

describe('createFault: redacts what vendors echo', () => {
  it('masks secrets in the request id, vendor code and upgrade URL', () => {
    const fault = createFault({
      code: 'unauthenticated',
      requestId: `req ${SECRET}`,
      vendorCode: `bad_key:${SECRET}`,
      upgradeUrl: `https://acme.dev/upgrade?api_key=${SECRET}`,
      vendor: 'acme',
    });
    for (const value of [fault.requestId, fault.vendorCode, fault.upgradeUrl]) {
      expect(value).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
      expect(value).toContain('[REDACTED]');
    }
    expect(fault.upgradeUrl).toBe('https://acme.dev/upgrade?api_key=[REDACTED]');
  });

  it('leaves a non-string request id as it was given', () => {
    expect(createFault({ code: 'internal', requestId: 42 as unknown as string }).requestId).toBe(42);
  });
});

describe('isFault', () => {
  const fault = createFault({ code: 'gone', status: 410 });

  it('recognises a Fault, one that crossed JSON, and plain data of the same shape', () => {
    expect(isFault(fault)).toBe(true);
    expect(isFault(JSON.parse(JSON.stringify(fault)))).toBe(true);
    for (const source of FAULT_SOURCES) expect(isFault({ ...fault, source })).toBe(true);
  });

  it('rejects anything missing or wrong in code, retry, remedy, message or source', () => {
    for (const value of [null, undefined, 'gone', 42, () => fault]) expect(isFault(value)).toBe(false);
    expect(isFault({ ...fault, code: 'teapot' })).toBe(false);
    expect(isFault({ ...fault, retry: 'sometimes' })).toBe(false);
    expect(isFault({ ...fault, remedy: 'pray' })).toBe(false);
    expect(isFault({ ...fault, message: 42 })).toBe(false);
    expect(isFault({ ...fault, source: 'vendor' })).toBe(false);
    expect(isFault({ ...fault, source: undefined })).toBe(false);
  });

  it('is false for a function, even one carrying a Fault\'s fields', () => {
    expect(isFault(Object.assign(() => undefined, fault))).toBe(false);
  });

  it('is false, not a throw, for an object whose getters throw', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(isFault(hostile)).toBe(false);
  });
});

describe('FaultError', () => {
  it("carries the Fault, its fields, and the Fault's message", () => {
    const fault = createFault({ code: 'rate_limited', status: 429, message: 'slow down', retryAfterMs: 2000 });
    const error = new FaultError(fault);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FaultError');
    expect(error.message).toBe('slow down');
    expect(String(error)).toBe('FaultError: slow down');
    expect(error.fault).toBe(fault);
    expect(error).toMatchObject({ code: 'rate_limited', retry: 'always', remedy: 'wait', status: 429, retryAfterMs: 2000, source: 'server' });
  });

  it('keeps fault and the brand out of its own enumerable keys', () => {
    const error = new FaultError(createFault({ code: 'gone' }));
    expect(Object.keys(error)).not.toContain('fault');
    expect(Object.getOwnPropertySymbols(error).every((s) => !Object.getOwnPropertyDescriptor(error, s)?.enumerable)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(error, 'fault')?.enumerable).toBe(false);
  });

  it('keeps a cause when one is given, even undefined, as a non-enumerable, writable property', () => {
    const original = new Error('socket');
    const error = new FaultError(createFault({ code: 'connection_reset' }), { cause: original });
    expect(error.cause).toBe(original);
    const descriptor = Object.getOwnPropertyDescriptor(error, 'cause');
    expect(descriptor).toMatchObject({ enumerable: false, writable: true, configurable: true });
    expect('cause' in new FaultError(createFault({ code: 'gone' }), { cause: undefined })).toBe(true);
    expect('cause' in new FaultError(createFault({ code: 'gone' }))).toBe(false);
    expect('cause' in new FaultError(createFault({ code: 'gone' }), {})).toBe(false);
  });

  it('rebuilds an unfrozen fault-shaped value (cleaning and redacting it), and turns a non-fault into unknown', () => {
    const plain = { code: 'unauthenticated', retry: 'never', remedy: 'reauthenticate', message: `  bad key ${SECRET} `, source: 'server' } as Fault;
    const error = new FaultError(plain);
    expect(error.fault).not.toBe(plain);
    expect(Object.isFrozen(error.fault)).toBe(true);
    expect(error.message).toBe('bad key sk_live_[REDACTED]');

    const junk = new FaultError({ nope: true } as unknown as Fault);
    expect(junk.fault).toEqual({ code: 'unknown', retry: 'never', remedy: 'report', message: 'Unknown', source: 'server' });
    expect(junk.message).toBe('Unknown');
    // Part of a Fault is not a Fault: a code alone does not make it through.
    expect(new FaultError({ code: 'gone', message: 'deleted' } as unknown as Fault).fault.code).toBe('unknown');
    expect(new FaultError(Object.freeze({ code: 'teapot' }) as unknown as Fault).fault.code).toBe('unknown');
  });

  it('serialises to the Fault plus its name, never the cause or stack', () => {
    const fault = createFault({ code: 'internal', status: 500, requestId: 'r1' });
    const error = new FaultError(fault, { cause: new Error(`inner ${SECRET}`) });
    expect(error.toJSON()).toEqual({ name: 'FaultError', ...fault });
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toEqual({ name: 'FaultError', ...fault });
    expect(json).not.toContain('inner');
    expect(json).not.toContain('stack');
  });

  it('has a writable name on the prototype, so subclasses can rename themselves', () => {
    const descriptor = Object.getOwnPropertyDescriptor(FaultError.prototype, 'name');
    expect(descriptor).toMatchObject({ value: 'FaultError', writable: true, configurable: true });
    class MyError extends FaultError {}
    const mine = new MyError(createFault({ code: 'gone' }));
    (mine as { name: string }).name = 'MyError';
    expect(mine.name).toBe('MyError');
  });
});

describe('isFaultError', () => {
  it('recognises a FaultError by its Symbol.for brand, across copies', () => {
    expect(isFaultError(new FaultError(createFault({ code: 'gone' })))).toBe(true);
    const foreign = Object.assign(new Error('x'), { [Symbol.for('faultline.FaultError')]: true });
    expect(isFaultError(foreign)).toBe(true);
  });

  it('is false for other errors, Faults, primitives, and objects whose traps throw', () => {
    for (const value of [new Error('x'), createFault({ code: 'gone' }), null, undefined, 'FaultError', 1]) {
      expect(isFaultError(value)).toBe(false);
    }
    expect(isFaultError({ [Symbol.for('faultline.FaultError')]: 'yes' })).toBe(false);
    expect(isFaultError(Object.assign(() => undefined, { [Symbol.for('faultline.FaultError')]: true }))).toBe(false);
    expect(isFaultError(new Proxy({}, { get: () => { throw new Error('trap'); } }))).toBe(false);
  });
});

describe('isRetryable', () => {
  it('always → yes; never → no; idempotent → only when the caller says the request is idempotent', () => {
    expect(isRetryable({ retry: 'always' })).toBe(true);
    expect(isRetryable({ retry: 'always' }, { idempotent: false })).toBe(true);
    expect(isRetryable({ retry: 'never' }, { idempotent: true })).toBe(false);
    expect(isRetryable({ retry: 'idempotent' }, { idempotent: true })).toBe(true);
    expect(isRetryable({ retry: 'idempotent' }, { idempotent: false })).toBe(false);
    expect(isRetryable({ retry: 'idempotent' })).toBe(false);
    expect(isRetryable({ retry: 'idempotent' }, { idempotent: 'yes' as unknown as boolean })).toBe(false);
  });

  it('says no to a missing fault or an unknown retry class', () => {
    expect(isRetryable(undefined as unknown as Fault)).toBe(false);
    expect(isRetryable({ retry: 'sometimes' } as unknown as Fault, { idempotent: true })).toBe(false);
  });
});
