/**
 * What an LLM vendor's message says when its code does not: a prompt over the model's context
 * window, a safety filter's refusal, a model that is loading or shedding load, a spent balance.
 * These arrive as a plain 400 `invalid_request_error` (or Bedrock's `ValidationException`, a TGI
 * `validation` error, a bare `{"error": "…"}` from Ollama), so the message is the only signal. The
 * phrases are the vendors' own, each quoted below; sources in test/fixtures/corpus/*.json and
 * test/fixtures/vendors/*.json. Every pattern is a plain alternation: linear on any input.
 */
import type { FaultCode } from '../core/catalog.js';

// Anthropic "prompt is too long: 208656 tokens > 200000 maximum" (Fireworks "The prompt is too
// long"); OpenAI, vLLM, Mistral "maximum context length is 16385 tokens" / "too large for model with
// 32768 maximum context length"; Gemini "The input token count (…) exceeds the maximum number of
// tokens allowed"; Bedrock "Input is too long for requested model"; xAI "maximum prompt length is
// 131072" and "[input_too_large]"; TGI (and Together on TGI) "`inputs` tokens + `max_new_tokens`
// must be <= 8192" and "`inputs` must have less than 4096 tokens"; llama.cpp "the request exceeds
// the available context size", "Context size has been exceeded", llama-cpp-python "Requested tokens
// (2285) exceed context window of 2048"; vLLM "is too long to fit into the model"; Cohere "too many
// tokens: total number of tokens"; Groq and OpenAI "Please reduce the length of the messages".
const CONTEXT = new RegExp(
  [
    String.raw`\bprompt is too long\b`,
    String.raw`\bmaximum context length\b`,
    String.raw`\binput token count \(?\d+\)? exceeds\b`,
    String.raw`\binput is too long for requested model\b`,
    String.raw`\bcontext[ _]length[ _]exceeded\b`,
    String.raw`\bmaximum prompt length\b`,
    String.raw`\binput_too_large\b`,
    String.raw`\binputs\x60? tokens \+ \x60?max_new_tokens\x60? must be\b`,
    String.raw`\binputs\x60? must have less than \d+ tokens\b`,
    String.raw`\bexceeds the available context size\b`,
    String.raw`\bcontext size has been exceeded\b`,
    String.raw`\bexceeds? (?:the |model )?context window\b`,
    String.raw`\btoo long to fit into the model\b`,
    String.raw`\btoo many tokens: total number of tokens\b`,
    String.raw`\breduce the length of the messages\b`,
  ].join('|'),
  'i',
);

// Anthropic "Output blocked by content filtering policy"; Azure "triggering Azure OpenAI's content
// management policy"; OpenAI "rejected as a result of our safety system"; DeepSeek "Content Exists
// Risk"; Cohere "blocked due to potential violations of the Usage Guidelines"; Imagen "This prompt contains sensitive
// words that violate Google's Responsible AI practices".
const FILTER = /\bblocked by content filtering policy\b|\bcontent management policy\b|\brejected as a result of our safety system\b|\bcontent exists risk\b|\bpotential violations? of (?:the|our) usage guidelines\b|\bviolat(?:e|es|ed) google's responsible ai practices\b/i;

// Ollama "server busy, please try again.  maximum pending requests exceeded" and Ollama Cloud
// "Server overloaded, please retry shortly"; Mistral "Service tier capacity exceeded for this model";
// DeepSeek "Server overloaded"; OpenAI "The engine is currently overloaded"; TGI "Model is overloaded".
const OVERLOADED = /\bserver busy\b|\bserver (?:is )?overloaded\b|\bcurrently overloaded\b|\bmodel is overloaded\b|\bcapacity exceeded\b|\bout of capacity\b|\bmaximum pending requests exceeded\b/i;

// Hugging Face Inference API "Model gpt2 is currently loading"; llama.cpp "Loading model".
const LOADING = /\bis currently loading\b|^loading model\b/i;

// Ollama "model 'llama2' not found, try pulling it first"; vLLM "The model `x` does not exist";
// DeepSeek "Model Not Exist" (a 400); Cohere "model 'xlarge' not found, make sure the correct model ID was used".
const NO_MODEL = /\bnot found, try pulling it first\b|\bnot found, make sure the correct model id was used\b|\bthe model \x60[^\x60]{1,200}\x60 does not exist\b|^model not exist\b/i;

// xAI "has either used all available credits or reached its monthly spending limit" (a cap: wait or
// raise it) before the balance phrases: DeepSeek "Insufficient Balance", Anthropic "Your credit
// balance is too low", OpenRouter "Insufficient credits".
const SPEND_CAP = /\bmonthly spending limit\b|\bspend(?:ing)? limit (?:reached|exceeded)\b/i;
const BALANCE = /\binsufficient (?:balance|credits)\b|\bcredit balance is too low\b/i;

// A word that every match of a pattern above contains, lower case (the patterns fold ASCII only, as
// toLowerCase does, so this is a superset of them).
const MAYBE = /too long|context|token|length|input_too_large|polic|safety system|risk|guidelines|responsible ai|busy|overloaded|capacity|pending|loading|limit|insufficient|balance|not found|not exist/;

/**
 * The catalog code an LLM vendor's message names, or `undefined`. With a `status`, the phrases
 * that only a client error can mean (a content filter, a model not found) are read only below 500;
 * a context window, load shedding, loading and billing are read at any status (llama.cpp sends its
 * "Context size has been exceeded" as a 500).
 * @example
 * ```ts
 * llmMessageCode('prompt is too long: 208656 tokens > 200000 maximum'); // 'context_length_exceeded'
 * llmMessageCode('Model gpt2 is currently loading'); // 'service_unavailable'
 * ```
 * @internal
 */
export function llmMessageCode(message: string | undefined, status?: number): FaultCode | undefined {
  if (message === undefined) return undefined;
  const head = message.slice(0, 2000);
  // Most messages name none of these: one scan for a word every pattern below needs spares the seven.
  if (!MAYBE.test(head.toLowerCase())) return undefined;
  if (CONTEXT.test(head)) return 'context_length_exceeded';
  const client = status === undefined || status < 500;
  if (client && FILTER.test(head)) return 'content_filtered';
  if (OVERLOADED.test(head)) return 'overloaded';
  if (LOADING.test(head)) return 'service_unavailable';
  if (SPEND_CAP.test(head)) return 'quota_exhausted';
  if (BALANCE.test(head)) return 'payment_required';
  if (client && NO_MODEL.test(head)) return 'not_found';
  return undefined;
}

/**
 * Machine codes of LLM servers that the common table does not carry: llama.cpp's error `type`s
 * (tools/server/utils.hpp), Groq's flex-tier `capacity_exceeded` (console.groq.com/docs/flex-processing),
 * TGI's `error_type` (router/src/lib.rs), Mistral's `rate_limited`.
 * @example
 * ```ts
 * LLM_CODES.exceed_context_size_error; // 'context_length_exceeded'
 * ```
 * @internal
 */
export const LLM_CODES: Readonly<Record<string, FaultCode>> = Object.freeze({
  exceed_context_size_error: 'context_length_exceeded',
  unavailable_error: 'service_unavailable',
  capacity_exceeded: 'overloaded',
  overloaded: 'overloaded',
  rate_limited: 'rate_limited',
});

/**
 * The catalog code for an LLM server's machine code, or `undefined`.
 * @example
 * ```ts
 * llmCode('capacity_exceeded'); // 'overloaded'
 * ```
 * @internal
 */
export function llmCode(code: string | undefined): FaultCode | undefined {
  return code !== undefined && Object.hasOwn(LLM_CODES, code) ? LLM_CODES[code] : undefined;
}
