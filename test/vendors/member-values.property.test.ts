// membersOf reads in one pass over the keys what the envelope reader's rules would read by name: for every object,
// plain or not, with few keys or more than the bound, each value is the one `r[name]` gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membersOf } from '../../src/vendors/generic/member-values.js';

const NAMES = Object.keys(membersOf({}));

function expectSame(r: object): void {
  const m = membersOf(r) as Readonly<Record<string, unknown>>;
  for (const name of NAMES) expect(m[name], name).toBe((r as Readonly<Record<string, unknown>>)[name]);
}

const key = fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 8 }));
const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.object({ maxDepth: 1 }));

describe('membersOf', () => {
  it('names the members the envelope reader reads', () => {
    expect(NAMES).toEqual(expect.arrayContaining(['message', 'error', 'errors', 'code', 'type', 'status', '.tag', 'meta']));
  });

  it('gives every member a plain object has, whatever its keys, in one shape', () => {
    fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 30 }), (r) => {
      expectSame(r);
      expect(Object.keys(membersOf(r))).toEqual(NAMES);
    }));
  });

  it('reads past the key bound by name (a member after the 64th key is still found)', () => {
    fc.assert(fc.property(fc.integer({ min: 60, max: 90 }), fc.constantFrom(...NAMES), fc.string(), (filler, name, v) => {
      const r: Record<string, unknown> = {};
      for (let i = 0; i < filler; i++) r[`k${i}`] = i;
      r[name] = v;
      expectSame(r);
    }));
  });

  it('reads a null-prototype object by its keys', () => {
    const r = Object.assign(Object.create(null) as Record<string, unknown>, { error: 'rate_limited', message: 'slow down' });
    expect(membersOf(r)).toMatchObject({ error: 'rate_limited', message: 'slow down', code: undefined });
  });

  it('reads a class instance by name: a getter is no key for…in sees', () => {
    class ApiError {
      readonly code = 'not_found';
      get message(): string {
        return 'No such thing';
      }
    }
    expectSame(new ApiError());
    expect(membersOf(new ApiError()).message).toBe('No such thing');
    // An Error's own message is not enumerable either.
    expect(membersOf(new Error('boom')).message).toBe('boom');
  });
});
