/**
 * Firebase's client SDK (firebase@12 in Node: firebase/auth, firebase/functions) against a loopback server standing in
 * for Identity Toolkit (`connectAuthEmulator`) and for a callable function (`connectFunctionsEmulator`), answering with
 * test/fixtures/sdk/firebase.json. Neither SDK keeps the response. Auth throws a FirebaseError whose `code` it made from
 * the body's message (`EMAIL_EXISTS` → `auth/email-already-in-use`), keeping only the sentence after " : " in its
 * message and, for a few codes, the whole body (tokens included) as `customData._tokenResponse`. Functions throws a
 * FunctionsError whose `code` is the body's `status` (`functions/unavailable`) and whose message is the body's followed
 * by " [<HTTP status>]". classify reads the SDK's code back as the google.rpc error it stands for; no Fault has a
 * status. Neither SDK retries a failed call, and neither has a setting for it.
 */
import { type FirebaseApp, FirebaseError, deleteApp, initializeApp } from 'firebase/app';
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, sendPasswordResetEmail, signInWithEmailAndPassword } from 'firebase/auth';
import { FunctionsError, connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type Operation = 'signUp' | 'signInWithPassword' | 'sendOobCode' | 'callable';
/** `operation`: the endpoint the fixture's response answers. */
type FirebaseFixture = SdkFixture & { readonly operation: Operation };

const fixtures = loadFixtures('firebase') as readonly FirebaseFixture[];
const authFixtures = fixtures.filter((f) => f.operation !== 'callable');
const callableFixtures = fixtures.filter((f) => f.operation === 'callable');
const named = (start: string) => fixtures.find((f) => f.name.startsWith(start))!;

// What the calls send: none of it may reach a Fault.
const EMAIL = 'ada@example.com';
const PASSWORD = 'correct-horse-battery';
// firebase-js-sdk's callable tests call callTestv2 (config/functions/index.js#L134-L136), whose onCall answers
// {result: …} (firebase-functions src/common/providers/https.ts#L981-L986).
const CALLABLE_OK = { status: 200, body: { result: { word: 'hellooo' } } };

let server: Loopback;
let app: FirebaseApp;
let calls: Record<Operation, () => Promise<unknown>>;

/** A Firebase app whose Auth and Functions both talk to `url`. */
function firebaseAt(url: string, name: string): { app: FirebaseApp; calls: Record<Operation, () => Promise<unknown>> } {
  const app = initializeApp({ apiKey: 'test-api-key', projectId: 'demo-project' }, name);
  const auth = getAuth(app);
  connectAuthEmulator(auth, url, { disableWarnings: true });
  const functions = getFunctions(app);
  connectFunctionsEmulator(functions, '127.0.0.1', Number(new URL(url).port));
  const calls = {
    signUp: () => createUserWithEmailAndPassword(auth, EMAIL, PASSWORD),
    signInWithPassword: () => signInWithEmailAndPassword(auth, EMAIL, PASSWORD),
    sendOobCode: () => sendPasswordResetEmail(auth, EMAIL),
    callable: () => httpsCallable(functions, 'callTestv2')({ word: 'hello' }),
  };
  return { app, calls };
}

beforeAll(async () => {
  server = await startLoopback();
  ({ app, calls } = firebaseAt(server.url, 'faultline-firebase'));
});
afterAll(async () => {
  await deleteApp(app);
  await server.close();
});

const run = async (fixture: FirebaseFixture) => {
  server.script([fixture.response]);
  return (await thrown(calls[fixture.operation])) as FirebaseError;
};

describe("firebase auth: classify(FirebaseError) from Identity Toolkit's answers", () => {
  for (const fixture of authFixtures) {
    it(fixture.name, async () => {
      const error = await run(fixture);
      expect(error).toBeInstanceOf(FirebaseError);
      expect(error.code).toBe(fixture.expected.vendorCode);
      // One request: the SDK does not retry, whatever the answer.
      expect(server.requests.map((r) => r.url)).toEqual([`/identitytoolkit.googleapis.com/v1/accounts:${fixture.operation}?key=test-api-key`]);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.status).toBeUndefined();
    });
  }

  it("the SDK's error and Identity Toolkit's own answer mean the same (a disabled account is refused, not unauthenticated)", async () => {
    for (const fixture of authFixtures.filter((f) => f.response.status >= 400)) {
      const body = typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body);
      const answer = classify({ status: fixture.response.status, headers: fixture.response.headers, body });
      expect([classify(await run(fixture)).code, fixture.name]).toEqual([answer.code, fixture.name]);
    }
  });

  it("the sentence after Identity Toolkit's code is the Fault's message, without the SDK's wrapping", async () => {
    const limited = await run(named('signInWithPassword: 400 TOO_MANY_ATTEMPTS_TRY_LATER'));
    expect(limited.message).toBe('Firebase: Too many unsuccessful login attempts.  Please include reCaptcha verification or try again later (auth/too-many-requests).');
    expect(classify(limited).message).toBe('Too many unsuccessful login attempts. Please include reCaptcha verification or try again later');
    const weak = await run(named('signUp: 400 WEAK_PASSWORD'));
    expect(classify(weak).message).toBe('Password should be at least 6 characters');
  });

  it('"Firebase: Error (auth/…)." (no sentence) does not become the message', async () => {
    for (const fixture of authFixtures) {
      const error = await run(fixture);
      const message = classify(error).message;
      expect(message).not.toContain('Firebase');
      expect(message).not.toContain('(auth/');
    }
  });

  it('the tokens, email and phone number the SDK keeps in customData reach no Fault', async () => {
    for (const [fixture, kept] of [
      [named('signUp: 200 needConfirmation'), ['id-token']],
      [named("signUp: 400 EMAIL_EXISTS beside the account's email"), ['email@test.com', '+1555-this-is-a-number']],
    ] as const) {
      const error = await run(fixture);
      expect(JSON.stringify(error.customData)).toContain(kept[0]);
      const fault = JSON.stringify(classify(error));
      for (const secret of [...kept, EMAIL, PASSWORD]) expect(fault).not.toContain(secret);
    }
  });

  it('a refused connection is auth/network-request-failed: service_unavailable, no status', async () => {
    const refused = firebaseAt(await closedPortUrl(), 'faultline-firebase-refused');
    try {
      const error = (await thrown(refused.calls.signInWithPassword)) as FirebaseError;
      expect(error).toBeInstanceOf(FirebaseError);
      expect(error.code).toBe('auth/network-request-failed');
      const fault = classify(error);
      expect(fault).toMatchObject({ code: 'service_unavailable', retry: 'always', vendorCode: 'auth/network-request-failed' });
      expect(fault.status).toBeUndefined();
    } finally {
      await deleteApp(refused.app);
    }
  });
});

describe("firebase functions: classify(FunctionsError) from a callable's answers", () => {
  for (const fixture of callableFixtures) {
    it(fixture.name, async () => {
      const error = await run(fixture);
      expect(error).toBeInstanceOf(FunctionsError);
      expect(error.code).toBe(fixture.expected.vendorCode);
      expect(server.requests.map((r) => r.url)).toEqual(['/demo-project/us-central1/callTestv2']);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.status).toBeUndefined();
    });
  }

  it("the body's message is the Fault's, without the \" [503]\" the SDK appends", async () => {
    for (const fixture of callableFixtures) {
      const body = typeof fixture.response.body === 'string' ? JSON.parse(fixture.response.body) : fixture.response.body;
      const said = (body as { error?: { message?: string } } | undefined)?.error?.message;
      if (said === undefined) continue;
      const error = (await run(fixture)) as Error;
      expect(error.message).toBe(`${said} [${String(fixture.response.status)}]`);
      expect(classify(error).message).toBe(said);
    }
  });

  it('a refused connection is functions/internal ("internal [0]"): internal, no status', async () => {
    const refused = firebaseAt(await closedPortUrl(), 'faultline-firebase-refused-callable');
    try {
      const error = (await thrown(refused.calls.callable)) as FunctionsError;
      expect([error.code, error.message]).toEqual(['functions/internal', 'internal [0]']);
      const fault = classify(error);
      expect(fault).toMatchObject({ code: 'internal', vendorCode: 'functions/internal' });
      expect(fault.status).toBeUndefined();
    } finally {
      await deleteApp(refused.app);
    }
  });
});

describe('firebase: retry({ maxRetries: 2 }) around the SDKs', () => {
  it("a callable's 503 UNAVAILABLE is retried after a backoff and the call succeeds", async () => {
    server.script([named('callable: 503 UNAVAILABLE').response, CALLABLE_OK]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(calls.callable));
    expect(result).toMatchObject({ ok: true, value: { data: { word: 'hellooo' } } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it("Auth's too-many-requests is rate_limited: retried until maxRetries, each after a backoff", async () => {
    server.script([named('signInWithPassword: 400 TOO_MANY_ATTEMPTS_TRY_LATER').response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(calls.signInWithPassword));
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'rate_limited', vendorCode: 'auth/too-many-requests' });
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(calls[fixture.operation]));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault).toMatchObject({ code: fixture.expected.code, vendorCode: fixture.expected.vendorCode });
    });
  }
});
