/**
 * What the first profiled holdout's misses showed, once it had measured the tree blind. An SDK's printout of a vendor's
 * body is read by that vendor's profile too (openai-python's `Error code: 429 - {… 'insufficient_quota' …}` is a spent
 * quota, slack_sdk's `The server responded with: {'ok': False, 'error': 'no_text'}` an invalid request), and the printout
 * read whole still gives what the object lacks. A Python class's repr is no markup (boto3's `<class
 * 'botocore.exceptions.EventStreamError'>:An error occurred (throttlingException) …`); the Azure CLI prints its code after
 * `Azure Error:`. Words: a daily token allowance, GitHub GraphQL's "Could not resolve to a", Stripe's "Unrecognized
 * request URL" and idempotency keys, Slack's `not_in_channel`, Twilio's trial accounts and "Account not authorized to" under a
 * 400; Discord's 50006; Google's "unregistered callers". Every
 * body is a corpus case (its `source` says where it was copied from). Request ids a sentence names: Stripe's `Request req_…:`,
 * OpenAI's "the request ID … in your message", GitHub GraphQL's "Please include `…` when reporting".
 */
import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { classify } from '../../src/entry/default-classifier.js';
import { choosePrinted, printedResponse } from '../../src/vendors/generic/printed-object.js';
import { PRINTED_READERS } from '../../src/vendors/registry.js';
import { HOLDOUT26_DIR, PROFILED1_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import type { ResponseSnapshot } from '../../src/core/profile.js';

const { both, c, files } = shapeReaders([PROFILED1_DIR, HOLDOUT26_DIR]);

const snapshot = (text: string, status?: number): ResponseSnapshot => ({ status, headers: { get: () => undefined } as never, json: undefined, text, contentType: '', host: undefined, now: 0 });

describe('a vendor body an SDK printed', () => {
  it.each([
    ['slack/slack-no-text-sdkerror-printout', 'invalid_request', 'slack', 'no_text'],
    ['slack/slack-invalid-blocks-bolt-listener', 'validation_failed', 'slack', 'invalid_blocks'],
    ['slack/slack-webhook-invalid-auth-in-200', 'unauthenticated', 'slack', 'invalid_auth'],
  ])('%s is read by its vendor’s profile: %s', (ref, code, vendor, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendor', 'vendorCode'])).toEqual([code, vendor, vendorCode]);
  });

  it.each([
    ['openai/openai-400-dalle-content-policy-spring-printout', 'content_filtered', 'content_policy_violation'],
    ['gemini-api/gemini-api-503-model-overloaded-python', 'overloaded', 'UNAVAILABLE'],
    // Its words alone say what its code says since session 32 ("You exceeded your current quota").
    ['openai/openai-429-insufficient-quota-python-repr', 'quota_exhausted', 'insufficient_quota'],
  ])('%s keeps the whole reading’s code, with the code the object names', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it.each([
    ['azure-openai/azure-openai-500-server-error-python-repr', 'requestId', '394a40f7-7222-4168-9fc5-b61bb7cd76f3'],
    ['openai/openai-503-model-overloaded-printout', 'requestId', '500d9fff2057e4af93a280f67002c342'],
    ['azure-openai/azure-openai-429-retry-86400s-python-repr-cut', 'retryAfterMs', 86_400_000],
  ] as const)('%s keeps the whole reading, with the %s the printed object names', (ref, field, value) => {
    expect(c(ref)[field]).toBe(value);
  });

  it('a caller’s named vendor is final: the printout is read whole by that profile', () => {
    const body = files.find((f) => f.family === 'openai')?.cases.find((k) => k.id === 'openai-429-insufficient-quota-python-repr')?.response;
    expect(classify(body, { vendor: 'slack', now: 0 }).vendor).not.toBe('openai');
  });
});

describe('PRINTED_READERS', () => {
  it('are the vendors’ own readers, in detection order, and no shape many vendors share', () => {
    expect(PRINTED_READERS.map((r) => r.id)).toEqual(['anthropic', 'google', 'azure', 'aws', 'stripe', 'github', 'cloudflare', 'slack', 'twilio', 'discord', 'openrouter', 'openai']);
  });
});

describe('printedResponse', () => {
  it('gives the printed object, with the status the words before it state', () => {
    const inner = printedResponse(snapshot("openai.RateLimitError: Error code: 429 - {'error': {'code': 'insufficient_quota'}}"));
    expect([inner?.status, inner?.json]).toEqual([429, { error: { code: 'insufficient_quota' } }]);
  });

  it('keeps the response’s own status over one the words state', () => {
    expect(printedResponse(snapshot("Error code: 429 - {'error': {'code': 'x'}}", 400))?.status).toBe(400);
  });

  it.each([
    ['a Python repr pasted alone', "{'error': {'code': 'content_filter', 'innererror': {'code': 'ResponsibleAIPolicyViolation'}}}", { error: { code: 'content_filter', innererror: { code: 'ResponsibleAIPolicyViolation' } } }],
    ['an object literal after spaces', "   {error: {code: 'x'}}", { error: { code: 'x' } }],
  ])('reads %s: nothing printed it, but the vendors’ profiles read its object', (_name, text, json) => {
    expect(printedResponse(snapshot(text))?.json).toEqual(json);
  });

  it.each([
    ['JSON cut off, the generic layer’s to read once', '{"error": {"code": "x"}'],
    ['JSON cut off after spaces', '   {"error": 1'],
    ['no object', 'Error code: 429 - Too Many Requests'],
    ['an empty object', 'Error: {}'],
    ['an object past the first 1024 characters', `${'x'.repeat(1025)}{"error": 1}`],
  ])('reads nothing from %s', (_name, text) => {
    expect(printedResponse(snapshot(text))).toBeUndefined();
  });

  it('reads nothing from a parsed body', () => {
    expect(printedResponse({ ...snapshot('Error: {"a": 1}'), json: { a: 1 } })).toBeUndefined();
  });
});

describe('choosePrinted', () => {
  const whole = createFault({ code: 'rate_limited', requestId: 'req_whole', retryAfterMs: 5000 });

  it('takes a sharper code from the printed object, and the id and wait the whole reading found', () => {
    const f = choosePrinted(createFault({ code: 'quota_exhausted', vendor: 'openai' }), whole);
    expect(fieldsOf(f, ['code', 'vendor', 'requestId', 'retryAfterMs'])).toEqual(['quota_exhausted', 'openai', 'req_whole', 5000]);
  });

  it('keeps the whole reading where the object says no more than a status class', () => {
    expect(choosePrinted(createFault({ code: 'internal', vendor: 'openai' }), whole)).toBe(whole);
  });

  it('takes a weak code when the whole reading named none', () => {
    expect(choosePrinted(createFault({ code: 'invalid_request', vendor: 'slack' }), createFault({ code: 'unknown' })).code).toBe('invalid_request');
  });

  it('adds the object’s request id and wait to the whole reading when it agrees', () => {
    const bare = createFault({ code: 'rate_limited' });
    const f = choosePrinted(createFault({ code: 'rate_limited', requestId: 'req_obj', retryAfterMs: 1000 }), bare);
    expect(fieldsOf(f, ['requestId', 'retryAfterMs'])).toEqual(['req_obj', 1000]);
    expect(choosePrinted(createFault({ code: 'rate_limited' }), bare)).toBe(bare);
  });

  it('adds the object’s code to the whole reading when it agrees, but never a number', () => {
    expect(choosePrinted(createFault({ code: 'rate_limited', vendorCode: 'rate_limit_exceeded' }), whole).vendorCode).toBe('rate_limit_exceeded');
    expect(choosePrinted(createFault({ code: 'rate_limited', vendorCode: '429' }), whole).vendorCode).toBeUndefined();
  });
});

describe('printed forms', () => {
  it('a Python class’s repr is no markup: botocore’s code is read after it', () => {
    for (const f of both('aws/aws-bedrock-stream-throttling-eventstreamerror')) expect(f.vendorCode).toBe('throttlingException');
  });

  it('the Azure CLI’s `Azure Error: <code>`', () => {
    for (const f of both('azure/azure-arm-invalid-template-parameters-cli')) expect(f.vendorCode).toBe('InvalidTemplate');
  });
});

describe('request ids a sentence names', () => {
  it.each([
    ['stripe/stripe-python-carderror-request-id', 'req_CTIrD2ZKgsZ8Ua'],
    ['stripe/stripe-python-publishable-key-auth-error', 'req_7qTbBITXPt3pCH'],
    ['openai/openai-stream-server-error-node-printout', 'req_1332ed8a813a4caaa2f0f3c55a6a68cb'],
    ['github/github-graphql-something-went-wrong', 'AE24:722D:20DF2FD:45B79D6:5C07C446'],
  ])('%s names %s', (ref, id) => {
    for (const f of both(ref)) expect(f.requestId).toBe(id);
  });

  it('an AWS SDK for JavaScript v3 error logged as JSON keeps its request id in `$metadata`', () => {
    for (const f of both('aws/aws-bedrock-jsv3-input-too-long')) expect(f.requestId).toBe('16fb0962-139d-4c70-ba9c-602d9630e854');
  });
});

describe('words', () => {
  it.each([
    ['aws/aws-bedrock-converse-tokens-per-day', 'quota_exhausted'],
    ['github/github-graphql-could-not-resolve-repository', 'not_found'],
    ['stripe/stripe-ruby-unrecognized-request-url', 'not_found'],
    ['stripe/stripe-ruby-idempotency-error-params', 'conflict'],
    ['stripe/stripe-ruby-idempotency-key-other-endpoint', 'conflict'],
    ['slack/slack-not-in-channel-node-sdk', 'permission_denied'],
  ])('%s reads as %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it.each([
    'twilio/twilio-python-account-not-authorized-to-call',
    'twilio/twilio-ruby-21608-trial-unverified-log',
    'twilio/twilio-node-21219-trial-call-unverified',
  ])('under a 400, what a trial account or an account not authorized may not do is refused permission: %s', (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('permission_denied');
  });

  it('Discord’s 50006, an empty message, is an invalid request', () => {
    expect(fieldsOf(c('discord/discord-50006-empty-message'), ['code', 'vendor'])).toEqual(['invalid_request', 'discord']);
  });

  it('Google’s 403 for "unregistered callers" is a missing credential', () => {
    expect(c('google-cloud-translation/google-cloud-translation-subtitleedit-v2-key').code).toBe('unauthenticated');
  });
});
