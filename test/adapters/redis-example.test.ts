/** examples/redis-shared-breaker.ts, in memory and against a real redis-server: replica B is refused without calling. */
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../examples/redis-shared-breaker.js';
import { SKIP_REASON, redisServerPath, startRedis } from '../support/redis-server.js';

const expected = { a: 'open', b: 'open', upstreamCalls: 5, refusedB: 'circuit_open' };

describe('examples/redis-shared-breaker.ts', () => {
  afterEach(() => {
    delete process.env.REDIS_URL;
  });

  it('with memoryStore (no REDIS_URL)', async () => {
    await expect(main()).resolves.toEqual(expected);
  });

  it.skipIf(redisServerPath === undefined)(`with a real Redis${redisServerPath === undefined ? ` — ${SKIP_REASON}` : ''}`, async () => {
    const server = await startRedis();
    process.env.REDIS_URL = server.url;
    try {
      await expect(main()).resolves.toEqual(expected);
    } finally {
      await server.stop();
    }
  });
});
