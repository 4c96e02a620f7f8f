/**
 * OpenRouter (`openrouter.ai`), a router in front of many LLM providers. Its own errors are
 * `{"error": {"code": <HTTP status>, "message", "metadata"?}}` (https://openrouter.ai/docs/api/reference/errors);
 * when the upstream provider failed, `message` is the bare "Provider returned error" and the
 * provider's own response rides in `error.metadata.raw` (its body, usually JSON in a string, or
 * plain text) with `error.metadata.provider_name`. A moderation block carries
 * `metadata.reasons` / `flagged_input`.
 *
 * The inner error decides: it is read in the shapes the upstream providers use (OpenAI's
 * `{error: {type, code, message}}`, Anthropic's `{type: "error", error: {type, message}}`,
 * Google's `{error: {status, message}}`, a flat `{error: "…"}` or `{message}`), through the same
 * tables those providers' profiles use and the shared LLM message rules. Both codes are kept:
 * `vendorCode` is the inner one (the outer `error.code` when the provider gave none), and the
 * outer code is the HTTP status OpenRouter answers with (`status`); the message names both,
 * "Provider returned error (Anthropic): Your credit balance is too low".
 */
import type { FaultCode } from '../core/catalog.js';
import { ANTHROPIC_CODES } from './anthropic.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { commonCode } from './common-codes.js';
import { GOOGLE_CODES } from './google.js';
import { llmCode, llmMessageCode } from './llm-signals.js';
import { OPENAI_CODES, readOpenAi } from './openai.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asOnlyRecord, asRecord, codeIn, readNumber, readString } from './profile.js';
import { renderHeaders, renderStatus } from './render-helpers.js';

/** The upstream response in `metadata.raw`: parsed when it is JSON text, else the text. */
function rawOf(meta: Readonly<Record<string, unknown>> | undefined): { json: unknown; text: string | undefined } {
  const raw = meta?.raw;
  if (typeof raw !== 'string') return { json: raw, text: undefined };
  const text = raw.slice(0, 8192);
  if (!/^\s*[[{]/.test(text)) return { json: undefined, text: text.trim() || undefined };
  try {
    return { json: JSON.parse(raw.length > 65_536 ? '' : raw) as unknown, text };
  } catch {
    return { json: undefined, text };
  }
}

interface Inner {
  readonly code: string | undefined;
  readonly message: string | undefined;
}

/** The upstream provider's machine code and message, in whichever shape it sent them. */
function innerOf(json: unknown): Inner {
  const body = asOnlyRecord(json);
  const e = asRecord(body?.error);
  if (e !== undefined) {
    // Anthropic {type:"error", error:{type}}; OpenAI {error:{code, type}}; Google {error:{status}}.
    const code = readString(e, 'code') ?? readString(e, 'status') ?? readString(e, 'type');
    return { code, message: readString(e, 'message') };
  }
  const flat = readString(body, 'error');
  return { code: undefined, message: flat ?? readString(body, 'message') ?? readString(body, 'detail') };
}

function codeFor(inner: Inner, status: number | undefined): FaultCode | undefined {
  const c = inner.code;
  return codeIn(OPENAI_CODES, c) ?? codeIn(ANTHROPIC_CODES, c) ?? codeIn(GOOGLE_CODES, c) ?? commonCode(c) ?? llmCode(c) ??
    llmMessageCode(inner.message, status);
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const e = asRecord(asRecord(s.json)?.error);
  const outerMessage = readString(e, 'message');
  if (e === undefined || outerMessage === undefined) return undefined;
  const outer = readNumber(e, 'code');
  const meta = asRecord(e.metadata);
  // OpenRouter's own errors and mid-stream chunks carry no upstream response: OpenAI's shape.
  if (meta === undefined) return readOpenAi(s);
  const provider = readString(meta, 'provider_name');
  const raw = rawOf(meta);
  const inner = raw.json === undefined ? { code: undefined, message: raw.text } : innerOf(raw.json);
  const flagged = Array.isArray(meta?.reasons) || meta?.flagged_input !== undefined;
  const status = s.status ?? outer;
  const code = flagged ? 'content_filtered' : codeFor(inner, status) ?? llmMessageCode(outerMessage, status);
  const detail = inner.message === undefined ? '' : `: ${inner.message}`;
  return {
    code,
    vendorCode: inner.code ?? (outer === undefined ? undefined : String(outer)),
    message: `${outerMessage}${provider === undefined ? '' : ` (${provider})`}${detail}`,
  };
}

/**
 * What the default classify carries of {@link openrouterProfile}: all of it but its renderer.
 * @internal
 */
export const openrouterReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'openrouter',
  keys: ['error.metadata'],
  hosts: ['openrouter.ai'],
  codes: {},
  detect(s) {
    const meta = asRecord(asRecord(asRecord(s.json)?.error)?.metadata);
    return meta !== undefined && (typeof meta.provider_name === 'string' || 'raw' in meta || Array.isArray(meta.reasons));
  },
  parse,
});

/**
 * OpenRouter, with the upstream provider's error read from `error.metadata.raw`.
 *
 * @example
 * ```ts
 * classify({ status: 429, body: '{"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"rate-limited upstream","provider_name":"BaseTen"}}}' });
 * // { code: 'rate_limited', vendor: 'openrouter', vendorCode: '429', … }
 * ```
 * @public
 */
export const openrouterProfile: VendorProfile = /* @__PURE__ */ withRender(openrouterReader, {
  // The upstream codes vary by provider, so only status-only faults round-trip.
  expressible: { vendorCodes: [], codes: ['rate_limited', 'payment_required', 'not_found', 'service_unavailable'], requestId: false },
  render(fault) {
    const status = renderStatus(fault);
    const headers = renderHeaders(fault, 'x-request-id');
    delete headers['retry-after-ms'];
    const error = { message: fault.message, code: status, metadata: { raw: fault.message, provider_name: 'OpenRouter' } };
    return { status, headers, body: JSON.stringify({ error }) };
  },
});
