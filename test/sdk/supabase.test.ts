/**
 * @supabase/supabase-js against a loopback server answering as a Supabase project does (test/fixtures/sdk/supabase.json:
 * Supabase Auth's refusals from its source and a public issue, PostgREST's from its docs and public issues). supabase-js
 * resolves with `{ data, error }` and callers throw the error. Auth's AuthApiError keeps the status and the body's `code`
 * and message, no body; PostgREST's error is its `{code, details, hint, message}` with no status (a plain object, or a
 * PostgrestError with `throwOnError()`); an Edge Function's FunctionsHttpError keeps the Response, unread, as `context`.
 */
import { AuthApiError, FunctionsHttpError, PostgrestError, createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, classifyResponse, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('supabase');
const auth = fixtures.filter((f) => f.name.startsWith('Auth'));
const rest = fixtures.filter((f) => f.name.startsWith('PostgREST'));
let server: Loopback;
let supabase: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startLoopback();
  // Node 20 has no WebSocket: realtime needs `ws` to be created at all (it connects only on subscribe).
  supabase = createClient(server.url, 'anon-key', { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: ws as never } });
});
afterAll(() => server.close());

const signIn = async () => {
  const { data, error } = await supabase.auth.signInWithPassword({ email: 'ada@example.com', password: 'wrong' });
  if (error) throw error;
  return data;
};
const recover = async () => {
  const { error } = await supabase.auth.resetPasswordForEmail('ada@example.com');
  if (error) throw error;
};
const select = async () => {
  const { data, error } = await supabase.from('projects').select();
  if (error) throw error;
  return data;
};
const invoke = async () => {
  const { data, error } = await supabase.functions.invoke('hello');
  if (error) throw error;
  return data;
};

describe('supabase: classify(AuthApiError) from Supabase Auth responses', () => {
  for (const fixture of auth) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(fixture.response.status === 429 ? recover : signIn);
      expect(error).toBeInstanceOf(AuthApiError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.message).toBe((fixture.response.body as { message: string }).message);
    });
  }
});

describe("supabase: classify(error) from PostgREST's responses, with no status", () => {
  for (const fixture of rest) {
    it(`${fixture.name}: the plain error supabase-js resolves with`, async () => {
      server.script([fixture.response]);
      const error = await thrown(select);
      expect(error).not.toBeInstanceOf(Error);
      expectFault(classify(error), fixture.expected);
    });

    it(`${fixture.name}: the PostgrestError of throwOnError()`, async () => {
      server.script([fixture.response]);
      const error = await thrown(async () => supabase.from('projects').select().throwOnError());
      expect(error).toBeInstanceOf(PostgrestError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.status).toBeUndefined();
    });
  }

  it('a PostgREST-shaped error of another vendor code is read by its words, not a SQLSTATE', () => {
    const fault = classify({ code: 'PGRST301', details: null, hint: null, message: 'JWT expired' });
    expect([fault.code, fault.vendorCode]).toEqual(['unauthenticated', 'PGRST301']);
  });

  it('a serialization failure is a conflict retried, as PostgreSQL asks', () => {
    const fault = classify({ code: '40001', details: null, hint: null, message: 'could not serialize access due to concurrent update' });
    expect([fault.code, fault.retry]).toEqual(['conflict', 'always']);
  });
});

describe("supabase: an Edge Function's FunctionsHttpError", () => {
  it('classifyResponse reads the Response it keeps unread as `context`', async () => {
    server.script([{ status: 503, headers: { 'retry-after': '4' }, body: { error: 'Service Unavailable' } }]);
    const error = await thrown(invoke);
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect(classify(error)).toMatchObject({ code: 'service_unavailable', status: 503, retryAfterMs: 4000 });
    expect(await classifyResponse(error)).toMatchObject({ code: 'service_unavailable', status: 503, message: 'Service Unavailable' });
  });

  it('retry({ maxRetries: 2 }) waits its Retry-After and the call succeeds', async () => {
    server.script([{ status: 503, headers: { 'retry-after': '4' } }, { status: 200, body: { hello: 'world' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(invoke));
    expect(result).toEqual({ ok: true, value: { hello: 'world' } });
    expect(clock.sleeps).toEqual([4000]);
  });
});

describe('supabase: retry({ maxRetries: 2 }) around the client', () => {
  it('invalid_credentials is tried once', async () => {
    server.script([(auth.find((f) => f.expected.code === 'unauthenticated') as SdkFixture).response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(signIn));
    expect(server.requests).toHaveLength(1);
    const error = (result as { error: FaultError }).error;
    expect(error.fault).toMatchObject({ code: 'unauthenticated', vendorCode: 'invalid_credentials', status: 400 });
    expect(error.cause).toBeInstanceOf(AuthApiError);
  });

  it('a relation that does not exist is tried once', async () => {
    server.script([(rest.find((f) => f.expected.code === 'not_found') as SdkFixture).response]);
    const clock = new VirtualClock();
    await drive(clock, retry({ maxRetries: 2, clock }).execute(select));
    expect(server.requests).toHaveLength(1);
  });
});
