// Handle every fault code, checked by the compiler: miss one and `exhaustive()` does not compile.
import { match, P } from 'ts-pattern';
import { type Fault, classify } from 'faultline';

export function describeFault(fault: Fault): string {
  return match(fault)
    .with({ code: P.union('rate_limited', 'overloaded', 'service_unavailable') }, (f) => `busy: wait ${f.retryAfterMs ?? 'a moment'} ms`)
    .with({ code: P.union('quota_exhausted', 'payment_required') }, (f) => `billing: ${f.upgradeUrl ?? f.remedy}`)
    .with({ code: P.union('unauthenticated', 'permission_denied') }, () => 'check the API key and its scopes')
    .with({ code: 'context_length_exceeded' }, () => 'shorten the prompt or use a larger-context model')
    .with({ code: 'content_filtered' }, () => 'rephrase: a content policy refused it')
    .with({ code: P.union('invalid_request', 'validation_failed', 'payload_too_large', 'not_implemented') }, (f) => `fix the request: ${f.message}`)
    .with({ code: P.union('not_found', 'gone', 'already_exists', 'conflict', 'precondition_failed') }, (f) => `state: ${f.code}`)
    .with({ code: P.union('request_timeout', 'too_early', 'internal', 'bad_gateway', 'gateway_timeout', 'data_loss') }, (f) => `server: ${f.code}`)
    .with({ code: P.union('malformed_response', 'connect_failed', 'connection_reset', 'client_timeout') }, (f) => `transport: ${f.code}`)
    .with({ code: P.union('cancelled', 'circuit_open', 'bulkhead_full', 'unknown') }, (f) => `local: ${f.code}`)
    .exhaustive();
}

export async function main(): Promise<string> {
  return describeFault(classify({ status: 429, headers: { 'retry-after': '3' } }));
}
