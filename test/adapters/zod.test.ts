import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { faultSchema, parseBody } from '../../src/adapters/zod.js';
import { createFault, isFault, isFaultError } from '../../src/index.js';

describe('faultSchema', () => {
  it('gives back an equal, frozen Fault after a trip through JSON', () => {
    const fault = createFault({
      code: 'rate_limited',
      status: 429,
      vendor: 'openai',
      vendorCode: 'rate_limit_exceeded',
      retryAfterMs: 1500,
      requestId: 'req_1',
      fields: [{ path: 'a.b', message: 'bad' }],
      rateLimit: { limit: 60, remaining: 0, resetMs: 1000 },
    });
    const parsed = faultSchema.parse(JSON.parse(JSON.stringify(fault)));
    expect(parsed).toEqual(fault);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(isFault(parsed)).toBe(true);
  });

  it.each([
    ['an unknown code', { code: 'RATE_LIMITED' }],
    ['an unknown retry class', { retry: 'sometimes' }],
    ['a negative delay', { retryAfterMs: -1 }],
    ['a missing message', { message: undefined }],
  ])('rejects %s', (_name, change) => {
    const good = JSON.parse(JSON.stringify(createFault({ code: 'gone' }))) as Record<string, unknown>;
    expect(faultSchema.safeParse({ ...good, ...change }).success).toBe(false);
  });
});

describe('parseBody', () => {
  const parseUser = parseBody(z.object({ id: z.string(), profile: z.object({ age: z.number() }) }));

  it('returns the body when it matches', () => {
    expect(parseUser({ id: 'u1', profile: { age: 3 } })).toEqual({ id: 'u1', profile: { age: 3 } });
  });

  it('throws malformed_response with zod issues as fields, paths joined with dots', () => {
    let caught: unknown;
    try {
      parseUser({ id: 7, profile: { age: 'x' } });
    } catch (error) {
      caught = error;
    }
    expect(isFaultError(caught)).toBe(true);
    const fault = (caught as { fault: { code: string; retry: string; fields: { path: string }[] } }).fault;
    expect(fault.code).toBe('malformed_response');
    expect(fault.retry).toBe('idempotent');
    expect(fault.fields.map((f) => f.path).sort()).toEqual(['id', 'profile.age']);
  });

  it('rejects a non-schema with a TypeError', () => {
    expect(() => parseBody({} as never)).toThrow(new TypeError('parseBody: schema must be a zod schema, got object'));
  });
});
