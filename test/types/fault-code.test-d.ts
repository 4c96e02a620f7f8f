/**
 * Type tests: the public unions make ts-pattern's `exhaustive()` compile over every FaultCode and every
 * Remedy, and fail to compile when one is missing.
 */
import { match } from 'ts-pattern';
import { describe, expectTypeOf, it } from 'vitest';
import type { Fault, FaultCode, Remedy, RetryClass } from '../../src/index.js';

const everyCode = (fault: Fault): number =>
  match(fault)
    .with({ code: 'invalid_request' }, () => 0)
    .with({ code: 'validation_failed' }, () => 1)
    .with({ code: 'unauthenticated' }, () => 2)
    .with({ code: 'permission_denied' }, () => 3)
    .with({ code: 'payment_required' }, () => 4)
    .with({ code: 'quota_exhausted' }, () => 5)
    .with({ code: 'not_found' }, () => 6)
    .with({ code: 'gone' }, () => 7)
    .with({ code: 'already_exists' }, () => 8)
    .with({ code: 'conflict' }, () => 9)
    .with({ code: 'precondition_failed' }, () => 10)
    .with({ code: 'payload_too_large' }, () => 11)
    .with({ code: 'context_length_exceeded' }, () => 12)
    .with({ code: 'content_filtered' }, () => 13)
    .with({ code: 'request_timeout' }, () => 14)
    .with({ code: 'too_early' }, () => 15)
    .with({ code: 'rate_limited' }, () => 16)
    .with({ code: 'not_implemented' }, () => 17)
    .with({ code: 'internal' }, () => 18)
    .with({ code: 'bad_gateway' }, () => 19)
    .with({ code: 'service_unavailable' }, () => 20)
    .with({ code: 'overloaded' }, () => 21)
    .with({ code: 'gateway_timeout' }, () => 22)
    .with({ code: 'data_loss' }, () => 23)
    .with({ code: 'malformed_response' }, () => 24)
    .with({ code: 'connect_failed' }, () => 25)
    .with({ code: 'connection_reset' }, () => 26)
    .with({ code: 'client_timeout' }, () => 27)
    .with({ code: 'cancelled' }, () => 28)
    .with({ code: 'circuit_open' }, () => 29)
    .with({ code: 'bulkhead_full' }, () => 30)
    .with({ code: 'unknown' }, () => 31)
    .exhaustive();

const everyRemedy = (remedy: Remedy): string =>
  match(remedy)
    .with('fix_request', (r) => r)
    .with('reauthenticate', (r) => r)
    .with('check_permissions', (r) => r)
    .with('top_up', (r) => r)
    .with('upgrade_plan', (r) => r)
    .with('wait_for_reset', (r) => r)
    .with('check_identifier', (r) => r)
    .with('recreate', (r) => r)
    .with('use_existing', (r) => r)
    .with('resolve_conflict', (r) => r)
    .with('refresh_state', (r) => r)
    .with('reduce_request', (r) => r)
    .with('shorten_input', (r) => r)
    .with('rephrase', (r) => r)
    .with('retry', (r) => r)
    .with('wait', (r) => r)
    .with('change_request', (r) => r)
    .with('retry_or_report', (r) => r)
    .with('retry_smaller', (r) => r)
    .with('resubmit_async', (r) => r)
    .with('contact_support', (r) => r)
    .with('fallback', (r) => r)
    .with('none', (r) => r)
    .with('report', (r) => r)
    .exhaustive();

describe('public unions', () => {
  it('FaultCode is a union of exactly the 32 catalog codes', () => {
    expectTypeOf<FaultCode>().toEqualTypeOf<'invalid_request' | 'validation_failed' | 'unauthenticated' | 'permission_denied' | 'payment_required' | 'quota_exhausted' | 'not_found' | 'gone' | 'already_exists' | 'conflict' | 'precondition_failed' | 'payload_too_large' | 'context_length_exceeded' | 'content_filtered' | 'request_timeout' | 'too_early' | 'rate_limited' | 'not_implemented' | 'internal' | 'bad_gateway' | 'service_unavailable' | 'overloaded' | 'gateway_timeout' | 'data_loss' | 'malformed_response' | 'connect_failed' | 'connection_reset' | 'client_timeout' | 'cancelled' | 'circuit_open' | 'bulkhead_full' | 'unknown'>();
  });
  it('RetryClass is the three classes', () => {
    expectTypeOf<RetryClass>().toEqualTypeOf<'always' | 'idempotent' | 'never'>();
  });
  it('exhaustive matches over every code and remedy compile', () => {
    expectTypeOf(everyCode).returns.toBeNumber();
    expectTypeOf(everyRemedy).returns.toBeString();
  });
  it('a match that misses a code does not compile', () => {
    const missing = (fault: Fault): number =>
      match(fault)
        .with({ code: 'invalid_request' }, () => 0)
        .with({ code: 'validation_failed' }, () => 1)
        .with({ code: 'unauthenticated' }, () => 2)
        .with({ code: 'permission_denied' }, () => 3)
        .with({ code: 'payment_required' }, () => 4)
        .with({ code: 'quota_exhausted' }, () => 5)
        .with({ code: 'not_found' }, () => 6)
        .with({ code: 'gone' }, () => 7)
        .with({ code: 'already_exists' }, () => 8)
        .with({ code: 'conflict' }, () => 9)
        .with({ code: 'precondition_failed' }, () => 10)
        .with({ code: 'payload_too_large' }, () => 11)
        .with({ code: 'context_length_exceeded' }, () => 11)
        .with({ code: 'content_filtered' }, () => 11)
        .with({ code: 'request_timeout' }, () => 12)
        .with({ code: 'too_early' }, () => 13)
        .with({ code: 'rate_limited' }, () => 14)
        .with({ code: 'not_implemented' }, () => 15)
        .with({ code: 'internal' }, () => 16)
        .with({ code: 'bad_gateway' }, () => 17)
        .with({ code: 'service_unavailable' }, () => 18)
        .with({ code: 'overloaded' }, () => 19)
        .with({ code: 'gateway_timeout' }, () => 20)
        .with({ code: 'data_loss' }, () => 21)
        .with({ code: 'malformed_response' }, () => 22)
        .with({ code: 'connect_failed' }, () => 23)
        .with({ code: 'connection_reset' }, () => 24)
        .with({ code: 'client_timeout' }, () => 25)
        .with({ code: 'cancelled' }, () => 26)
        .with({ code: 'circuit_open' }, () => 27)
        .with({ code: 'bulkhead_full' }, () => 28)
        // @ts-expect-error -- 'unknown' is not handled, so exhaustive() is a compile error
        .exhaustive();
    expectTypeOf(missing).toBeFunction();
  });

  it('a Fault is readonly data', () => {
    expectTypeOf<Fault['code']>().toEqualTypeOf<FaultCode>();
    // @ts-expect-error -- Fault fields are readonly
    ((f: Fault) => { f.code = 'gone'; })(undefined as unknown as Fault);
  });
});
