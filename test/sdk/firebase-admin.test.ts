/**
 * firebase-admin's Auth against a loopback server standing where the Auth emulator would (FIREBASE_AUTH_EMULATOR_HOST,
 * set and restored here): Identity Toolkit's answers as the SDK throws them (test/fixtures/sdk/firebase-admin.json).
 * Its FirebaseAuthError keeps the code it mapped the answer to (`errorInfo.code`, read through `code`, beside
 * `codePrefix`) and no status; classify reads that code by the Firebase code table. A refused connection is its
 * FirebaseAppError `app/network-error`.
 */
import { type App, deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('firebase-admin');
const saved = process.env.FIREBASE_AUTH_EMULATOR_HOST;
let server: Loopback;
const apps: App[] = [];

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(async () => {
  await Promise.all(apps.map((app) => deleteApp(app)));
  if (saved === undefined) delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  else process.env.FIREBASE_AUTH_EMULATOR_HOST = saved;
  await server.close();
});
afterEach(() => {
  delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
});

/** An Auth client whose requests go to `url`'s host (the emulator host is read when the client is made). */
function authAt(url: string) {
  process.env.FIREBASE_AUTH_EMULATOR_HOST = new URL(url).host;
  const app = initializeApp({ projectId: 'demo-faultline' }, `faultline-${apps.length}`);
  apps.push(app);
  return getAuth(app);
}

describe('firebase-admin: classify(FirebaseAuthError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => authAt(server.url).createUser({ phoneNumber: '+1123' }));
      expect(error).toMatchObject({ code: 'auth/invalid-phone-number', codePrefix: 'auth' });
      expect((error as { status?: unknown }).status).toBeUndefined();
      expectFault(classify(error), fixture.expected);
    });
  }

  it('a refused connection (app/network-error) is connect_failed', async () => {
    const error = await thrown(async () => authAt(await closedPortUrl()).getUser('uid-1'));
    expect(error).toMatchObject({ code: 'app/network-error' });
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always' });
  });
});

// The SDK retries a 503 itself (up to four times, no setting); nothing here answers one.
describe('firebase-admin: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a refused connection is retried', async () => {
    const clock = new VirtualClock();
    const auth = authAt(await closedPortUrl());
    let calls = 0;
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => (++calls, auth.getUser('uid-1'))));
    expect(calls).toBe(3);
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const auth = authAt(server.url);
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => auth.createUser({ phoneNumber: '+1123' })));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
