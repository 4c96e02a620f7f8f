/**
 * LLM providers on their real error responses (test/fixtures/corpus/<provider>.json, each case
 * with its source): every case the engine can take (it has a status) classifies to its labels,
 * raw and, where the provider streams errors, inside a 200 text/event-stream. Cases without a
 * status (a body quoted alone in an issue) are read by the profile their file names, as classify
 * would once given any status the body does not contradict. The property: any interleaving of
 * data events and one of these real error bodies, sent as a stream's error event, classifies as
 * that body does raw, with `delivered` saying whether output came first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { readHeaders } from '../../src/core/headers.js';
import { mediaType, viewBody } from '../../src/core/body.js';
import { codeForStatus } from '../../src/core/status.js';
import type { ResponseSnapshot } from '../../src/vendors/profile.js';
import { type CorpusCase, CORPUS_NOW, loadCorpus } from '../corpus/corpus.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const SSE = { 'content-type': 'text/event-stream' };
const FAMILIES = ['groq', 'mistral', 'deepseek', 'xai', 'openrouter', 'huggingface', 'together', 'llamacpp', 'ollama', 'cohere', 'vertex-ai', 'bedrock', 'vllm', 'fireworks', 'gemini'];
const files = loadCorpus().filter((f) => FAMILIES.includes(f.family));

function labels(fault: Record<string, unknown>, c: CorpusCase): void {
  for (const [field, want] of Object.entries(c.expect)) expect(fault[field], `${c.id} ${field}`).toBe(want ?? undefined);
}

describe('LLM providers: real error responses', () => {
  it('every provider family is in the corpus', () => {
    expect(files.map((f) => f.family).sort()).toEqual([...FAMILIES].sort());
  });

  for (const file of files) {
    describe(file.family, () => {
      for (const c of file.cases.filter((k) => k.response.status !== undefined)) {
        it(`${c.id} (${c.state ?? 'raw'})`, () => {
          const options = c.url === undefined ? { now: CORPUS_NOW } : { url: c.url, now: CORPUS_NOW };
          const fault = classify(c.response, options);
          labels(fault as unknown as Record<string, unknown>, c);
          // A stream's error event says it happened in the stream.
          expect(fault.stream !== undefined, `${c.id} stream`).toBe(c.state === 'stream');
        });
      }
      // The file's profile reads its JSON bodies; printouts and plain text are llm-text's.
      const candidates = BUILTIN_PROFILES.filter((p) => p.id === file.profile || p.id === 'llm-text');
      for (const c of file.cases.filter((k) => k.response.status === undefined)) {
        it(`${c.id} (no status) is read by its profile`, () => {
          const headers = readHeaders(c.response.headers);
          const body = viewBody(c.response.body, 65_536);
          const s: ResponseSnapshot = { status: undefined, headers, json: body.json, text: body.text, contentType: mediaType(headers.get('content-type')), host: undefined, now: CORPUS_NOW };
          const profile = candidates.find((p) => p.detect(s));
          expect(profile, c.id).toBeDefined();
          const draft = profile!.parse(s);
          const table = draft?.vendorCode === undefined ? undefined : profile!.codes[draft.vendorCode];
          // No code of its own: the status the body states (vLLM's numeric `code`) decides, as classify's status would.
          const stated = (body.json as { code?: unknown } | undefined)?.code;
          const byStatus = typeof stated === 'number' ? codeForStatus(stated) : undefined;
          expect(draft?.code ?? (typeof table === 'string' ? table : table?.code) ?? byStatus, c.id).toBe(c.expect.code);
          if ('vendorCode' in c.expect) expect(draft?.vendorCode, c.id).toBe(c.expect.vendorCode ?? undefined);
        });
      }
    });
  }
});

describe('LLM providers: the five kinds by rule', () => {
  it.each([
    ['ThrottlingException', 'Too many tokens, please wait before trying again.', 'rate_limited', 'always'],
    ['ValidationException', 'Input is too long for requested model.', 'context_length_exceeded', 'never'],
    ['ServiceQuotaExceededException', 'Your request exceeds the service quota for your account.', 'quota_exhausted', 'never'],
    ['ModelNotReadyException', 'The model is not ready to serve inference requests.', 'service_unavailable', 'always'],
    ['ModelStreamErrorException', 'An error occurred while streaming the response. Retry your request.', 'bad_gateway', 'always'],
  ])('Bedrock Converse %s is %s', (type, message, code, retry) => {
    const f = classify({ status: 400, headers: { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` }, body: JSON.stringify({ message }) });
    expect([f.code, f.retry, f.vendorCode]).toEqual([code, retry, type]);
  });

  it('Bedrock ModelNotReadyException carries the SDK\'s limit of 5 retries', () => {
    const f = classify({ status: 429, headers: { 'x-amzn-errortype': 'ModelNotReadyException' }, body: '{"message":"Model is not ready"}' });
    expect(f.retryLimit).toBe(5);
  });

  it('Groq 498 from its host is overloaded, retried; a 498 elsewhere is not', () => {
    const groq = classify({ status: 498, body: '' }, { url: 'https://api.groq.com/openai/v1/chat/completions' });
    expect([groq.code, groq.retry, groq.vendor]).toEqual(['overloaded', 'always', 'openai']);
    expect(classify({ status: 498, body: '' }).code).toBe('invalid_request');
  });

  it('OpenRouter keeps the outer code as the status and the provider in the message', () => {
    const raw = JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    const f = classify({ status: 502, body: JSON.stringify({ error: { message: 'Provider returned error', code: 502, metadata: { raw, provider_name: 'Anthropic' } } }) });
    expect([f.code, f.vendorCode, f.status, f.vendor, f.message]).toEqual(['overloaded', 'overloaded_error', 502, 'openrouter', 'Provider returned error (Anthropic): Overloaded']);
  });

  // metadata.raw in the shapes OpenRouter's own SDK tests give it (ai-sdk-provider src/schemas/error-response.test.ts).
  it.each([
    [{ provider_name: 'Anthropic', raw: 'Your credit balance is too low' }, 402, 'payment_required', '402', 'Provider returned error (Anthropic): Your credit balance is too low'],
    [{ provider_name: 'OpenAI', raw: { message: 'Rate limit exceeded' } }, 429, 'rate_limited', '429', 'Provider returned error (OpenAI): Rate limit exceeded'],
    [{ provider_name: 'Anthropic', raw: { error: { message: 'Invalid API key provided' } } }, 401, 'unauthenticated', '401', 'Provider returned error (Anthropic): Invalid API key provided'],
    [{ raw: JSON.stringify({ error: { message: 'Model not available' } }) }, 503, 'service_unavailable', '503', 'Provider returned error: Model not available'],
    [{ raw: { error: 'Bad gateway' } }, 502, 'bad_gateway', '502', 'Provider returned error: Bad gateway'],
  ])('OpenRouter metadata %j under %i', (metadata, status, code, vendorCode, message) => {
    const f = classify({ status, body: JSON.stringify({ error: { message: 'Provider returned error', code: status, metadata } }) });
    expect([f.code, f.vendorCode, f.vendor, f.message]).toEqual([code, vendorCode, 'openrouter', message]);
  });

  it('a stream error says whether output came first (TGI after a delta; llama.cpp before any)', () => {
    const byId = new Map(files.flatMap((f) => f.cases).map((c) => [c.id, c]));
    const tgi = classify(byId.get('tgi-stream-validation-after-output')!.response);
    const llama = classify(byId.get('llamacpp-stream-error-field')!.response);
    expect([tgi.code, tgi.stream]).toEqual(['context_length_exceeded', { delivered: true }]);
    expect([llama.code, llama.stream]).toEqual(['context_length_exceeded', { delivered: false }]);
  });

  it('an OpenRouter moderation block is content_filtered', () => {
    const f = classify({ status: 403, body: JSON.stringify({ error: { message: 'Input flagged', code: 403, metadata: { reasons: ['harassment'], flagged_input: '…', provider_name: 'OpenAI' } } }) });
    expect([f.code, f.retry]).toEqual(['content_filtered', 'never']);
  });

  it('a bare sentence without an LLM signal is not claimed by llm-text', () => {
    const f = classify({ status: 429, body: '{"message":"Requests rate limit exceeded"}' });
    // Only the generic layer reads it, by its words.
    expect([f.vendor, f.code]).toEqual(['generic', 'rate_limited']);
  });
});

/** A body a stream reader knows for an error: `{error: …}` or vLLM's `{object: "error"}` (a bare `{message}` is not). */
function isErrorChunk(body: string | undefined): boolean {
  try {
    const j = JSON.parse(body ?? '') as Record<string, unknown>;
    return typeof j === 'object' && j !== null && ('error' in j || j.object === 'error');
  } catch {
    return false;
  }
}

// The real error bodies (with a status) of the families above, as the error event of a stream.
const streamable = files.flatMap((f) =>
  f.cases
    .filter((c) => c.response.status !== undefined && c.state === undefined && c.url === undefined && isErrorChunk(c.response.body))
    .map((c) => ({ id: c.id, body: (c.response.body as string).replace(/\s*\n\s*/g, ''), raw: classify(c.response, { now: CORPUS_NOW }) })),
);
const word = fc.string({ maxLength: 12 }).map((s) => s.replace(/["\\\r\n\u2028\u2029]/g, ''));
const output = word.map((w) => ({ text: `data: {"choices":[{"delta":{"content":"${w}"}}]}\n\n`, output: true }));
const noise = fc.constantFrom({ text: ': OPENROUTER PROCESSING\n\n', output: false }, { text: 'event: ping\ndata: {"type": "ping"}\n\n', output: false });

describe('LLM providers: errors inside a stream', () => {
  it('has real error bodies to stream', () => {
    expect(streamable.length).toBeGreaterThanOrEqual(8);
  });

  it('any interleaving of data events and one real provider error classifies as that error', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(output, noise), { maxLength: 8 }), fc.array(fc.oneof(output, noise), { maxLength: 4 }), fc.constantFrom(...streamable), (before, after, error) => {
        const body = [...before.map((e) => e.text), `data: ${error.body}\n\n`, ...after.map((e) => e.text)].join('');
        const fault = classify({ status: 200, headers: SSE, body }, { now: CORPUS_NOW });
        // Bodies whose error record carries the HTTP status (OpenRouter's `code`, llama.cpp's, Google's) classify the same;
        // the others lose only what the status alone said, and keep their own code.
        if (error.raw.vendorCode !== undefined || ['context_length_exceeded', 'overloaded', 'service_unavailable'].includes(error.raw.code)) {
          expect(fault.code, error.id).toBe(error.raw.code);
          expect(fault.vendorCode, error.id).toBe(error.raw.vendorCode);
        }
        expect(fault.status).toBe(200);
        expect(fault.stream).toEqual({ delivered: before.some((e) => e.output) });
      }),
      { numRuns: RUNS },
    );
  });
});
