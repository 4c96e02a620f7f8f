import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSchemaFetch, faultSchema, parseBody } from '../../src/adapters/zod.js';
import { constantBackoff, createFault, isFault, isFaultError, retry } from '../../src/index.js';
import type { ChaosServer, ChaosStep } from '../../src/testing/chaos-server.js';
import { main as zodFetchExample } from '../../examples/zod-fetch.js';
import { drive, useChaosHarness } from '../fetch/helpers.js';

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

describe('createSchemaFetch({ schema })', () => {
  const Thing = z.object({ a: z.object({ b: z.number() }) });
  const json = (body: string, status = 200): ChaosStep => ({ type: 'response', status, headers: { 'content-type': 'application/json', 'x-request-id': 'req_7' }, body });
  const GOOD = json('{"a":{"b":1},"extra":true}');
  const WRONG = json('{"a":{"b":"one"}}');
  const h = useChaosHarness();

  function serve(script: ChaosStep[]): Promise<ChaosServer> {
    return h.serve({ vendor: 'openai', script });
  }

  async function failure(call: Promise<unknown>): Promise<unknown> {
    return drive(h.clock, call).then((value) => ({ resolved: value }), (error: unknown) => error);
  }

  it('resolves with the parsed body of a 2xx response (unknown keys stripped, as the schema says)', async () => {
    const s = await serve([GOOD]);
    const api = createSchemaFetch({ schema: Thing, clock: h.clock });
    expect(await drive(h.clock, api(`${s.url}/v1/things/1`))).toEqual({ a: { b: 1 } });
    expect(s.requests).toHaveLength(1);
  });

  it('turns a body that fails the schema into malformed_response with zod issues as fields', async () => {
    const s = await serve([WRONG]);
    const api = createSchemaFetch({ schema: Thing, clock: h.clock });
    const error = await failure(api(`${s.url}/v1/things`, { method: 'POST', body: '{}' }));
    expect(isFaultError(error)).toBe(true);
    if (!isFaultError(error)) return;
    expect(error.code).toBe('malformed_response');
    expect(error.retry).toBe('idempotent');
    expect(error.status).toBe(200);
    expect(error.requestId).toBe('req_7');
    expect(error.fields).toEqual([{ path: 'a.b', message: expect.stringMatching(/expected number/i) as unknown as string }]);
    expect(error.message).toBe('The response body does not match the expected schema');
    expect(JSON.stringify(error)).not.toContain('one');
  });

  it('retries a GET whose body fails the schema, then resolves with the good body', async () => {
    const s = await serve([WRONG, GOOD]);
    const api = createSchemaFetch({ schema: Thing, clock: h.clock, random: () => 0.5 });
    expect(await drive(h.clock, api(`${s.url}/v1/things/1`))).toEqual({ a: { b: 1 } });
    expect(s.requests).toHaveLength(2);
    expect(h.clock.sleeps).toHaveLength(1);
  });

  it('does not retry a POST whose body fails the schema; an Idempotency-Key makes it safe to', async () => {
    const s = await serve([WRONG, WRONG, GOOD]);
    const api = createSchemaFetch({ schema: Thing, clock: h.clock, random: () => 0.5 });
    const error = await failure(api(`${s.url}/v1/things`, { method: 'POST', body: '{}' }));
    expect(isFaultError(error) && error.code).toBe('malformed_response');
    expect(s.requests).toHaveLength(1);
    expect(await drive(h.clock, api(`${s.url}/v1/things`, { method: 'POST', body: '{}', idempotencyKey: true }))).toEqual({ a: { b: 1 } });
    expect(s.requests).toHaveLength(3);
  });

  it('turns truncated or invalid JSON into malformed_response without quoting the body, and retries a GET', async () => {
    const secret = 'sk_live_0123456789abcdefghijklmn';
    const s = await serve([json('{"a":{"b":'), json(`<html>${secret}</html>`)]);
    const api = createSchemaFetch({ schema: Thing, clock: h.clock, policy: retry({ maxRetries: 1, backoff: constantBackoff(10), clock: h.clock }) });
    const error = await failure(api(`${s.url}/v1/things/1`));
    expect(s.requests).toHaveLength(2);
    expect(isFaultError(error)).toBe(true);
    if (!isFaultError(error)) return;
    expect(error.code).toBe('malformed_response');
    expect(error.message).toBe('The response body is not valid JSON');
    expect(error.fields).toBeUndefined();
    expect(error.cause).toBeUndefined();
    expect(`${error.message} ${JSON.stringify(error)} ${String(error.stack)}`).not.toMatch(/sk_live|html/);
  });

  it('gives an empty body to the schema as undefined (a 204)', async () => {
    const s = await serve([{ type: 'ok', status: 204, body: '' }, { type: 'ok', status: 204, body: '' }]);
    const api = createSchemaFetch({ schema: z.undefined(), clock: h.clock });
    expect(await drive(h.clock, api(`${s.url}/v1/things/1`, { method: 'DELETE' }))).toBeUndefined();
    const error = await failure(createSchemaFetch({ schema: Thing, clock: h.clock, policy: retry({ maxRetries: 0 }) })(`${s.url}/v1/things/1`));
    expect(isFaultError(error) && error.fields?.[0]?.path).toBe('');
  });

  it('a per-call schema replaces the client one', async () => {
    const s = await serve([json('{"id":"run_1"}')]);
    const api = createSchemaFetch({ schema: Thing, clock: h.clock });
    expect(await drive(h.clock, api(`${s.url}/v1/runs`, { method: 'POST', body: '{}', schema: z.object({ id: z.string() }) }))).toEqual({ id: 'run_1' });
  });

  it('rejects error responses as the core createFetch does (always: throwOnError is not an option here)', async () => {
    const s = await serve(['not_found', { type: 'ok', status: 304, body: '' }]);
    const api = createSchemaFetch({ schema: Thing, clock: h.clock });
    const notFound = await failure(api(`${s.url}/v1/things/9`, { throwOnError: false } as never));
    expect(isFaultError(notFound) && notFound.code).toBe('not_found');
    const notModified = await failure(api(`${s.url}/v1/things/9`));
    expect(isFaultError(notModified) && [notModified.code, notModified.retry, notModified.message]).toEqual(['unknown', 'never', 'Expected a 2xx response, got 304']);
    expect(s.requests).toHaveLength(2);
  });

  it('runs async refinements, over an injected fetch', async () => {
    let calls = 0;
    const api = createSchemaFetch({
      schema: z.object({ n: z.number() }).refine(async (v) => v.n > 0, { message: 'n must be positive', path: ['n'] }),
      fetch: async () => new Response(JSON.stringify({ n: calls++ }), { status: 200 }),
      clock: h.clock,
      random: () => 0.5,
    });
    expect(await drive(h.clock, api('https://api.example.test/v1/n'))).toEqual({ n: 1 });
    expect(calls).toBe(2);
    const error = await failure(createSchemaFetch({ schema: z.object({ n: z.number().refine(async (n) => n > 5, 'too small') }), fetch: async () => new Response('{"n":1}'), policy: retry({ maxRetries: 0 }) })('https://api.example.test/v1/n'));
    expect(isFaultError(error) && error.fields).toEqual([{ path: 'n', message: 'too small' }]);
  });

  it('rejects bad options with a TypeError naming the option', async () => {
    expect(() => createSchemaFetch(undefined as never)).toThrow(new TypeError('createSchemaFetch: schema must be a zod schema, got undefined'));
    expect(() => createSchemaFetch({} as never)).toThrow(new TypeError('createSchemaFetch: schema must be a zod schema, got undefined'));
    expect(() => createSchemaFetch({ schema: {} as never })).toThrow(new TypeError('createSchemaFetch: schema must be a zod schema, got an object'));
    expect(() => createSchemaFetch({ schema: 'x' as never })).toThrow(new TypeError('createSchemaFetch: schema must be a zod schema, got "x"'));
    expect(() => createSchemaFetch(1 as never)).toThrow(new TypeError('createSchemaFetch: options must be an object, got 1'));
    expect(() => createSchemaFetch({ schema: Thing, throwOnError: false } as never)).toThrow(/^createSchemaFetch: throwOnError must be true or absent .*, got false$/);
    expect(() => createSchemaFetch({ schema: Thing, maxBodyBytes: -1 })).toThrow(new TypeError('createSchemaFetch: maxBodyBytes must be an integer >= 0, got -1'));
    const api = createSchemaFetch({ schema: Thing, fetch: async () => new Response('{}') });
    await expect(api('https://api.example.test/', { schema: 1 as never })).rejects.toThrow(new TypeError('createSchemaFetch: init.schema must be a zod schema, got 1'));
  });
});

describe('examples/zod-fetch.ts (README)', () => {
  it('retries the cut-off GET body and reports the POST body that fails the schema', async () => {
    expect(await zodFetchExample()).toEqual([
      'u1 is 41, after 2 requests',
      'malformed_response (idempotent): profile.age: Invalid input: expected number, received string',
    ]);
  });
});
