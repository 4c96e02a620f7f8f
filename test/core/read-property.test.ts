import { describe, expect, it } from 'vitest';
import { readProperty } from '../../src/core/read-property.js';

describe('readProperty', () => {
  it('reads a property of an object or array', () => {
    expect(readProperty({ status: 429 }, 'status')).toBe(429);
    expect(readProperty([1, 2], 'length')).toBe(2);
    expect(readProperty({}, 'missing')).toBeUndefined();
  });

  it('reads nothing from primitives, functions, null and undefined', () => {
    expect(readProperty('abc', 'length')).toBeUndefined();
    expect(readProperty(42, 'toFixed')).toBeUndefined();
    expect(readProperty(() => 1, 'name')).toBeUndefined();
    expect(readProperty(null, 'status')).toBeUndefined();
    expect(readProperty(undefined, 'status')).toBeUndefined();
  });

  it('reads a getter or Proxy trap that throws as undefined', () => {
    const getter = Object.defineProperty({}, 'status', {
      get() {
        throw new Error('boom');
      },
    });
    expect(readProperty(getter, 'status')).toBeUndefined();
    const proxy = new Proxy({}, {
      get() {
        throw new Error('trap');
      },
    });
    expect(readProperty(proxy, 'body')).toBeUndefined();
  });
});
