/**
 * What an LLM vendor's message says when its code does not: a prompt over the model's context
 * window, or a safety filter's refusal. Both arrive as a plain 400 `invalid_request_error` (or
 * Bedrock's `ValidationException`), so the message is the only signal; the phrases are the vendors'
 * own (sources in test/fixtures/vendors/*.json).
 */
import type { FaultCode } from '../core/catalog.js';

// Anthropic "prompt is too long: 208656 tokens > 200000 maximum"; OpenAI, vLLM "maximum context
// length is 16385 tokens"; Gemini "The input token count (…) exceeds the maximum number of tokens
// allowed"; Bedrock "Input is too long for requested model".
const CONTEXT = /\bprompt is too long\b|\bmaximum context length\b|\binput token count \(?\d+\)? exceeds\b|\binput is too long for requested model\b|\bcontext[ _]length[ _]exceeded\b/i;

// Anthropic "Output blocked by content filtering policy"; Azure "triggering Azure OpenAI's content
// management policy"; OpenAI "rejected as a result of our safety system".
const FILTER = /\bblocked by content filtering policy\b|\bcontent management policy\b|\brejected as a result of our safety system\b/i;

/**
 * `context_length_exceeded` or `content_filtered` when an LLM vendor's message says so, else `undefined`.
 * @example
 * ```ts
 * llmMessageCode('prompt is too long: 208656 tokens > 200000 maximum'); // 'context_length_exceeded'
 * ```
 * @internal
 */
export function llmMessageCode(message: string | undefined): FaultCode | undefined {
  if (message === undefined) return undefined;
  const head = message.slice(0, 2000);
  if (CONTEXT.test(head)) return 'context_length_exceeded';
  if (FILTER.test(head)) return 'content_filtered';
  return undefined;
}
