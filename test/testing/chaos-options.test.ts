// The chaos server's options, checked before it listens: exact TypeErrors, unknown keys refused.
import { describe, expect, it } from 'vitest';
import { checkChaosOptions } from '../../src/testing/chaos-options.js';
import type { ChaosServerOptions } from '../../src/testing/chaos-types.js';

describe('checkChaosOptions', () => {
  const check = (options: unknown) => () => checkChaosOptions(options as ChaosServerOptions);

  it('normalises the script, the mix and latency', () => {
    const config = checkChaosOptions({ vendor: 'pulse', script: ['reset', 'rate_limited'], faults: { internal: 0.25 }, latencyMs: 5 });
    expect([config.profile.id, config.seed, config.steps, config.mix, config.latencyRange]).toEqual([
      'pulse',
      1,
      [{ type: 'reset' }, { type: 'fault', fault: 'rate_limited' }],
      [['internal', 0.25]],
      [5, 5],
    ]);
  });

  it('refuses keys that are not options, at every level', () => {
    expect(check({ vendor: 'pulse', behaviour: {} })).toThrow(
      new TypeError("startChaosServer: unknown option 'behaviour' — did you mean 'behaviours'?"),
    );
    expect(check({ vendor: 'pulse', behaviours: { rateLimits: {} } })).toThrow(
      new TypeError("startChaosServer: behaviours keys must be one of monthlyCap, rateLimit, building, got 'rateLimits'"),
    );
    expect(check({ vendor: 'pulse', behaviours: { rateLimit: { limit: 1, windowMs: 1, retryAfterMS: 5 } } })).toThrow(
      new TypeError("startChaosServer: behaviours.rateLimit keys must be one of limit, windowMs, message, retryAfter, got 'retryAfterMS'"),
    );
    expect(check({ vendor: 'pulse', behaviours: { building: { forMs: 1, for: 2 } } })).toThrow(/behaviours\.building keys must be one of forMs, message, retryAfterMs, got 'for'/);
    expect(check({ vendor: 'pulse', behaviours: { monthlyCap: { limit: 1, url: 'x' } } })).toThrow(/behaviours\.monthlyCap keys must be one of limit, retryAfterMs, upgradeUrl, message, got 'url'/);
  });

  it('names the exact field of a behaviour at fault', () => {
    expect(check({ vendor: 'pulse', behaviours: { rateLimit: { limit: 1, windowMs: 0 } } })).toThrow(new TypeError('startChaosServer: behaviours.rateLimit.windowMs must be an integer >= 1, got 0'));
    expect(check({ vendor: 'pulse', behaviours: { rateLimit: { limit: 1, windowMs: 1, retryAfter: 'no' } } })).toThrow(
      new TypeError("startChaosServer: behaviours.rateLimit.retryAfter must be a boolean, got 'no'"),
    );
    expect(check({ vendor: 'pulse', behaviours: { monthlyCap: { limit: 1, upgradeUrl: 1 } } })).toThrow(new TypeError('startChaosServer: behaviours.monthlyCap.upgradeUrl must be a string, got 1'));
    expect(check({ vendor: 'pulse', behaviours: { building: { forMs: 1, message: null } } })).toThrow(new TypeError('startChaosServer: behaviours.building.message must be a string, got null'));
  });

  it('refuses an options value that is not an object', () => {
    for (const value of [undefined, null, 1, 'pulse', []]) expect(check(value)).toThrow(/^startChaosServer: options must be an object with a vendor, got /);
  });

  it('accepts undefined for any option, as if it were absent', () => {
    const config = checkChaosOptions({ vendor: 'pulse', script: undefined, faults: undefined, seed: undefined, latencyMs: undefined, behaviours: undefined, clock: undefined });
    expect([config.steps, config.scriptFunction, config.mix, config.seed]).toEqual([undefined, undefined, [], 1]);
  });
});
