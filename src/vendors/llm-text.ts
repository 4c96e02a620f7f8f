/**
 * LLM servers that answer with a bare sentence: Ollama's `{"error": "model 'llama2' not found, try
 * pulling it first"}` (docs/api.md: errors are `{"error": "…"}`), Cohere's and Mistral's gateway
 * `{"message": "…"}` (Cohere v2 adds an `id`), Together's older `{"message": "Input validation
 * error: …"}`, and the same sentences when they reach us as plain text (an SDK's printout of them).
 * Such a body says nothing by its shape, so this profile claims one only when its sentence carries
 * an LLM signal from llm-signals.ts (a context window, a content filter, load shedding, a loading
 * model, a spent balance, a model to pull); anything else is left to the status and later shapes.
 */
import { builtinProfile } from './builtin-profile.js';
import { llmMessageCode } from './llm-signals.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readString } from './profile.js';
import { renderHeaders, renderStatus } from './render-helpers.js';

const KEYS: readonly string[] = ['error', 'message', 'id'];

/** The sentence of a bare body: `{error: "…"}`, `{message: "…"}`, `{id, message}`, or short plain text. */
function sentenceOf(s: ResponseSnapshot): string | undefined {
  if (s.json === undefined) {
    const text = s.text.trim();
    return text === '' || text.length > 2000 || text.startsWith('<') ? undefined : text;
  }
  const b = asRecord(s.json);
  if (b === undefined) return undefined;
  for (const key in b) if (!KEYS.includes(key)) return undefined;
  const error = readString(b, 'error');
  // `{error: "snake_code"}` is the flat-error shape; a sentence has a space.
  const sentence = error !== undefined && error.includes(' ') ? error : error === undefined ? readString(b, 'message') : undefined;
  return sentence;
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const message = sentenceOf(s);
  const code = llmMessageCode(message, s.status);
  return code === undefined ? undefined : { code, message };
}

/**
 * Bare-sentence errors of LLM servers (Ollama, Cohere, Mistral, Together, plain-text printouts),
 * claimed only when the sentence names an LLM fault.
 *
 * @example
 * ```ts
 * classify({ status: 503, body: '{"error":"server busy, please try again.  maximum pending requests exceeded"}' });
 * // { code: 'overloaded', retry: 'always', vendor: 'llm-text', … }
 * ```
 * @public
 */
export const llmTextProfile: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'llm-text',
  codes: {},
  // Only sentences with a signal are claimed, so no status-only fault round-trips through it.
  expressible: { vendorCodes: [], codes: [] },
  detect: (s) => parse(s) !== undefined,
  parse,
  render(fault) {
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify({ error: fault.message }) };
  },
});
