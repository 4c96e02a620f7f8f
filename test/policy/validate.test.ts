/**
 * The shared option checks: each throws `<factory>: <option> must be <rule>, got <value>` with the
 * exact rule and the bad value shown the way a user wrote it, and passes good values (boundaries
 * included) through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { systemClock, systemRandom } from '../../src/policy/clock.js';
import {
  checkBoolean,
  checkClock,
  checkFunction,
  checkInteger,
  checkNumber,
  checkOneOf,
  checkOptions,
  checkRandom,
  invalid,
} from '../../src/policy/validate.js';
import { VirtualClock } from '../../src/testing/index.js';

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error('did not throw');
};

describe('invalid', () => {
  it.each([
    ['x', '"x"'],
    ['', '""'],
    [5, '5'],
    [-0.5, '-0.5'],
    [Number.NaN, 'NaN'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
    [10n, '10'],
    [Symbol('s'), 'Symbol(s)'],
    [[1, 2], 'an array'],
    [() => 1, 'a function'],
    [{ a: 1 }, 'an object'],
    [new Date(0), 'an object'],
  ])('shows %p as %s', (value, shown) => {
    expect(message(() => invalid('f', 'opt', 'a rule', value))).toBe(`f: opt must be a rule, got ${shown}`);
  });
});

describe('checkNumber', () => {
  it('passes undefined as the fallback and a good number through', () => {
    expect(checkNumber('f', 'n', undefined, 7)).toBe(7);
    expect(checkNumber('f', 'n', 2.5, 7)).toBe(2.5);
  });

  it('accepts min itself unless exclusive', () => {
    expect(checkNumber('f', 'n', 0, 7)).toBe(0);
    expect(checkNumber('f', 'n', 1, 7, 1)).toBe(1);
    expect(message(() => checkNumber('f', 'n', 0, 7, 0, true))).toBe('f: n must be a finite number > 0, got 0');
    expect(checkNumber('f', 'n', 0.001, 7, 0, true)).toBe(0.001);
  });

  it('rejects below min, non-finite and non-numbers with the exact rule', () => {
    expect(message(() => checkNumber('f', 'n', -0.1, 7))).toBe('f: n must be a finite number >= 0, got -0.1');
    expect(message(() => checkNumber('f', 'n', 0.5, 7, 1))).toBe('f: n must be a finite number >= 1, got 0.5');
    expect(message(() => checkNumber('f', 'n', Infinity, 7))).toBe('f: n must be a finite number >= 0, got Infinity');
    expect(message(() => checkNumber('f', 'n', Number.NaN, 7))).toBe('f: n must be a finite number >= 0, got NaN');
    expect(message(() => checkNumber('f', 'n', '1', 7))).toBe('f: n must be a finite number >= 0, got "1"');
    expect(message(() => checkNumber('f', 'n', null, 7))).toBe('f: n must be a finite number >= 0, got null');
  });
});

describe('checkInteger', () => {
  it('passes undefined as the fallback, min and above through', () => {
    expect(checkInteger('f', 'i', undefined, 3)).toBe(3);
    expect(checkInteger('f', 'i', 0, 3)).toBe(0);
    expect(checkInteger('f', 'i', 1, 3, 1)).toBe(1);
    expect(checkInteger('f', 'i', 9, 3, 1)).toBe(9);
  });

  it('rejects below min, fractions and non-numbers with the exact rule', () => {
    expect(message(() => checkInteger('f', 'i', -1, 3))).toBe('f: i must be an integer >= 0, got -1');
    expect(message(() => checkInteger('f', 'i', 0, 3, 1))).toBe('f: i must be an integer >= 1, got 0');
    expect(message(() => checkInteger('f', 'i', 1.5, 3))).toBe('f: i must be an integer >= 0, got 1.5');
    expect(message(() => checkInteger('f', 'i', '2', 3))).toBe('f: i must be an integer >= 0, got "2"');
  });
});

describe('checkOneOf', () => {
  it('gives the first for undefined and passes a listed value through', () => {
    expect(checkOneOf('f', 'm', undefined, ['a', 'b'] as const)).toBe('a');
    expect(checkOneOf('f', 'm', 'b', ['a', 'b'] as const)).toBe('b');
  });

  it('rejects anything else, listing the choices', () => {
    expect(message(() => checkOneOf('f', 'm', 'c', ['a', 'b'] as const))).toBe("f: m must be one of 'a', 'b', got \"c\"");
    expect(message(() => checkOneOf('f', 'm', 1, ['a'] as const))).toBe("f: m must be one of 'a', got 1");
  });
});

describe('checkBoolean', () => {
  it('gives the fallback for undefined and passes true and false through', () => {
    expect(checkBoolean('f', 'b', undefined, true)).toBe(true);
    expect(checkBoolean('f', 'b', undefined, false)).toBe(false);
    expect(checkBoolean('f', 'b', false, true)).toBe(false);
    expect(checkBoolean('f', 'b', true, false)).toBe(true);
  });

  it('rejects a non-boolean', () => {
    expect(message(() => checkBoolean('f', 'b', 1, false))).toBe('f: b must be true or false, got 1');
    expect(message(() => checkBoolean('f', 'b', 'true', false))).toBe('f: b must be true or false, got "true"');
  });
});

describe('checkFunction and checkRandom', () => {
  it('pass a function or undefined through, and reject anything else', () => {
    const fn = (): number => 0.5;
    expect(checkFunction('f', 'cb', fn)).toBe(fn);
    expect(checkFunction('f', 'cb', undefined)).toBeUndefined();
    expect(message(() => checkFunction('f', 'cb', {} as never))).toBe('f: cb must be a function, got an object');
    expect(checkRandom('f', fn, systemRandom)).toBe(fn);
    expect(checkRandom('f', undefined, systemRandom)).toBe(systemRandom);
    expect(message(() => checkRandom('f', 0.5, systemRandom))).toBe('f: random must be a function, got 0.5');
  });
});

describe('checkClock', () => {
  it('gives the fallback for undefined and passes an object with now() and sleep() through', () => {
    expect(checkClock('f', undefined, systemClock)).toBe(systemClock);
    const clock = new VirtualClock();
    expect(checkClock('f', clock, systemClock)).toBe(clock);
    const plain = { now: () => 0, sleep: () => Promise.resolve() };
    expect(checkClock('f', plain, systemClock)).toBe(plain);
  });

  it.each<readonly [unknown, string]>([
    [null, 'null'],
    [1, '1'],
    ['clock', '"clock"'],
    [{ now: () => 0 }, 'an object'],
    [{ sleep: () => Promise.resolve() }, 'an object'],
    [{ now: 0, sleep: () => Promise.resolve() }, 'an object'],
    [Object.assign(() => 0, { now: () => 0, sleep: () => Promise.resolve() }), 'a function'],
  ])('rejects %p', (value, shown) => {
    expect(message(() => checkClock('f', value, systemClock))).toBe(`f: clock must be an object with now() and sleep(ms, signal), got ${shown}`);
  });
});

describe('checkOptions', () => {
  it('treats undefined as {} and passes an object through', () => {
    expect(checkOptions<{ a?: number }, ['a']>('f', undefined, ['a'])).toEqual({});
    const o = { a: 1 };
    expect(checkOptions('f', o, ['a'])).toBe(o);
  });

  it.each([
    [null, 'null'],
    [5, '5'],
    ['x', '"x"'],
    [[], 'an array'],
    [() => ({}), 'a function'],
  ])('rejects %p', (value, shown) => {
    expect(message(() => checkOptions('f', value as never, []))).toBe(`f: options must be an object, got ${shown}`);
  });
});

describe('checkOptions by name', () => {
  it('refuses a key not listed, even with the value undefined, and names the nearest listed one', () => {
    expect(message(() => checkOptions('f', { lenght: undefined } as { length?: number }, ['length']))).toBe("f: unknown option 'lenght' — did you mean 'length'?");
  });

  it('an alias points to the name it stands for', () => {
    expect(message(() => checkOptions('f', { size: 1 } as { length?: number }, ['length'], { size: 'length' }))).toBe("f: unknown option 'size' — did you mean 'length'?");
  });

  it('lists the valid names, sorted, when none is near', () => {
    expect(message(() => checkOptions('f', { zzz: 1 } as { b?: number; a?: number }, ['b', 'a']))).toBe("f: unknown option 'zzz'; valid options are a, b");
  });

  it('does not fall for inherited names', () => {
    expect(message(() => checkOptions('f', { constructor: 1, toString: 2 } as { a?: number }, ['a']))).toBe("f: unknown option 'constructor'; valid options are a");
    expect(checkOptions('f', Object.create({ stray: 1 }) as { a?: number }, ['a'])).toEqual({});
  });
});
