// The seed fixture, loaded for every suite that plays it from the repository's own copy
// (test/fixtures/seed-cases.json), so a clone alone runs every test. The copy is kept verbatim:
// test/seed-fixture-sync.test.ts fails when it differs from ../shared/fixtures/seed-cases.json,
// where that exists.
import { readFileSync } from 'node:fs';
import { type Jitter, constantBackoff, exponentialBackoff } from '../src/policy/backoff.js';
import type { RetryOptions } from '../src/policy/retry.js';

/** A response as the fixture writes it. */
export interface SeedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** One example of a seed document, with the Fault fields it must classify to. */
export interface SeedCase {
  readonly id: string;
  readonly seed: string;
  readonly vendor: string | null;
  readonly response: SeedResponse;
  readonly expect: Record<string, unknown> & { readonly messageMustNotContain?: string };
}

/** The retry policy of a scenario, as data. */
export interface SeedPolicy {
  readonly maxRetries: number;
  readonly backoff: { kind: 'exponential' | 'constant'; initialMs: number; factor: number; maxMs: number; jitter: Jitter };
  readonly idempotent: boolean;
  readonly maxRetryAfterMs?: number;
}

/** One retry scenario: a response per attempt, the policy, and the attempts, delays and outcome it must give. */
export interface SeedScenario {
  readonly id: string;
  readonly vendor: string;
  readonly responses: readonly SeedResponse[];
  readonly policy: SeedPolicy;
  readonly expect: { attempts: number; delaysMs: number[]; outcome: string };
}

/** The repository's copy of the seed fixture. */
export const SEED_FIXTURE_URL = new URL('./fixtures/seed-cases.json', import.meta.url);

export const seedFixture = JSON.parse(readFileSync(SEED_FIXTURE_URL, 'utf8')) as {
  readonly cases: readonly SeedCase[];
  readonly scenarios: readonly SeedScenario[];
};

/** The retry options a scenario's policy means (jitter from `random`, so 0.5 keeps a jittered scenario exact). */
export function seedRetryOptions(policy: SeedPolicy, clock: NonNullable<RetryOptions['clock']>): RetryOptions {
  const b = policy.backoff;
  return {
    maxRetries: policy.maxRetries,
    backoff: b.kind === 'constant' ? constantBackoff(b.initialMs) : exponentialBackoff({ initialMs: b.initialMs, factor: b.factor, maxMs: b.maxMs, jitter: b.jitter }),
    idempotent: policy.idempotent,
    ...(policy.maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs: policy.maxRetryAfterMs }),
    clock,
    random: () => 0.5,
  };
}
