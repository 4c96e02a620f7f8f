/**
 * Edges of faultFromThrown / toFaultError beyond network.test.ts: where a code may sit on an error,
 * how far the cause chain is walked, which message a Fault keeps, which source it names, and what
 * happens to values that only pretend to be Faults or FaultErrors.
 */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault } from '../../src/core/fault.js';
import { classify } from '../../src/entry/default-classifier.js';
import { faultFromThrown } from '../../src/core/network.js';
import { basicClassifier } from '../../src/core/basic-classifier.js';
import { faultErrorOf } from '../../src/core/fault-error-of.js';

// What every policy does with a thrown value, with no vendor profile (these inputs hold no unread body).
const toFaultError = (thrown: unknown): FaultError => faultErrorOf(thrown, basicClassifier) as FaultError;

const BRAND = Symbol.for('faultline.FaultError');

describe('where the error code sits', () => {
  it('reads a string code from code, else errno, else syscall', () => {
    expect(faultFromThrown(Object.assign(new Error('x'), { errno: 'ECONNREFUSED' }))).toMatchObject({ code: 'connect_failed', source: 'network' });
    expect(faultFromThrown(Object.assign(new Error('x'), { syscall: 'ETIMEDOUT' }))).toMatchObject({ code: 'client_timeout', source: 'network' });
    // node's errno is a number: it is skipped, and an unknown string code does not stop the search
    expect(faultFromThrown(Object.assign(new Error('x'), { code: 'EWHATEVER', errno: -111, syscall: 'ECONNRESET' })).code).toBe('connection_reset');
  });

  it('takes the first recognised key: code before errno before syscall', () => {
    expect(faultFromThrown(Object.assign(new Error('x'), { code: 'ECONNRESET', errno: 'ECONNREFUSED' })).code).toBe('connection_reset');
    expect(faultFromThrown(Object.assign(new Error('x'), { errno: 'ETIMEDOUT', syscall: 'ECONNREFUSED' })).code).toBe('client_timeout');
  });

  it('takes any CERT_, ERR_TLS_, ERR_SSL_ or ERR_OSSL_ code as a failed connection, and no other ERR_ code', () => {
    for (const code of ['CERT_REVOKED', 'ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED', 'ERR_SSL_DECRYPTION_FAILED', 'ERR_OSSL_EVP_UNSUPPORTED']) {
      expect(faultFromThrown(Object.assign(new Error('x'), { code })), code).toMatchObject({ code: 'connect_failed', source: 'network' });
    }
    expect(faultFromThrown(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toMatchObject({ code: 'unknown', source: 'network' });
    expect(faultFromThrown(Object.assign(new Error('x'), { code: 'XCERT_REVOKED' })).code).toBe('unknown');
  });
});

describe('which source an unrecognised error gets', () => {
  it.each([
    ['EWEIRD', 'network'],
    ['EAB', 'network'],
    ['UND_ERR_SOMETHING', 'network'],
    ['ERR_SOMETHING', 'network'],
    ['EA', 'client'],
    ['E12', 'client'],
    ['Eab', 'client'],
    ['XEWEIRD', 'client'],
    ['SOME_UND_ERR_X', 'client'],
    ['weird', 'client'],
  ])('code %s → %s', (code, source) => {
    expect(faultFromThrown(Object.assign(new Error('odd'), { code }))).toMatchObject({ code: 'unknown', source });
  });

  it("takes a bare 'fetch failed' as a connection lost (its cause dropped: sent or not cannot be told), but not a message that merely contains it", () => {
    expect(faultFromThrown(new TypeError('fetch failed'))).toMatchObject({ code: 'connection_reset', retry: 'idempotent', source: 'network', message: 'fetch failed' });
    // An unknown system code alone is still the network's, and still unknown.
    expect(faultFromThrown(Object.assign(new Error('odd'), { code: 'EWEIRD' }))).toMatchObject({ code: 'unknown', source: 'network' });
    expect(faultFromThrown(new Error('prefetch failed twice')).source).toBe('client');
    expect(faultFromThrown(Object.assign(new Error('odd'), { code: 42 })).source).toBe('client');
  });

  it('reads only a string code: one that merely prints as a known code (an array, an object) is not a network error', () => {
    for (const code of [['ECONNRESET'], { toString: () => 'ECONNREFUSED' }]) {
      expect(faultFromThrown(Object.assign(new Error('odd'), { code }))).toMatchObject({ code: 'unknown', source: 'client', message: 'odd' });
    }
  });

  it('names the client for aborts and for its own TimeoutError, the network for a socket timeout', () => {
    expect(faultFromThrown(new DOMException('aborted', 'AbortError'))).toMatchObject({ code: 'cancelled', source: 'client' });
    expect(faultFromThrown(new DOMException('t', 'TimeoutError'))).toMatchObject({ code: 'client_timeout', source: 'client' });
    expect(faultFromThrown(Object.assign(new Error('t'), { code: 'ETIMEDOUT' }))).toMatchObject({ code: 'client_timeout', source: 'network' });
    expect(faultFromThrown(Object.assign(new Error('x'), { name: 'abortError' })).code).toBe('unknown');
  });
});

describe('messages', () => {
  it('recognises message fragments in any case, in messages shorter than 2000 characters', () => {
    expect(faultFromThrown(new Error('Socket Hang Up')).code).toBe('connection_reset');
    expect(faultFromThrown(new Error('Failed to fetch')).code).toBe('connect_failed');
    expect(faultFromThrown(new Error('NetworkError when attempting to fetch resource.')).code).toBe('connect_failed');
    expect(faultFromThrown(new Error('The network connection was lost.')).code).toBe('connection_reset');
    const padded = (n: number) => new Error(`socket hang up${' '.repeat(n - 14)}`);
    expect(faultFromThrown(padded(1999)).code).toBe('connection_reset');
    expect(faultFromThrown(padded(2000)).code).toBe('unknown');
  });

  it("keeps the message of the error that decided the code, else the thrown error's, else a thrown string", () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(faultFromThrown(new TypeError('fetch failed', { cause: root })).message).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(faultFromThrown(new Error('outer', { cause: new Error('inner') })).message).toBe('outer');
    expect(faultFromThrown('plain string thrown')).toMatchObject({ code: 'unknown', source: 'client', message: 'plain string thrown' });
    expect(faultFromThrown(42).message).toBe('A non-error value was thrown');
    expect(faultFromThrown({ message: 17 }).message).toBe('A non-error value was thrown');
  });

  it("keeps the thrown error's message when the deciding error has none", () => {
    const root = Object.assign(Object.create(null) as object, { code: 'ECONNRESET' });
    expect(faultFromThrown(new TypeError('fetch failed', { cause: root })).message).toBe('fetch failed');
  });
});

describe('the cause chain', () => {
  it('walks up to 8 errors deep', () => {
    const chain = (wraps: number): unknown => {
      let error: unknown = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
      for (let i = 0; i < wraps; i++) error = new Error(`wrap ${i}`, { cause: error });
      return error;
    };
    expect(faultFromThrown(chain(7)).code).toBe('connection_reset');
    expect(faultFromThrown(chain(8)).code).toBe('unknown');
  });

  it('visits each error of a cyclic chain once: the last one before the cycle closes decides', () => {
    const top: Error & { cause?: unknown } = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    const middle = new Error('wrapped', { cause: Object.assign(new Error('refused', { cause: top }), { code: 'ECONNREFUSED' }) });
    top.cause = middle;
    expect(faultFromThrown(top)).toMatchObject({ code: 'connect_failed', message: 'refused' });
  });

  it('returns the Fault of a FaultError found on the chain', () => {
    const fault = createFault({ code: 'quota_exhausted', status: 429 });
    expect(faultFromThrown(new Error('wrapped', { cause: new FaultError(fault) }))).toBe(fault);
  });

  it('takes a plain Fault deeper on the chain as data, not as the answer', () => {
    const cause = { code: 'rate_limited', retry: 'always', remedy: 'wait', message: 'from a cause', source: 'server' };
    expect(faultFromThrown(new Error('outer', { cause }))).toMatchObject({ code: 'unknown', source: 'client', message: 'outer' });
  });

  it('passes a plain Fault through, and reads no chain from primitives', () => {
    const fault = createFault({ code: 'gone' });
    expect(faultFromThrown(fault)).toBe(fault);
    expect(faultFromThrown(JSON.parse(JSON.stringify(fault)))).toEqual(fault);
  });
});

describe('values that pretend to be FaultErrors', () => {
  it('gives a real Fault for a brand without a Fault behind it, from faultFromThrown, classify and toFaultError', () => {
    for (const forged of [{ [BRAND]: true }, { [BRAND]: true, fault: 'not a fault' }, Object.assign(new Error('forged'), { [BRAND]: true })]) {
      expect(faultFromThrown(forged)).toMatchObject({ code: 'unknown' });
      expect(classify(forged)).toMatchObject({ code: 'unknown' });
      const error = toFaultError(forged);
      expect(error).not.toBe(forged);
      expect(error.fault).toMatchObject({ code: 'unknown' });
      expect(error.cause).toBe(forged);
    }
    const onChain = new Error('outer', { cause: Object.assign(new Error('reset'), { [BRAND]: true, code: 'ECONNRESET' }) });
    expect(faultFromThrown(onChain).code).toBe('connection_reset');
  });


  it('gives unknown from the client when the brand is there but reading the fault throws', () => {
    const forged = { [BRAND]: true, get fault(): never { throw new Error('trap'); } };
    expect(faultFromThrown(forged)).toEqual({ code: 'unknown', retry: 'never', remedy: 'report', message: 'Unknown', source: 'client' });
  });
});

describe('toFaultError', () => {
  it('wraps a non-FaultError with the classified Fault and keeps the value as cause', () => {
    const thrown = 'a string';
    const error = toFaultError(thrown);
    expect(error).toBeInstanceOf(FaultError);
    expect(error.fault).toMatchObject({ code: 'unknown', message: 'a string' });
    expect(error.cause).toBe(thrown);
    expect(toFaultError(undefined).cause).toBeUndefined();
    expect('cause' in toFaultError(undefined)).toBe(true);
  });
});
