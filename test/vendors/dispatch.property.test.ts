/**
 * Dispatch never hides a profile from a body it would accept: whenever a built-in profile's
 * `detect` says yes, the dispatch over its `keys` (one level down for `error.type`) and content
 * types lets it run. Its claims only spare the detect calls that would have said no, so they
 * change no answer. Checked over every corpus, holdout and vendor fixture body (as text and
 * pre-parsed), what every profile renders, and generated bodies built from the members detects read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatcher } from '../../src/core/dispatch.js';
import type { ResponseSnapshot } from '../../src/vendors/profile.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { expressibleFault } from '../../src/testing/expressible.js';
import { snapshotOf } from './generic-support.js';
import { seeds } from './roundtrip-support.js';
import { CORPUS_DIR, HOLDOUT_SETS, loadCorpus } from '../corpus/corpus.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const marksOf = dispatcher(BUILTIN_PROFILES);

/**
 * Shapes two detects accept that their profiles' keys have never claimed, read by the generic layer
 * unless the URL names the vendor: vLLM's top-level `{object: "error", message, type}` (openai) and a
 * bare `google.rpc.Status` `{code, message, details}` (google). Claiming them would change answers.
 */
const UNCLAIMED: Readonly<Record<string, readonly string[]>> = { openai: ['error'], google: ['error', 'promptFeedback'] };
const unclaimed = (id: string, json: unknown): boolean =>
  typeof json === 'object' && json !== null && UNCLAIMED[id]?.every((key) => !Object.hasOwn(json, key)) === true;

/** The ids of the profiles whose detect accepts `s` but which the dispatch keeps away from it. */
function hidden(s: ResponseSnapshot): string[] {
  const marks = marksOf(s);
  return BUILTIN_PROFILES.flatMap((p, i) => (marks[i] !== 1 && p.detect(s) && !unclaimed(p.id, s.json) ? [p.id] : []));
}

/** The same response with its body parsed by the caller: `text` is '' and `json` the value. */
const preParsed = (s: ResponseSnapshot): ResponseSnapshot => ({ ...s, text: '' });

interface Response { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown }

function fixtureResponses(): Response[] {
  const dirs = [CORPUS_DIR, ...HOLDOUT_SETS.map((set) => set.dir), new URL('../fixtures/vendors/', import.meta.url)];
  // Vendor fixture files share the corpus's `cases[].response` layout; a file without cases adds none.
  return dirs.flatMap((dir) => loadCorpus(dir).flatMap((f) => (f.cases ?? []).map((c) => c.response as Response)));
}

/**
 * `body` and its variants one member short, or with one member a string, at the top and one level
 * down, or with one of the members several shapes share added: what a claim must not depend on.
 */
function variants(body: unknown): unknown[] {
  const out: unknown[] = [body];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return out;
  const top = body as Record<string, unknown>;
  for (const [key, added] of [['error', 'a string'], ['code', 5], ['code', 'NotFound'], ['message', 'a string'], ['details', []]] as const) {
    if (!(key in top)) out.push({ ...top, [key]: added });
  }
  for (const [key, inner] of Object.entries(top)) {
    const { [key]: _, ...rest } = top;
    out.push(rest, { ...top, [key]: 'a string' });
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) continue;
    for (const name of Object.keys(inner)) {
      const { [name]: __, ...innerRest } = inner as Record<string, unknown>;
      out.push({ ...top, [key]: innerRest }, { ...top, [key]: { ...inner, [name]: 'a string' } });
    }
  }
  return out;
}

describe('dispatch: a profile whose detect accepts a body always meets it', () => {
  it('over every corpus, holdout and vendor fixture response, and each one member short or changed', () => {
    const responses = fixtureResponses();
    expect(responses.length).toBeGreaterThan(1000);
    const misses = responses.flatMap((r) => {
      const s = snapshotOf({ ...r, body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '') });
      const found = [...hidden(s), ...variants(s.json).flatMap((json) => hidden({ ...preParsed(s), json }))];
      return found.map((id) => `${id}: ${String(r.body).slice(0, 80)}`);
    });
    expect(misses).toEqual([]);
  });

  it('over the shapes each claim has to allow for', () => {
    const ms = { 'x-ms-request-id': 'x' };
    const cases: [string, unknown, Record<string, string>?][] = [
      ['google', { error: 'not found', code: 5, message: 'not found', details: [] }], // grpc-gateway v1
      ['google', { promptFeedback: { blockReason: 'SAFETY' } }],
      ['azure', { code: 'NotFound', message: 'gone' }, ms], // Cosmos DB
      ['azure', { error: 'gone', code: 'NotFound', message: 'gone' }, ms],
      ['azure', { error: { code: 'NotFound', message: 'gone' } }],
      ['discord', { message: 'You are being rate limited.', retry_after: 1.5, global: false }],
      ['discord', { message: 'Unknown Channel', code: 10_003 }],
      ['twilio', { code: 20_404, message: 'x', more_info: 'https://www.twilio.com/docs/errors/20404' }],
      ['twilio', { errors: [{ code: 20_404, infoUrl: 'https://www.twilio.com/docs/errors/20404' }] }],
      ['llm-text', { estimated_time: 20 }, { 'x-x': 'x' }],
      ['llm-text', { error_type: 'overloaded' }],
      ['llm-text', { message: 'Model is overloaded, please try again later' }],
      ['llm-text', { error: 'Model gpt2 is currently loading' }],
      ['stripe', { error: { type: 'card_error' } }],
      ['error-object', { error: { message: 'bad', details: [{ field: 'a', message: 'b' }] } }],
      ['openrouter', { error: { message: 'x', metadata: { raw: 'y' } } }],
      ['fhir-inference', { detail: { plan: 'free', upgrade_url: 'https://x' } }],
    ];
    for (const [id, json, headers] of cases) {
      const s = { ...snapshotOf({ status: 429, headers: headers ?? {}, body: '' }), json };
      expect(BUILTIN_PROFILES.find((p) => p.id === id)?.detect(s), `${id} accepts ${JSON.stringify(json)}`).toBe(true);
      expect(hidden(s)).toEqual([]);
    }
  });

  BUILTIN_PROFILES.forEach((profile) => {
    const arb = profile.render === undefined ? undefined : seeds(profile);
    it.skipIf(arb === undefined)(`over what ${profile.id} renders`, () => {
      fc.assert(
        fc.property(arb!, (seed) => {
          const fault = expressibleFault(profile, seed);
          if (fault === undefined) return;
          const r = profile.render!(fault);
          expect(hidden(snapshotOf(r))).toEqual([]);
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    });
  });

  // The members and values the detects read, so generated bodies reach every branch of them.
  const NAMES = [
    'error', 'errors', 'message', 'Message', 'code', 'Code', 'type', 'object', 'status', 'details', 'detail', 'title', 'param',
    'metadata', 'provider_name', 'raw', 'reasons', 'documentation_url', 'retry_after', 'global', 'more_info', 'infoUrl', '__type',
    'Error', 'error_type', 'estimated_time', 'promptFeedback', 'blockReason', 'plan', 'limit_per_minute', 'innerError', 'doc_url',
    'jsonrpc', 'success', 'ok', 'valid', 'timestamp', 'statusCode', 'data', 'id',
  ];
  const STRINGS = [
    '', 'error', 'card_error', 'invalid_request_error', 'rate_limit_exceeded', 'RATE_LIMITED', 'TooManyRequests', 'invalid_grant',
    'sync_timeout_upgrade_async', 'preflight_failed', 'Model x is currently loading', 'API rate limit exceeded for 1.2.3.4.',
    'https://docs.github.com/rest', 'https://www.twilio.com/docs/errors/20429', 'SAFETY', 'pro', '2.0', 'Not Found', 'NotFound',
  ];
  const leaf = fc.oneof(
    fc.constantFrom(...STRINGS),
    fc.constantFrom(0, 4, 5, 404, 429, 10_001, 20_429, -32_600, 1.5),
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('record'), fc.array(tie('record'), { maxLength: 2 })),
    record: fc.dictionary(fc.constantFrom(...NAMES), tie('value'), { maxKeys: 5 }),
  }));
  const HEADERS = [
    'x-amzn-errortype', 'x-amzn-requestid', 'x-ms-request-id', 'x-ms-error-code', 'x-github-request-id', 'stripe-version',
    'openai-version', 'x-request-id', 'request-id', 'x-slack-req-id',
  ];
  const response = fc.record({
    status: fc.constantFrom(200, 400, 401, 404, 429, 500, 503),
    headers: fc.dictionary(fc.constantFrom(...HEADERS, 'content-type'), fc.constantFrom('x', 'req_abc123def456', 'application/problem+json')),
    body: fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 6 }),
  });

  it('over generated bodies', () => {
    fc.assert(
      fc.property(response, (r) => {
        const s = snapshotOf({ ...r, body: JSON.stringify(r.body) });
        expect(hidden(s)).toEqual([]);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
