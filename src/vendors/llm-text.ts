/**
 * LLM servers whose error is a bare sentence rather than a coded envelope:
 * - Ollama `{"error": "model 'llama2' not found, try pulling it first"}` (docs/api.md), Cohere's and
 *   Mistral's gateway `{"message": "…"}` (Cohere v2 adds an `id`), Together's older
 *   `{"message": "Input validation error: …"}`, and those sentences as plain text (an SDK's printout);
 *   claimed only when the sentence carries an LLM signal from llm-signals.ts;
 * - Hugging Face: the Inference API's cold start `{"error": "Model gpt2 is currently loading",
 *   "estimated_time": 20.0}` (503; retried after `estimated_time` seconds) and text-generation-inference's
 *   `{"error": "…", "error_type": "validation" | "generation" | "overloaded" | "incomplete_generation"}`
 *   (router/src/lib.rs; 429 `overloaded` when its queue is full);
 * - xAI (Grok) `{"code": "<gRPC status description>", "error": "<sentence>"}`: "Client specified an
 *   invalid argument" is INVALID_ARGUMENT, "Some resource has been exhausted" RESOURCE_EXHAUSTED (the
 *   wording of the tonic runtime's `Code::description`).
 * In each, a sentence that names a context window, a filter, load shedding or a spent allowance
 * decides over the code: TGI's "`inputs` tokens + `max_new_tokens` must be <= 8192" is a
 * `validation` error and a context window; xAI's "used all available credits or reached its monthly
 * spending limit" is a RESOURCE_EXHAUSTED that no wait cures.
 */
import type { FaultCode } from '../core/catalog.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { llmMessageCode } from './llm-signals.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asOnlyRecord, asRecord, codeIn, readNumber, readString } from './profile.js';
import { renderHeaders, renderStatus } from './render-helpers.js';
import { requestIdInText } from './generic/request-id.js';

/**
 * TGI `error_type`s and xAI's gRPC status descriptions.
 * @example
 * ```ts
 * LLM_TEXT_CODES['Some resource has been exhausted']; // 'rate_limited'
 * ```
 * @internal
 */
export const LLM_TEXT_CODES: Readonly<Record<string, FaultCode>> = Object.freeze({
  validation: 'invalid_request',
  overloaded: 'overloaded',
  generation: 'internal',
  incomplete_generation: 'internal',
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

const KEYS: readonly string[] = ['error', 'message', 'id', 'code', 'error_type', 'estimated_time'];

interface Bare {
  readonly sentence: string | undefined;
  /** xAI's `code` or TGI's `error_type`: a shape of its own, claimed without a signal. */
  readonly vendorCode: string | undefined;
  readonly wait: number | undefined;
}

/** A printout that quotes a body after its own words (`API Error: 500 {"type":"error",…}`, `Error code: 429 - {'error': …}`). */
function quotesBody(text: string): boolean {
  const open = text.search(/\{\s{0,4}['"]/);
  return open > 0 && text.charCodeAt(0) !== 91; // a whole body (`{'error': …}`, `[{'error': …}]`) is read here
}

/** An HTML page's opening tag anywhere in a text. */
const HTML_PAGE = /<(?:!DOCTYPE|html|head|title|body)\b/i;

function bareOf(s: ResponseSnapshot): Bare | undefined {
  if (s.json === undefined) {
    const text = s.text.trim();
    // A printout that quotes the body after its own words is an envelope the generic layer reads
    // whole: its code and request id, not only its words. So is one that quotes an HTML page (MLflow's client before
    // Flask's stock 500 page): the page's words are a server's, no model's.
    return text === '' || text.length > 2000 || text.startsWith('<') || quotesBody(text) || HTML_PAGE.test(text) ? undefined : { sentence: text, vendorCode: undefined, wait: undefined };
  }
  // Some Inference API tasks answer with a one-element list.
  const b = asOnlyRecord(s.json);
  if (b === undefined) return undefined;
  for (const key in b) if (!KEYS.includes(key)) return undefined;
  const error = readString(b, 'error');
  const code = readString(b, 'code');
  const xai = code !== undefined && code.includes(' ') && error !== undefined ? code : undefined;
  if (code !== undefined && xai === undefined) return undefined;
  // `{error: "snake_code"}` is the flat-error shape; a sentence has a space.
  const sentence = error !== undefined ? (error.includes(' ') ? error : undefined) : readString(b, 'message');
  const wait = readNumber(b, 'estimated_time');
  return { sentence, vendorCode: xai ?? readString(b, 'error_type'), wait: wait === undefined || wait < 0 || wait > 86_400 ? undefined : wait };
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const bare = bareOf(s);
  if (bare === undefined) return undefined;
  const signal = llmMessageCode(bare.sentence, s.status);
  const known = bare.vendorCode !== undefined && Object.hasOwn(LLM_TEXT_CODES, bare.vendorCode);
  if (signal === undefined && !known && bare.wait === undefined) return undefined;
  return {
    code: signal ?? (known ? codeIn(LLM_TEXT_CODES, bare.vendorCode) : 'service_unavailable'),
    vendorCode: bare.vendorCode,
    message: bare.sentence,
    retryAfterMs: bare.wait === undefined ? undefined : Math.round(bare.wait * 1000),
    // A printout keeps the id a sentence asks for ("Please include the request ID aec44561… in your message.").
    requestId: s.json === undefined && bare.sentence !== undefined ? requestIdInText(bare.sentence) : undefined,
  };
}

/**
 * What the default classify carries of {@link llmTextProfile}: all of it but its renderer.
 * @internal
 */
export const llmTextReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'llm-text',
  hosts: ['api.x.ai', 'api-inference.huggingface.co', 'router.huggingface.co', '*.endpoints.huggingface.cloud'],
  // A JSON object answers with a sentence (`error`, `message`), TGI's `error_type` or a wait: one of them must be there.
  keys: ['error', 'message', 'error_type', 'estimated_time'],
  codes: LLM_TEXT_CODES,
  detect: (s) => parse(s) !== undefined,
  parse,
});

/**
 * Bare-sentence errors of LLM servers: Ollama, Cohere, Mistral, Together, Hugging Face
 * Inference and TGI, xAI, and plain-text printouts with an LLM signal.
 *
 * @example
 * ```ts
 * classify({ status: 503, body: '{"error":"Model gpt2 is currently loading","estimated_time":20.0}' });
 * // { code: 'service_unavailable', retry: 'always', vendor: 'llm-text', retryAfterMs: 20000, … }
 * ```
 * @public
 */
export const llmTextProfile: VendorProfile = /* @__PURE__ */ withRender(llmTextReader, {
  expressible: { vendorCodes: ['overloaded', 'generation', 'Some resource has been exhausted', 'Internal error'], retryAfter: 'ms', requestId: false },
  render(fault) {
    const code = fault.vendorCode ?? 'generation';
    const body: Record<string, unknown> = code.includes(' ') ? { code, error: fault.message } : { error: fault.message, error_type: code };
    if (fault.retryAfterMs !== undefined) body.estimated_time = fault.retryAfterMs / 1000;
    return { status: renderStatus(fault), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  },
});
