/**
 * What session 36 taught the profiles and the generic layer, read from raw responses (`{status, headers, body}`, no SDK):
 * LINE's `details[].property`, and its `x-line-accepted-request-id` beside its own id; Dropbox's nested tagged unions;
 * ElevenLabs' `detail.status`; fal's pydantic `content_policy_violation`; Azure's bare `Conflict` that says "already
 * exists"; Jira's `errorMessages`; Brevo's `x-sib-ratelimit-reset`; node-fetch's FetchError over a refused connection.
 * Every response named by id is a case of test/fixtures/vendors/session36-shapes.json (its `source` says where it was
 * copied from); the properties generate only what their rule is about (header names and values, tag paths, types).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/redact.js';
import { classify } from '../../src/entry/default-classifier.js';
import { codeOf } from '../../src/vendors/generic/envelope-values.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const NOW = Date.UTC(2026, 0, 1);

interface Case {
  readonly id: string;
  readonly response: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string };
}
const CASES = (JSON.parse(readFileSync(new URL('../fixtures/vendors/session36-shapes.json', import.meta.url), 'utf8')) as { cases: Case[] }).cases;

function fixture(id: string): Case {
  const c = CASES.find((k) => k.id === id);
  if (c === undefined) throw new Error(`no session36 fixture ${id}`);
  return c;
}
const raw = (id: string) => classify(fixture(id).response, { now: NOW });
const fields = (f: object, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, (f as Record<string, unknown>)[k]]));

describe('LINE', () => {
  it('a 400 whose details name their `property` is a validation failure, not a bad request', () => {
    expect(fields(raw('line-400-details-property'), ['code', 'retry', 'requestId', 'message'])).toEqual({
      code: 'validation_failed',
      retry: 'never',
      requestId: 'f70dd685-499a-4231-a441-f24b8d4fba21',
      message: 'The request body has 2 error(s)',
    });
  });

  it('the 409 to a retried request is this request’s id, not the accepted one’s, whichever header comes first', () => {
    const c = fixture('line-409-retry-key-accepted');
    expect(raw(c.id).requestId).toBe('123e4567-e89b-12d3-a456-426655440002');
    // Headers are unordered: the same answer read with the accepted id first.
    const reversed = Object.fromEntries(Object.entries(c.response.headers).reverse());
    expect(classify({ ...c.response, headers: reversed }, { now: NOW }).requestId).toBe('123e4567-e89b-12d3-a456-426655440002');
  });

  // `kong` is left out: `x-kong-request-id` is read as the gateway's id, after any other, so beside it the accepted id
  // wins (reported, not hidden).
  const vendorName = fc.stringMatching(/^[a-z]{2,10}$/).filter((v) => v !== 'kong');
  const noise = fc.dictionary(fc.constantFrom('content-type', 'date', 'server', 'x-region', 'cache-control'), fc.stringMatching(/^[ -~]{1,30}$/));

  it('property: an `x-<v>-accepted-request-id` is read only when no `x-<v>-request-id` is there, in any order or case', () => {
    fc.assert(
      fc.property(vendorName, fc.uuid(), fc.uuid(), noise, fc.boolean(), fc.boolean(), (v, own, accepted, extra, ownFirst, upper) => {
        const name = (n: string) => (upper ? n.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()) : n);
        const pair: [string, string][] = [[name(`x-${v}-request-id`), own], [name(`x-${v}-accepted-request-id`), accepted]];
        const headers = Object.fromEntries([...Object.entries(extra), ...(ownFirst ? pair : pair.reverse())]);
        expect(classify({ status: 409, headers, body: fixture('line-409-retry-key-accepted').response.body }, { now: NOW }).requestId).toBe(own);
        // Alone, it is still the only id the answer carries.
        const alone = Object.fromEntries([...Object.entries(extra), [name(`x-${v}-accepted-request-id`), accepted]]);
        expect(classify({ status: 409, headers: alone, body: '{}' }, { now: NOW }).requestId).toBe(accepted);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Dropbox’s tagged unions', () => {
  it.each([
    ['dropbox-409-path-not-found', 'not_found', 'not_found'],
    ['dropbox-403-nested-access-error', 'permission_denied', 'not_paper_user'],
    ['dropbox-429-too-many-requests', 'rate_limited', 'too_many_requests'],
  ])('%s: %s, the innermost tag %s as vendor code', (id, code, vendorCode) => {
    expect(fields(raw(id), ['code', 'vendorCode'])).toEqual({ code, vendorCode });
  });

  it('a 429’s reason is read beside its wait, which stays the Retry-After header’s', () => {
    expect(fields(raw('dropbox-429-too-many-requests'), ['retry', 'retryAfterMs'])).toEqual({ retry: 'always', retryAfterMs: 10_000 });
  });

  // Not the tag path's business: a generic word (`na`, `error`) names no code in any envelope, and a tag that reads as a
  // key (`gho_…`) is masked as any text is.
  const tag = fc.stringMatching(/^[a-z]{2,12}(?:_[a-z]{2,10}){0,2}$/).filter((t) => codeOf(t) === t && redact(t) === t);

  it('property: for any path of 1 to 4 nested tags, the vendor code is the innermost', () => {
    fc.assert(
      fc.property(fc.array(tag, { minLength: 1, maxLength: 4 }), fc.constantFrom(400, 403, 409), (tags, status) => {
        const [innermost, ...outer] = [...tags].reverse() as [string, ...string[]];
        const union = outer.reduce<Record<string, unknown>>((inner, t) => ({ '.tag': t, [t]: inner }), { '.tag': innermost });
        const body = JSON.stringify({ error_summary: `${tags.join('/')}/..`, error: union });
        expect(classify({ status, body }, { now: NOW }).vendorCode).toBe(innermost);
      }),
      { numRuns: RUNS },
    );
  });

  // A rate limit's RateLimitReason has only void members (too_many_requests, too_many_write_operations): one tag deep.
  it('property: a 429’s `reason` tag is the vendor code, whatever the wait beside it', () => {
    fc.assert(
      fc.property(tag, fc.integer({ min: 1, max: 3_600 }), (reason, wait) => {
        const body = JSON.stringify({ error_summary: `${reason}/..`, error: { reason: { '.tag': reason }, retry_after: wait } });
        expect(classify({ status: 429, body }, { now: NOW }).vendorCode).toBe(reason);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('ElevenLabs’ `detail.status`', () => {
  it('`quota_exceeded` on a 401 is the quota, not the key', () => {
    expect(fields(raw('elevenlabs-401-quota-exceeded'), ['code', 'retry', 'vendorCode', 'requestId', 'message'])).toEqual({
      code: 'quota_exhausted',
      retry: 'never',
      vendorCode: 'quota_exceeded',
      requestId: 'b736e114506d20210112110b377c6f9b',
      message: 'This request exceeds your quota of 10000. You have 0 credits remaining, while 91 credits are required for this request.',
    });
  });

  it('`invalid_api_key` stays unauthenticated, now with its code', () => {
    expect(fields(raw('elevenlabs-401-invalid-api-key'), ['code', 'vendorCode', 'message'])).toEqual({
      code: 'unauthenticated',
      vendorCode: 'invalid_api_key',
      message: 'Invalid API key',
    });
  });
});

describe('pydantic details', () => {
  it('fal’s `content_policy_violation` is a content filter, its field still named', () => {
    const f = raw('fal-422-content-policy-violation');
    expect(fields(f, ['code', 'retry', 'vendorCode'])).toEqual({ code: 'content_filtered', retry: 'never', vendorCode: 'content_policy_violation' });
    expect(f.fields?.map((e) => e.path)).toEqual(['body.prompt']);
  });

  it.each([
    ['fal-422-greater-than', 'greater_than'],
    ['fastapi-422-missing', 'missing'],
  ])('%s stays a validation failure (%s)', (id, vendorCode) => {
    expect(fields(raw(id), ['code', 'vendorCode'])).toEqual({ code: 'validation_failed', vendorCode });
  });

  // The 422 types fal's Model Errors page lists beside content_policy_violation.
  const FAL_422 = ['no_media_generated', 'image_too_small', 'image_too_large', 'image_load_error', 'file_download_error', 'face_detection_error', 'file_too_large', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'multiple_of', 'sequence_too_short', 'sequence_too_long', 'one_of', 'feature_not_supported', 'invalid_archive', 'archive_file_count_below_minimum', 'archive_file_count_exceeds_maximum', 'audio_duration_too_long', 'audio_duration_too_short', 'unsupported_audio_format', 'unsupported_image_format', 'unsupported_video_format', 'video_duration_too_long', 'video_duration_too_short'];

  it('property: whatever field it names, only `content_policy_violation` among fal’s 422 types is content_filtered', () => {
    fc.assert(
      fc.property(fc.constantFrom('content_policy_violation', ...FAL_422), fc.stringMatching(/^[a-z][a-z_]{0,20}$/), (type, field) => {
        const body = JSON.stringify({ detail: [{ loc: ['body', field], msg: 'Input rejected', type, url: `https://docs.fal.ai/errors/#${type}` }] });
        const f = classify({ status: 422, headers: { 'X-Fal-Retryable': 'false' }, body }, { now: NOW });
        expect(f.code).toBe(type === 'content_policy_violation' ? 'content_filtered' : 'validation_failed');
        expect(f.vendorCode).toBe(type);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Azure’s bare `Conflict`', () => {
  it('one that says the resource already exists is already_exists; one that says nothing of it stays conflict', () => {
    expect(fields(raw('cosmos-emulator-409-already-exists'), ['code', 'vendorCode'])).toEqual({ code: 'already_exists', vendorCode: 'Conflict' });
    expect(fields(raw('azure-dns-409-conflict-pending-operation'), ['code', 'vendorCode'])).toEqual({ code: 'conflict', vendorCode: 'Conflict' });
  });

  // No public Cosmos DB 409 shows its headers beside its body: the activity id (any) is what is generated.
  it('property: vouched for by an `x-ms-activity-id`, the Azure profile reads the same words the same way', () => {
    fc.assert(
      fc.property(fc.uuid(), (activity) => {
        const headers = { 'x-ms-activity-id': activity };
        const exists = classify({ ...fixture('cosmos-emulator-409-already-exists').response, headers }, { now: NOW });
        expect(fields(exists, ['code', 'vendor', 'requestId'])).toEqual({ code: 'already_exists', vendor: 'azure', requestId: activity });
        const pending = classify({ ...fixture('azure-dns-409-conflict-pending-operation').response, headers }, { now: NOW });
        expect(fields(pending, ['code', 'vendor'])).toEqual({ code: 'conflict', vendor: 'azure' });
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});

describe('Jira’s `errorMessages`', () => {
  it.each([
    ['jira-403-error-messages', 'permission_denied', 'You currently don\'t have access to perform this operation.'],
    ['jira-400-error-messages-first', 'invalid_request', 'The value \'VULN\' does not exist for the field \'project\'.'],
  ])('%s: %s, and the message is the first entry', (id, code, message) => {
    expect(fields(raw(id), ['code', 'message'])).toEqual({ code, message });
  });

  it('property: of 1 to 5 messages, the Fault’s is the first', () => {
    const sentence = fc.stringMatching(/^[A-Z][a-z]{2,12}(?: [a-z]{2,12}){1,8}\.$/).filter((s) => redact(s) === s);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (messages) => {
        const body = JSON.stringify({ errorMessages: messages, errors: {} });
        expect(classify({ status: 400, body }, { now: NOW }).message).toBe(messages[0]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Brevo’s `x-sib-ratelimit-reset`', () => {
  // developers.brevo.com/docs/limit-headers: the reset is the time left, in seconds. No public 429 with its headers was
  // found, so the seconds are generated and there is no fixture.
  it('property: a 429 waits the reset’s seconds, whatever its limit and remaining say', () => {
    const count = fc.option(fc.integer({ min: 0, max: 100_000 }).map(String), { nil: undefined });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 86_400 }), count, count, (seconds, limit, remaining) => {
        const headers: Record<string, string> = { 'x-sib-ratelimit-reset': String(seconds) };
        if (limit !== undefined) headers['x-sib-ratelimit-limit'] = limit;
        if (remaining !== undefined) headers['x-sib-ratelimit-remaining'] = remaining;
        expect(fields(classify({ status: 429, headers }, { now: NOW }), ['code', 'retryAfterMs'])).toEqual({ code: 'rate_limited', retryAfterMs: seconds * 1000 });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('node-fetch’s FetchError over a refused connection', () => {
  // node-fetch 3 (src/index.js, src/errors/fetch-error.js): `new FetchError(\`request to ${url} failed, reason:
  // ${error.message}\`, 'system', error)` copies the socket error's code to `code` and `errno`; its `name` is a getter.
  class FetchError extends Error {
    readonly type = 'system';
    constructor(message: string, readonly code: string, readonly errno: string) {
      super(message);
    }
    override get name(): string {
      return 'FetchError';
    }
  }
  const message = 'request to http://127.0.0.1:46123/x failed, reason: connect ECONNREFUSED 127.0.0.1:46123';

  it.each([
    ['as node-fetch throws it', new FetchError(message, 'ECONNREFUSED', 'ECONNREFUSED')],
    ['as a plain object', { name: 'FetchError', type: 'system', code: 'ECONNREFUSED', errno: 'ECONNREFUSED', message }],
  ])('%s: connect_failed, with no vendor and no vendor code', (_, thrown) => {
    const f = classify(thrown, { now: NOW });
    expect(fields(f, ['code', 'retry', 'vendor', 'vendorCode', 'message'])).toEqual({ code: 'connect_failed', retry: 'always', vendor: undefined, vendorCode: undefined, message });
  });
});
