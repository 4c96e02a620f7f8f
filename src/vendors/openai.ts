/**
 * OpenAI (`api.openai.com`), Azure OpenAI and OpenAI-compatible servers (vLLM, LiteLLM, RunInfra …):
 * `{"error": {"message", "type", "param", "code"}}` (vLLM's older top-level
 * `{"object": "error", "message", "type", "code"}` too). `code` is the finer reason and `type` the
 * class (https://platform.openai.com/docs/guides/error-codes): `insufficient_quota` and the
 * billing codes are a spent allowance (`quota_exhausted`, never retried), `rate_limit_exceeded` a
 * throttle, `context_length_exceeded` a prompt over the model's window, `content_policy_violation` (and
 * Azure OpenAI's `content_filter`) a safety refusal. OpenAI-compatible servers without those codes
 * (vLLM's "maximum context length") are read from the message.
 *
 * Delays: the message says "Please try again in 26.604s" (or "in 20ms", "in 7m12s"; Azure:
 * "Please retry after 6 seconds"), and the `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 * headers give Go-style durations (`1s`, `6m0s`); an exhausted window's reset is the wait.
 * `retry-after-ms`, `retry-after` and `x-should-retry` are read by classify itself and win.
 *
 * Retry classes follow openai-node's `shouldRetry` (src/client.ts): it retries 408, 409 ("lock
 * timeouts"), 429 and every 5xx whatever the method, so 409, 500, 502 and 504 are `always` here.
 */
import type { FaultCode } from '../core/catalog.js';
import { DEFAULTS } from '../core/codes.js';
import type { Fault, RateLimitInfo } from '../core/fault.js';
import { parseDuration, rateLimitInfo } from '../core/rate-limit.js';
import { commonCode } from './common-codes.js';
import { llmCode, llmMessageCode } from './llm-signals.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { CodeRule, FaultDraft, HeaderReader, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * OpenAI `error.code` / `error.type` values whose meaning the status does not carry.
 * @example
 * ```ts
 * OPENAI_CODES.insufficient_quota; // 'quota_exhausted'
 * ```
 * @internal
 */
export const OPENAI_CODES = {
  insufficient_quota: 'quota_exhausted',
  billing_hard_limit_reached: 'quota_exhausted',
  credit_balance_exhausted: 'quota_exhausted',
  organization_spend_limit_exceeded: 'quota_exhausted',
  project_spend_limit_exceeded: 'quota_exhausted',
  organization_usage_limit_exceeded: 'quota_exhausted',
  rate_limit_exceeded: 'rate_limited',
  requests: 'rate_limited',
  tokens: 'rate_limited',
  context_length_exceeded: 'context_length_exceeded',
  content_policy_violation: 'content_filtered',
  content_filter: 'content_filtered',
  string_above_max_length: 'payload_too_large',
  invalid_api_key: 'unauthenticated',
  unsupported_country_region_territory: 'permission_denied',
  // A key whose role or restrictions lack a scope, sent with a 401 ("Missing scopes: api.responses.write").
  missing_scope: 'permission_denied',
  model_not_found: 'not_found',
} as const satisfies Readonly<Record<string, CodeRule>>;

/**
 * The `error` record of an OpenAI-shaped body (or vLLM's top-level error), or `undefined`.
 * @example
 * ```ts
 * openaiError({ error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } })?.type; // 'requests'
 * ```
 * @internal
 */
export function openaiError(json: unknown): Readonly<Record<string, unknown>> | undefined {
  const b = asRecord(json);
  const e = b?.object === 'error' ? b : asRecord(b?.error);
  return readString(e, 'message') === undefined ? undefined : e;
}

function isOpenAiShape(json: unknown): boolean {
  const e = openaiError(json);
  if (e === undefined) return false;
  if ('type' in e || 'param' in e) return true;
  // UPPER_SNAKE codes without a type are the generic error object's; Azure's PascalCase ones are Azure's.
  const c = e.code;
  return c === null || typeof c === 'number' || (typeof c === 'string' && /^[a-z0-9_]{1,64}$/.test(c));
}

/**
 * Headers OpenAI's API introduced: its `openai-*` ones, `retry-after-ms` (read by openai-node's
 * retry loop) and its per-requests/per-tokens rate-limit names. OpenAI-compatible servers that copy
 * them (RunInfra's seed, Azure OpenAI) speak OpenAI's protocol and are read as it.
 */
const OPENAI_HEADERS = [
  'openai-organization', 'openai-processing-ms', 'openai-version', 'openai-project', 'retry-after-ms',
  'x-ratelimit-limit-requests', 'x-ratelimit-remaining-requests', 'x-ratelimit-limit-tokens', 'x-ratelimit-remaining-tokens',
] as const;
// OpenAI's request ids: `req_` and 32 hex digits (Stripe's and Anthropic's `req_` ids are base62).
const OPENAI_REQUEST_ID = /^req_[0-9a-f]{32}$/;
const OPENAI_WORDS = /\bopenai\b/i;

/**
 * Whether an OpenAI-shaped body carries a mark of OpenAI itself: one of its headers or request ids,
 * one of its own codes, its full error object (message, type, param and code, nulls included), or
 * its name in the message.
 * Without one, the `{error: {message, type}}` shape is only a shape (Anthropic-like bodies, gateway
 * pages, a Stripe body without its marks), and naming `openai` would be a guess.
 */
function hasOpenAiMark(s: ResponseSnapshot, e: Readonly<Record<string, unknown>>): boolean {
  const h = s.headers;
  for (const name of OPENAI_HEADERS) if (h.get(name) !== undefined) return true;
  if (OPENAI_REQUEST_ID.test(h.get('x-request-id') ?? '')) return true;
  const code = e.code;
  if (typeof code === 'string' && Object.hasOwn(OPENAI_CODES, code)) return true;
  const type = e.type;
  if (typeof type === 'string' && Object.hasOwn(OPENAI_CODES, type)) return true;
  // OpenAI-compatible servers (llama.cpp, vLLM) answer in this shape with their own LLM codes.
  if (llmCode(typeof code === 'string' ? code : typeof type === 'string' ? type : undefined) !== undefined) return true;
  if (llmMessageCode(readString(e, 'message')) !== undefined) return true;
  // OpenAI writes all four members, nulls included; look-alikes (Anthropic-like bodies, gateways,
  // Stripe) leave `param` or `code` out.
  if ('type' in e && 'param' in e && 'code' in e) return true;
  // "… under Azure OpenAI API version …", "… visit https://platform.openai.com/account/api-keys".
  return OPENAI_WORDS.test((readString(e, 'message') ?? '').slice(0, 1000));
}

const HINT = /(?:try again in|retry after) (\d{1,9}(?:\.\d{1,6})?(?:ms|h|m|s)(?:\d{1,9}(?:\.\d{1,6})?(?:ms|h|m|s)){0,3}|\d{1,9} (?:second|minute|hour|day)s?)\b/i;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "Please try again in 26.604s" → 26604; "retry after 6 seconds" → 6000; "Try again in 7 days" → 604800000. */
function messageDelay(message: string | undefined): number | undefined {
  const m = message === undefined ? null : HINT.exec(message.slice(0, 2000));
  if (m === null) return undefined;
  const text = m[1] as string;
  const word = / ([a-z])/i.exec(text)?.[1]?.toLowerCase();
  return word !== undefined ? Number.parseInt(text, 10) * (UNIT_MS[word] ?? 1000) : parseDuration(text.toLowerCase());
}

function num(value: string | undefined): number | undefined {
  const n = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The `x-ratelimit-*-{requests,tokens}` window that binds: an exhausted one, the longest reset first. */
function rateLimitOf(h: HeaderReader): RateLimitInfo | undefined {
  let best: RateLimitInfo | undefined;
  for (const kind of ['requests', 'tokens']) {
    const info = rateLimitInfo(num(h.get(`x-ratelimit-limit-${kind}`)), num(h.get(`x-ratelimit-remaining-${kind}`)), parseDuration(h.get(`x-ratelimit-reset-${kind}`)));
    if (info === undefined) continue;
    if (best === undefined || (info.remaining === 0 && (best.remaining !== 0 || (info.resetMs ?? 0) > (best.resetMs ?? 0)))) best = info;
  }
  return best;
}

/**
 * Reads an OpenAI-shaped error body with its headers, or `undefined`.
 * @example
 * ```ts
 * readOpenAi(snapshot); // { vendorCode: 'rate_limit_exceeded', retryAfterMs: 26604, … }
 * ```
 * @internal
 */
export function readOpenAi(s: ResponseSnapshot): FaultDraft | undefined {
  const e = openaiError(s.json);
  if (e === undefined) return undefined;
  const type = readString(e, 'type');
  const rawCode = e.code;
  const numeric = typeof rawCode === 'number' && Number.isFinite(rawCode);
  // vLLM and llama.cpp repeat the HTTP status as a numeric `code`; their `type` is the machine code.
  // Azure OpenAI repeats it as a string (`"code": "429"`): the status again, no code of its own.
  const named = numeric ? undefined : readString(e, 'code');
  const code = numeric ? (type !== undefined && rawCode >= 100 && rawCode <= 599 ? undefined : String(rawCode)) : named !== undefined && /^[45]\d\d$/.test(named) ? undefined : named;
  const vendorCode = code ?? type;
  const message = readString(e, 'message');
  const param = readString(e, 'param');
  const own = vendorCode !== undefined && Object.hasOwn(OPENAI_CODES, vendorCode);
  let canonical: FaultCode | undefined = own ? undefined : commonCode(code) ?? commonCode(type) ?? llmCode(code) ?? llmCode(type);
  const text = message ?? '';
  if (canonical === undefined && !own && (s.status ?? 0) >= 500 && /\boverloaded\b/i.test(text)) canonical = 'overloaded';
  if (canonical === undefined && !own) canonical = llmMessageCode(message, s.status);
  // "Request too large for gpt-4o … on tokens per min": one request over the whole per-minute budget never fits.
  const tooLarge = vendorCode === 'rate_limit_exceeded' && /^request too large/i.test(text);
  // Azure OpenAI names the filter that refused in `innererror.code` (ResponsibleAIPolicyViolation under
  // content_filter): the most specific code, as in every Azure innererror chain; the outer code still decides.
  const inner = readString(asRecord(e.innererror), 'code');
  return {
    code: tooLarge ? 'payload_too_large' : inner !== undefined && own ? OPENAI_CODES[vendorCode as keyof typeof OPENAI_CODES] : canonical,
    retry: tooLarge ? 'never' : undefined,
    vendorCode: inner ?? vendorCode,
    message,
    // "(Please include the request ID 500d9fff2057e4af93a280f67002c342 in your message.)"; the relays in front of
    // OpenAI-compatible APIs (one-api, new-api) append their own: "… not supported (request id: 2024072510422562564674066306279)".
    requestId: /request ID:? ([\w-]{6,64})/i.exec(text.slice(0, 2000))?.[1],
    retryAfterMs: tooLarge ? undefined : messageDelay(message),
    rateLimit: rateLimitOf(s.headers),
    fields: param === undefined || message === undefined ? undefined : [{ path: param, message }],
  };
}

function typeFor(fault: Fault): string {
  if (fault.code === 'rate_limited') return 'requests';
  if (fault.code === 'quota_exhausted') return 'insufficient_quota';
  return renderStatus(fault) >= 500 ? 'server_error' : 'invalid_request_error';
}

/**
 * What the default classify carries of {@link openaiProfile}: all of it but its renderer.
 * @internal
 */
export const openaiReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'openai',
  keys: ['error'],
  hosts: ['api.openai.com', '*.openai.azure.com', '*.cognitiveservices.azure.com', 'api.groq.com'],
  codes: OPENAI_CODES,
  statuses: {
    409: { code: 'conflict', retry: 'always' },
    500: { code: 'internal', retry: 'always' },
    502: { code: 'bad_gateway', retry: 'always' },
    504: { code: 'gateway_timeout', retry: 'always' },
    // Groq's flex tier at capacity (console.groq.com/docs/flex-processing); no OpenAI-shaped server sends 498 otherwise.
    498: { code: 'overloaded', retry: 'always' },
  },
  // Picked by host, or by an OpenAI-shaped body with one of OpenAI's marks: a Fault names `openai`
  // only when OpenAI sent it.
  detect: (s) => isOpenAiShape(s.json) && hasOpenAiMark(s, openaiError(s.json) as Readonly<Record<string, unknown>>),
  parse: readOpenAi,
});

/**
 * OpenAI, Azure OpenAI and OpenAI-compatible servers.
 *
 * @example
 * ```ts
 * classify({ status: 429, body: '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}' });
 * // { code: 'quota_exhausted', retry: 'never', vendor: 'openai', vendorCode: 'insufficient_quota', … }
 * ```
 * @public
 */
export const openaiProfile: VendorProfile = /* @__PURE__ */ withRender(openaiReader, {
  render(fault) {
    const headers = renderHeaders(fault, 'x-request-id');
    if (fault.retry !== DEFAULTS[fault.code].retry && fault.retry !== 'idempotent') headers['x-should-retry'] = String(fault.retry === 'always');
    const error = { message: fault.message, type: typeFor(fault), param: fault.fields?.[0]?.path ?? null, code: renderCode(OPENAI_CODES, fault) ?? null };
    return { status: renderStatus(fault), headers, body: JSON.stringify({ error }) };
  },
});
