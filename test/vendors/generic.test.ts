/**
 * The generic layer's rules, one by one: where envelopes put the code, message, request id and
 * wait; how printouts, truncated JSON and text are read; what words mean; when a status wins.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { classify } from '../../src/entry/default-classifier.js';
import { readEnvelope } from '../../src/vendors/generic/envelope.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { meaning, paddedWords, tokens } from '../../src/vendors/generic/lexicon.js';
import { scanObject } from '../../src/vendors/generic/scan.js';
import { waitInText } from '../../src/vendors/generic/wait.js';

const generic = createClassifier({ profiles: [genericProfile] });
const g = (response: unknown) => generic.classify(response, { now: 0 });

describe('envelopes: the most specific code, the message, the request id', () => {
  it.each([
    [{ error: { code: 'BadRequest', message: 'x', innererror: { code: 'ResponsibleAIPolicyViolation' } } }, 'ResponsibleAIPolicyViolation'],
    [{ error: { code: 403, status: 'PERMISSION_DENIED', details: [{ '@type': 'x.ErrorInfo', reason: 'API_KEY_INVALID' }] } }, 'API_KEY_INVALID'],
    [{ errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED' } }] }, 'RATE_LIMITED'],
    [{ fault: { faultstring: 'x', detail: { errorcode: 'policies.ratelimit.QuotaViolation' } } }, 'policies.ratelimit.QuotaViolation'],
    [{ error: { type: 'invalid_request_error', code: 'context_length_exceeded', message: 'x' } }, 'context_length_exceeded'],
    [{ error: { message: 'x', type: 'OAuthException', code: 190, error_subcode: 463 } }, '463'],
    [{ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, details: { name: 'p', kind: 'pods' } }, 'NotFound'],
    [{ name: 'RATE_LIMIT_REACHED', message: 'x', debug_id: 'abc' }, 'RATE_LIMIT_REACHED'],
    [{ error: 'invalid_client', error_description: 'Client authentication failed' }, 'invalid_client'],
    [{ error_type: 'request_invalid', error_codes: ['currency_required'] }, 'currency_required'],
    [{ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'overloaded_error'],
  ])('%j → %s', (body, code) => {
    expect(readEnvelope(body).vendorCode).toBe(code);
  });

  it('never takes the status again, a sentence or a URL for a code', () => {
    expect(readEnvelope({ error: { code: 429, message: 'Too many' } }, 429).vendorCode).toBeUndefined();
    expect(readEnvelope({ error: 'Something went wrong', type: 'https://example.com/probs/x' }).vendorCode).toBeUndefined();
  });

  it('reads request ids from the body when headers have none', () => {
    for (const key of ['request_id', 'requestId', 'x-request-id', 'trace_id', 'traceId', 'correlation_id', 'debug_id']) {
      expect(g({ status: 500, body: { error: { message: 'x', [key]: 'id-1' } } }).requestId).toBe('id-1');
    }
    expect(g({ status: 500, headers: { 'x-request-id': 'h' }, body: { request_id: 'b', message: 'x' } }).requestId).toBe('h');
  });
});

describe('bodies as users find them', () => {
  it('reads an SDK printout: openai-python\'s "Error code: 429 - {…}" with a Python dict, no status given', () => {
    const body = "Error code: 429 - {'error': {'message': 'Rate limit reached. Please try again in 20ms.', 'type': 'requests', 'param': None, 'code': 'rate_limit_exceeded'}}";
    expect(g({ body })).toMatchObject({ code: 'rate_limited', vendorCode: 'rate_limit_exceeded', retryAfterMs: 20 });
  });

  it('reads JSON cut off mid-body: what arrived before the cut, never a cut-off code', () => {
    const scanned = scanObject('{"error":{"type":"insufficient_quota","message":"You exceeded your current quo');
    expect(scanned.value).toEqual({ error: { type: 'insufficient_quota', message: 'You exceeded your current quo\u2026' } });
    expect(g({ status: 429, body: '{"error":{"type":"insufficient_quota","code":"insuff' })).toMatchObject({ code: 'quota_exhausted', vendorCode: 'insufficient_quota' });
  });

  it("reads node's `[Array]` and `[Object]`, what util.inspect prints past its depth, as values left out", () => {
    expect(scanObject("{ body: { errors: [Array] }, detail: { 'air:Info': [Object] }, code: 401 }").value).toEqual({ body: { errors: undefined }, detail: { 'air:Info': undefined }, code: 401 });
    // @sendgrid/client's ResponseError as console.log prints it: no message made of the placeholder's word.
    const printed = "ResponseError: Unauthorized\n    at client.js:167:29 {\n  code: 401,\n  response: {\n    headers: Object [AxiosHeaders] { server: 'nginx' },\n    body: { errors: [Array] }\n  }\n}";
    expect(classify({ body: printed }).message).not.toBe('Array');
  });

  it('reads <Error><Code> XML, key: value text, Ruby hashes and code: message chains', () => {
    expect(g({ status: 503, body: '<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R1</RequestId></Error>' }))
      .toMatchObject({ code: 'rate_limited', vendorCode: 'SlowDown', requestId: 'R1' });
    expect(g({ body: 'code: "PGRST301"\nmessage: "JWT expired"\nhint: null' })).toMatchObject({ code: 'unauthenticated', vendorCode: 'PGRST301' });
    expect(g({ body: '{"ErrorCode"=>10, "Message"=>"Invalid API token"}' })).toMatchObject({ code: 'unauthenticated', vendorCode: '10' });
    expect(g({ body: 'Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading' }))
      .toMatchObject({ code: 'quota_exhausted', vendorCode: 'toomanyrequests' });
  });

  it('classifies a body with no status from its words alone, and names the status a body restates', () => {
    expect(g({ body: '{"message":"Too many requests. Blocked due to rate limiting.","name":"RATE_LIMIT_REACHED"}' })).toMatchObject({ code: 'rate_limited', vendorCode: 'RATE_LIMIT_REACHED' });
    expect(g({ body: { status: 404, message: 'Gone fishing' } }).code).toBe('not_found');
    expect(classify({ body: 'no healthy upstream' }).code).toBe('service_unavailable');
  });

  it('leaves a 2xx payload alone unless it carries an error', () => {
    expect(g({ status: 200, body: { message: 'rate limit of this plan: 100/s', data: [] } }).code).toBe('unknown');
    expect(g({ status: 200, body: { ok: false, error: 'ratelimited' } }).code).toBe('rate_limited');
  });
});

describe('meaning: what vendors write', () => {
  it('cuts codes and messages into words the same way', () => {
    expect(tokens('RATE_LIMIT_REACHED')).toEqual(['rate', 'limit', 'reached']);
    expect(tokens('ThrottlingException')).toEqual(['throttling', 'exception']);
    expect(tokens('HTTPError: rate-limited!')).toEqual(['http', 'error', 'rate', 'limited']);
    // The padded form the decisions match whole phrases in: the same words, no array built.
    expect(paddedWords('HTTPError: rate-limited!')).toBe(' http error rate limited ');
    expect(paddedWords('RequestTimeTooSkewed')).toBe(' request time too skewed ');
    expect(paddedWords('!!')).toBe(' ');
  });

  it.each([
    ['Rate limit reached for gpt-4', 'rate_limited'], ['ThrottlingException', 'rate_limited'], ['Too Many Requests', 'rate_limited'],
    ['You exceeded your current quota', 'quota_exhausted'], ['Quota exceeded for quota metric requests per minute', 'rate_limited'],
    ['Your credit balance is too low', 'payment_required'], ['insufficient_funds', 'payment_required'], ['spending limit reached', 'payment_required'],
    ['Invalid API key provided', 'unauthenticated'], ['token has expired', 'unauthenticated'], ['Forbidden', 'permission_denied'],
    ['no such bucket', 'not_found'], ['Document already exists', 'already_exists'], ['maximum context length is 8192 tokens', 'context_length_exceeded'],
    ['blocked by content filtering policy', 'content_filtered'], ['The server is overloaded', 'overloaded'], ['Request too large for gpt-4 on tokens per min', 'payload_too_large'],
    ['upstream connect error or disconnect/reset before headers', 'service_unavailable'], ['Endpoint request timed out', 'gateway_timeout'],
  ])('%s → %s', (text, code) => {
    expect(meaning(text)).toBe(code);
  });

  it('reads whole words: "credentials" is not "credit", "Forbidden" is no code', () => {
    expect(meaning('invalid credentials')).toBe('unauthenticated');
    expect(g({ status: 403, body: 'TelegramError: 403: Forbidden: bot was blocked by the user' }).vendorCode).toBeUndefined();
  });

  it('lets a status stand that words cannot change, and lets words sharpen one that they can', () => {
    expect(g({ status: 404, body: { message: 'rate limit exceeded' } }).code).toBe('not_found');
    expect(g({ status: 403, body: { message: 'API rate limit exceeded' } }).code).toBe('rate_limited');
    expect(g({ status: 503, body: { message: 'upstream down' } }).code).toBe('service_unavailable');
    expect(g({ status: 429, body: { message: 'Bad request' } }).code).toBe('rate_limited');
  });

  it('a profile overrides the generic reading where its vendor means something else', () => {
    // Anthropic's invalid_request_error on a 400 is invalid_request by its profile, whatever "credit" suggests to the lexicon.
    const body = '{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low"}}';
    expect(classify({ status: 400, body }).vendor).toBe('anthropic');
    expect(g({ status: 400, body }).code).toBe('payment_required');
  });
});

describe('waits written in messages', () => {
  it.each([
    ['Please try again in 26.604s.', 26604], ['retry after 86400 seconds', 86_400_000], ['try again in 20ms', 20],
    ['Retry in 1m30s', 90_000], ['please wait 2 minutes', 120_000], ['Too Many Requests: retry after 3', 3000], ['try again in 1 hour and 5 minutes', 3_900_000],
  ])('%s → %d ms', (text, ms) => {
    expect(waitInText(text)).toBe(ms);
  });

  it('caps a wait that would overflow, and reads no wait where none is asked for', () => {
    expect(waitInText('retry after 1000000000000 seconds')).toBe(1e15);
    expect(waitInText(`retry after ${'9'.repeat(400)} seconds`)).toBe(Number.MAX_SAFE_INTEGER);
    expect(waitInText('The request took 30 seconds')).toBeUndefined();
    expect(waitInText('try again in a moment')).toBeUndefined();
  });
});
