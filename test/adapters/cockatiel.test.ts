import { ConstantBackoff, retry } from 'cockatiel';
import type { IRetryBackoffContext } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { handleFaults, retryAfterBackoff } from '../../src/adapters/cockatiel.js';
import { FaultError, createFault } from '../../src/index.js';

const faultError = (code: Parameters<typeof createFault>[0]['code'], extra: object = {}): FaultError =>
  new FaultError(createFault({ code, ...extra }));

async function attemptsFor(error: Error, filter: Parameters<typeof handleFaults>[0]): Promise<number> {
  let attempts = 0;
  const policy = retry(handleFaults(filter), { maxAttempts: 3, backoff: new ConstantBackoff(0) });
  await policy
    .execute(() => {
      attempts += 1;
      throw error;
    })
    .catch(() => undefined);
  return attempts;
}

describe('handleFaults', () => {
  it('retries faults in the retry classes it is given and no others', async () => {
    expect(await attemptsFor(faultError('service_unavailable'), { retry: ['always'] })).toBe(4);
    expect(await attemptsFor(faultError('internal'), { retry: ['always'] })).toBe(1);
    expect(await attemptsFor(faultError('internal'), { retry: ['always', 'idempotent'] })).toBe(4);
  });

  it('by default retries only what isRetryable allows a non-idempotent call', async () => {
    expect(await attemptsFor(faultError('rate_limited'), {})).toBe(4);
    expect(await attemptsFor(faultError('bad_gateway'), {})).toBe(1);
    expect(await attemptsFor(faultError('bad_gateway'), { idempotent: true })).toBe(4);
    expect(await attemptsFor(faultError('payment_required'), { idempotent: true })).toBe(1);
  });

  it('filters by code', async () => {
    expect(await attemptsFor(faultError('gone'), { codes: ['gone'] })).toBe(4);
    expect(await attemptsFor(faultError('not_found'), { codes: ['gone'] })).toBe(1);
  });

  it('classifies plain thrown errors, such as a refused connection', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(await attemptsFor(refused, {})).toBe(4);
    expect(await attemptsFor(new Error('something else'), {})).toBe(1);
  });

  it('rejects a bad filter with a TypeError naming the option', () => {
    expect(() => handleFaults({ retry: 'always' as never })).toThrow(/handleFaults: retry must be an array/);
    expect(() => handleFaults({ idempotent: 'yes' as never })).toThrow(/handleFaults: idempotent must be a boolean/);
  });
});

describe('retryAfterBackoff', () => {
  const context = (error: Error, attempt: number): IRetryBackoffContext<unknown> =>
    ({ attempt, result: { error }, signal: new AbortController().signal }) as IRetryBackoffContext<unknown>;

  it('waits the server hint when there is one and defers to the inner backoff otherwise', () => {
    const backoff = retryAfterBackoff(new ConstantBackoff(250));
    const first = backoff.next(context(faultError('rate_limited', { retryAfterMs: 7000 }), 1));
    expect(first.duration).toBe(7000);
    const second = first.next(context(faultError('service_unavailable'), 2));
    expect(second.duration).toBe(250);
  });

  it('rejects something that is not a backoff', () => {
    expect(() => retryAfterBackoff({} as never)).toThrow(TypeError);
  });
});
