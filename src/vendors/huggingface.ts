/**
 * Hugging Face: the Inference API / router (`api-inference.huggingface.co`, `router.huggingface.co`,
 * Inference Endpoints) and text-generation-inference (TGI) servers. Both answer
 * `{"error": "<sentence>"}` with extras that name the shape:
 * - the Inference API's cold start, `{"error": "Model gpt2 is currently loading", "estimated_time": 20.0}`
 *   (503): the model is coming up, so `service_unavailable`, retried after `estimated_time` seconds;
 * - TGI's `{"error": "…", "error_type": "validation" | "generation" | "overloaded" | "incomplete_generation"}`
 *   (router/src/lib.rs; 422 for validation, 429 `overloaded` when its queue is full), also as an SSE
 *   `data:{"error":…,"error_type":…}` event inside a streamed 200.
 * A validation error whose sentence is TGI's token limit ("`inputs` tokens + `max_new_tokens` must
 * be <= 8192") is a context window: `context_length_exceeded`.
 */
import type { FaultCode } from '../core/catalog.js';
import { builtinProfile } from './builtin-profile.js';
import { codeTable } from './code-table.js';
import { llmMessageCode } from './llm-signals.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, codeIn, readNumber, readString } from './profile.js';
import { renderStatus } from './render-helpers.js';

/**
 * TGI `error_type` values (text-generation-inference router/src/lib.rs).
 * @example
 * ```ts
 * HUGGINGFACE_CODES.overloaded; // 'overloaded'
 * ```
 * @internal
 */
export const HUGGINGFACE_CODES: Readonly<Record<string, FaultCode>> = /* @__PURE__ */ codeTable({
  invalid_request: 'validation',
  overloaded: 'overloaded',
  internal: 'generation incomplete_generation',
});

/** The error record: the body, or the one element of the list some Inference API tasks answer with. */
function bodyOf(json: unknown): Readonly<Record<string, unknown>> | undefined {
  const b = asRecord(Array.isArray(json) && json.length === 1 ? json[0] : json);
  return typeof b?.error === 'string' && (typeof b.error_type === 'string' || typeof b.estimated_time === 'number') ? b : undefined;
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const b = bodyOf(s.json);
  const message = readString(b, 'error');
  if (b === undefined || message === undefined) return undefined;
  const type = readString(b, 'error_type');
  const wait = readNumber(b, 'estimated_time');
  // The table's `validation` says less than the sentence, which may name the context window.
  const code = llmMessageCode(message, s.status) ?? (wait === undefined ? undefined : 'service_unavailable');
  return {
    code: code ?? (type === undefined ? undefined : codeIn(HUGGINGFACE_CODES, type)),
    vendorCode: type,
    message,
    retryAfterMs: wait === undefined || wait < 0 || wait > 86_400 ? undefined : Math.round(wait * 1000),
  };
}

/**
 * Hugging Face Inference API and text-generation-inference.
 *
 * @example
 * ```ts
 * classify({ status: 503, body: '{"error":"Model gpt2 is currently loading","estimated_time":20.0}' });
 * // { code: 'service_unavailable', retry: 'always', vendor: 'huggingface', retryAfterMs: 20000, … }
 * ```
 * @public
 */
export const huggingfaceProfile: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'huggingface',
  hosts: ['api-inference.huggingface.co', 'router.huggingface.co', '*.endpoints.huggingface.cloud'],
  codes: HUGGINGFACE_CODES,
  expressible: { vendorCodes: ['overloaded', 'generation'], retryAfter: 'ms', requestId: false },
  detect: (s) => bodyOf(s.json) !== undefined,
  parse,
  render(fault) {
    const body: Record<string, unknown> = { error: fault.message, error_type: fault.vendorCode ?? 'generation' };
    if (fault.retryAfterMs !== undefined) body.estimated_time = fault.retryAfterMs / 1000;
    return { status: renderStatus(fault), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  },
});
