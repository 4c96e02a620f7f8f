/**
 * @discordjs/rest@2 (discord.js's REST client) against a loopback server answering as discord.com does
 * (test/fixtures/sdk/discord.json): its DiscordAPIError keeps the parsed body as `rawError`, and its name
 * carries the code (`DiscordAPIError[50013]`), which is how the error reaches logs and error trackers.
 */
import { readFileSync } from 'node:fs';
import { DiscordAPIError, HTTPError, RateLimitError, REST } from '@discordjs/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('discord');
let server: Loopback;
let rest: REST;

beforeAll(async () => {
  server = await startLoopback();
  // No retries of its own and no sweeper intervals: every request is one request, and nothing is left running.
  rest = new REST({ api: server.url, retries: 0, handlerSweepInterval: 0, hashSweepInterval: 0 }).setToken('not-a-token');
});
afterAll(() => server.close());

const getChannel = () => rest.get('/channels/41771983423143937');

describe('discord.js: classify(DiscordAPIError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      // The SDK forgets a token a 401 rejects: give it back so every case sends one.
      rest.setToken('not-a-token');
      const error = await thrown(getChannel);
      expect(error).toBeInstanceOf(DiscordAPIError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // The same Fault as the response the SDK read.
      const same = classify({ status: fixture.response.status, body: JSON.stringify(fixture.response.body) });
      expect(essentials(fault)).toEqual(essentials(same));
    });
  }
});

describe('discord.js: the error as it is logged', () => {
  // `String(error)`: the SDK's own name, `DiscordAPIError[<code>]`, then its message. No status is printed.
  const printed = fixtures.filter((f) => f.expected.vendorCode !== '0');
  for (const fixture of printed) {
    it(`${fixture.name}: the printout names the code`, async () => {
      server.script([fixture.response]);
      rest.setToken('not-a-token');
      const error = await thrown(getChannel);
      const text = String(error);
      expect(text.startsWith(`DiscordAPIError[${String(fixture.expected.vendorCode)}]: `)).toBe(true);
      expect(classify({ body: text })).toMatchObject({ code: fixture.expected.code, vendor: 'discord', vendorCode: fixture.expected.vendorCode });
      expect(classify({ body: `Uncaught ${(error as Error).stack ?? text}` }).vendorCode).toBe(fixture.expected.vendorCode);
    });
  }

  it('a printout of another library is not Discord', () => {
    expect(classify({ body: 'DiscordAPIError: Missing Access' }).vendor).not.toBe('discord');
    expect(classify({ body: 'APIError[50001]: Missing Access' }).vendor).not.toBe('discord');
  });
});

describe('discord.js: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      rest.setToken('not-a-token');
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getChannel));
      expect(result.ok).toBe(false);
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error).toBeInstanceOf(FaultError);
      expect(error.cause).toBeInstanceOf(DiscordAPIError);
    });
  }

  it('a 503 (HTTPError, no body) is retried to the limit for a GET the caller calls idempotent', async () => {
    server.script([{ status: 503 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(getChannel));
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(3);
    const error = (result as { error: FaultError }).error;
    expect(error.cause).toBeInstanceOf(HTTPError);
    expect(error.fault).toMatchObject({ code: 'service_unavailable', status: 503 });
  });
});

// Discord's documented 429s (test/fixtures/vendors/discord.json, from
// https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit): with `rejectOnRateLimit` the client
// throws its own RateLimitError, which holds no response, only the wait it worked out (Retry-After × 1000 + its 50 ms offset).
const limits = (JSON.parse(readFileSync(new URL('../fixtures/vendors/discord.json', import.meta.url), 'utf8')) as {
  cases: { id: string; response: { status: number; headers: Record<string, string>; body: string } }[];
}).cases.filter((c) => c.response.status === 429 && c.response.headers['Retry-After'] !== undefined);

describe('discord.js: RateLimitError (rejectOnRateLimit)', () => {
  const limited = () => new REST({ api: server.url, retries: 0, rejectOnRateLimit: ['/'], handlerSweepInterval: 0, hashSweepInterval: 0 }).setToken('not-a-token');

  it('has the documented 429s to play', () => {
    expect(limits.map((c) => c.id)).toEqual(['user-rate-limit', 'shared-resource-rate-limit', 'global-rate-limit']);
  });

  for (const fixture of limits) {
    it(`${fixture.id}: rate_limited, with the wait the client worked out`, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => limited().get('/channels/41771983423143937'));
      expect(error).toBeInstanceOf(RateLimitError);
      const wait = Number(fixture.response.headers['Retry-After']) * 1000 + 50;
      expect((error as RateLimitError).retryAfter).toBe(wait);
      expect(classify(error)).toMatchObject({ code: 'rate_limited', retry: 'always', source: 'server', retryAfterMs: wait });
    });
  }

  it('retry waits it out when the wait is under maxRetryAfterMs, and gives up at once when it is not', async () => {
    const [user] = limits;
    for (const [cap, attempts] of [[120_000, [0, 65_050]], [60_000, [0]]] as const) {
      server.script([user!.response, { status: 200, body: { id: '41771983423143937' } }]);
      const rest = limited();
      const clock = new VirtualClock();
      const at: number[] = [];
      const call = () => {
        at.push(clock.now());
        return rest.get('/channels/41771983423143937');
      };
      const result = await drive(clock, retry({ maxRetries: 1, maxRetryAfterMs: cap, clock }).execute(call));
      expect(at).toEqual(attempts);
      if (result.ok) expect(server.requests).toHaveLength(2);
      else expect((result.error as FaultError).fault).toMatchObject({ code: 'rate_limited', retryAfterMs: 65_050 });
      expect(result.ok).toBe(cap === 120_000);
    }
  });
});
