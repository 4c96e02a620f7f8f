/**
 * xAI (Grok, `api.x.ai`): `{"code": "<gRPC status description>", "error": "<sentence>"}`, where
 * `code` is the description of the gRPC status behind the HTTP one ("Client specified an invalid
 * argument" is INVALID_ARGUMENT, "Some resource has been exhausted" RESOURCE_EXHAUSTED; the
 * wording of the tonic runtime's `Code::description`). The sentence says more: "This model's
 * maximum prompt length is 131072 but the request contains 136973 tokens" is a context window,
 * "has either used all available credits or reached its monthly spending limit" a spent allowance.
 */
import type { FaultCode } from '../core/catalog.js';
import { builtinProfile } from './builtin-profile.js';
import { llmMessageCode } from './llm-signals.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * gRPC status descriptions as xAI sends them in `code`.
 * @example
 * ```ts
 * XAI_CODES['Some resource has been exhausted']; // 'rate_limited'
 * ```
 * @internal
 */
export const XAI_CODES: Readonly<Record<string, FaultCode>> = Object.freeze({
  'The operation was cancelled': 'cancelled',
  'Unknown error': 'internal',
  'Client specified an invalid argument': 'invalid_request',
  'Deadline expired before operation could complete': 'gateway_timeout',
  'Some requested entity was not found': 'not_found',
  'Some entity that we attempted to create already exists': 'already_exists',
  'The caller does not have permission to execute the specified operation': 'permission_denied',
  'Some resource has been exhausted': 'rate_limited',
  "The system is not in a state required for the operation's execution": 'precondition_failed',
  'The operation was aborted': 'conflict',
  'Operation was attempted past the valid range': 'invalid_request',
  'Operation is not implemented or not supported': 'not_implemented',
  'Internal error': 'internal',
  'The service is currently unavailable': 'service_unavailable',
  'Unrecoverable data loss or corruption': 'data_loss',
  'The request does not have valid authentication credentials': 'unauthenticated',
});

/** `{code, error}` and nothing else, both sentences. */
function bodyOf(json: unknown): Readonly<Record<string, unknown>> | undefined {
  const b = asRecord(json);
  if (b === undefined || typeof b.code !== 'string' || typeof b.error !== 'string' || !b.code.includes(' ')) return undefined;
  for (const key in b) if (key !== 'code' && key !== 'error') return undefined;
  return b;
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const b = bodyOf(s.json);
  if (b === undefined) return undefined;
  const message = readString(b, 'error');
  return { code: llmMessageCode(message, s.status), vendorCode: readString(b, 'code'), message };
}

/**
 * xAI's Grok API.
 *
 * @example
 * ```ts
 * classify({ status: 400, body: '{"code":"Client specified an invalid argument","error":"This model\'s maximum prompt length is 131072 but the request contains 136973 tokens."}' });
 * // { code: 'context_length_exceeded', vendor: 'xai', vendorCode: 'Client specified an invalid argument', … }
 * ```
 * @public
 */
export const xaiProfile: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'xai',
  hosts: ['api.x.ai'],
  codes: XAI_CODES,
  expressible: { vendorCodes: ['Some resource has been exhausted', 'Some requested entity was not found', 'Internal error'] },
  detect: (s) => bodyOf(s.json) !== undefined,
  parse,
  render(fault) {
    const code = renderCode(XAI_CODES, fault) ?? 'Unknown error';
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify({ code, error: fault.message }) };
  },
});
