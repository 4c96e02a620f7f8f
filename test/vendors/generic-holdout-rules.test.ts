/**
 * The generic layer's rules for the shapes and wordings the held-out corpus showed it missing, each
 * on a real response (the case's `source` is printed in the test name), with the payloads and
 * wordings each rule must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { classify } from '../../src/entry/default-classifier.js';
import { codeByMeaning } from '../../src/vendors/generic/decide.js';
import { readEnvelope } from '../../src/vendors/generic/envelope.js';
import { genericProfile, readGeneric } from '../../src/vendors/generic/generic.js';
import { errsInSuccess } from '../../src/vendors/generic/success-body.js';
import { waitInText } from '../../src/vendors/generic/wait.js';
import { type CorpusCase, CORPUS_NOW, HOLDOUT_DIR, HOLDOUT2_DIR, loadCorpus } from '../corpus/corpus.js';

const generic = createClassifier({ profiles: [genericProfile] });
const corpora = [...loadCorpus(HOLDOUT2_DIR), ...loadCorpus(HOLDOUT_DIR), ...loadCorpus()];

function corpusCase(family: string, id: string): CorpusCase {
  const found = corpora.find((f) => f.family === family)?.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no corpus case ${family}/${id}`);
  return found;
}

const body = (family: string, id: string): string => corpusCase(family, id).response.body ?? '';
const src = (family: string, id: string): string => `${family}/${id} (${corpusCase(family, id).source})`;

/** A case's response, through the generic layer alone and through the default classify; `status` replaces its status when given. */
function both(family: string, id: string, status?: number) {
  const c = corpusCase(family, id);
  const response = { status: status ?? c.response.status, headers: c.response.headers, body: c.response.body ?? '' };
  return [generic.classify(response, { now: CORPUS_NOW }), classify(response, { now: CORPUS_NOW })] as const;
}

/** What the generic layer reads in a JSON body sent with `status`. */
function read(status: number | undefined, text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return readGeneric({ status, headers: { get: () => undefined }, json, text, contentType: 'application/json', host: undefined, now: 0 });
}

describe('errors inside a success status', () => {
  it(`a restated error status names the code: ${src('monday', 'complexity-exception-in-200')}`, () => {
    for (const fault of both('monday', 'complexity-exception-in-200')) {
      expect(fault).toMatchObject({ code: 'rate_limited', retry: 'always', vendorCode: 'ComplexityException', retryAfterMs: 16_000 });
    }
  });

  // Google Maps web services answer 200 and put the outcome in `status` (developers.google.com/maps/documentation/geocoding/requests-geocoding#StatusCodes).
  it.each([
    ['geocode-over-query-limit', 'rate_limited'],
    ['places-request-denied-invalid-key', 'unauthenticated'],
    ['geocode-request-denied-api-not-enabled', 'permission_denied'],
  ])('a SCREAMING_CASE failure status under a 200: google-maps/%s', (id, code) => {
    expect(src('google-maps', id)).toContain('google-maps');
    for (const fault of both('google-maps', id, 200)) expect(fault).toMatchObject({ code, vendorCode: corpusCase('google-maps', id).expect.vendorCode });
  });

  it(`a body of nothing but a message that says the upstream connection failed: ${src('portkey', 'network-connection-lost-in-200')}`, () => {
    for (const fault of both('portkey', 'network-connection-lost-in-200')) expect(fault).toMatchObject({ code: 'bad_gateway', retry: 'idempotent' });
  });

  it(`JSend's status "error" (github.com/omniti-labs/jsend), on a body from ${src('hubspot', 'credentials-not-found-no-status')}`, () => {
    expect(read(200, body('hubspot', 'credentials-not-found-no-status'))?.code).toBe('unauthenticated');
  });

  it(`a code beside a message, the envelope many APIs send with every 200, on a body from ${src('supabase-auth', 'over-email-send-rate-limit-429')}`, () => {
    expect(read(200, body('supabase-auth', 'over-email-send-rate-limit-429'))).toMatchObject({ code: 'rate_limited', vendorCode: 'over_email_send_rate_limit' });
  });

  it(`a restated status alone makes a 200 an error: ${src('azure-api-management', 'missing-subscription-key-401')}`, () => {
    expect(read(200, body('azure-api-management', 'missing-subscription-key-401'))?.code).toBe('unauthenticated');
  });

  it(`a status the body restates as code still counts: ${src('vllm', 'vllm-runpod-200-model-does-not-exist')}`, () => {
    expect(both('vllm', 'vllm-runpod-200-model-does-not-exist')[0].code).toBe('not_found');
  });

  it.each([
    '{"status":"ok"}',
    '{"status":"active"}',
    '{"status":"OK","results":[{"formatted_address":"London, UK"}]}',
    // Google Maps' ZERO_RESULTS is a success with nothing found (the status codes page above).
    '{"results":[],"status":"ZERO_RESULTS"}',
    '{"id":"acct_1","status":"SUSPENDED","type":"account"}',
    '{"status":"IN_PROGRESS","id":"job_1"}',
    '{"data":[{"id":1,"status":"FAILED","error_message":"card declined"},{"id":2,"status":"active"}]}',
    '{"error":null,"data":{"id":1}}',
    '{"error":false,"message":"Created"}',
    '{"errcode":0,"errmsg":"ok"}',
    '{"errors":[],"data":{"viewer":{"login":"octocat"}}}',
    '{"message":"API key deleted"}',
    '{"message":"Rate limit updated","limit":100}',
    '{"code":"USD","name":"US Dollar"}',
    '{"code":0,"msg":"success","data":{"id":1}}',
    '{"code":200,"message":"OK"}',
    '{"code":"SUCCESS","message":"Order placed"}',
  ])('an ordinary 2xx payload stays no fault: %s', (text) => {
    expect(read(200, text)).toBeUndefined();
    expect(classify({ status: 200, body: text }).code).toBe('unknown');
  });

  it('reads the members that name an error, not their empty values', () => {
    expect(errsInSuccess({ errmsg: 'invalid credential' }, {}, undefined)).toBe(true);
    expect(errsInSuccess({ err: 'Invalid token' }, {}, undefined)).toBe(true);
    expect(errsInSuccess({ result: 'error', 'error-type': 'invalid-key' }, {}, undefined)).toBe(true);
    expect(errsInSuccess({ errmsg: '' }, {}, undefined)).toBe(false);
    expect(errsInSuccess({ status: 'PENDING_REVIEW' }, {}, undefined)).toBe(false);
  });

  it('a failure status is read only when short: 1 MB of SCREAMING_CASE words is refused by its length', () => {
    const status = 'OVER_QUERY_LIMIT_'.repeat(65_536);
    expect(status.length).toBeGreaterThan(1_000_000);
    expect(errsInSuccess({ status }, {}, undefined)).toBe(false);
    expect(errsInSuccess({ [`${'x_'.repeat(500_000)}message`]: 'Network connection lost.' }, {}, 'Network connection lost.')).toBe(true);
  });
});

describe('pages and printouts with no status', () => {
  it.each([
    ['segment', 'message-over-32kb', 'payload_too_large', 'never'],
    ['monday', 'query-over-max-complexity-python', 'payload_too_large', 'never'],
    ['railway', 'application-failed-to-respond', 'bad_gateway', 'idempotent'],
    ['azure-front-door', 'services-unavailable-page', 'service_unavailable', 'always'],
    ['fly-io', 'cli-session-eof', 'connection_reset', 'idempotent'],
    ['google-maps', 'places-over-query-limit-python', 'rate_limited', 'always'],
    ['google-frontend', 'gfe-502-rendered-text', 'bad_gateway', 'idempotent'],
  ])('%s/%s is %s', (family, id, code, retry) => {
    expect(src(family, id)).toContain(family);
    for (const fault of both(family, id)) expect(fault).toMatchObject({ code, retry });
  });

  it('a broken connection is what a client prints without a response: under a status, "unexpected EOF" is the request (Go encoding/json io.ErrUnexpectedEOF)', () => {
    expect(codeByMeaning(undefined, undefined, 'unexpected EOF')).toBe('connection_reset');
    expect(codeByMeaning(400, undefined, 'unexpected EOF')).toBeUndefined();
    expect(generic.classify({ status: 400, body: '{"error":"unexpected EOF"}' }).code).toBe('invalid_request');
  });

  it('a status opens the text only as a whole number: "4040 items" and "500 requests per minute" state none', () => {
    expect(read(undefined, '4040 items could not be read')?.code).toBeUndefined();
    expect(read(undefined, '200 OK')).toBeUndefined();
    expect(read(undefined, '429 Too Many Requests')?.code).toBe('rate_limited');
  });

  it('a size limit is one stated in a size unit, not any limit', () => {
    expect(codeByMeaning(undefined, undefined, 'the message is too large and over the maximum 32KB limit')).toBe('payload_too_large');
    expect(codeByMeaning(undefined, undefined, 'The query limit must be between 1 and 100')).not.toBe('rate_limited');
  });
});

describe('wording against status', () => {
  it(`an invalid token under a 403 is unauthenticated, read from Figma's \`err\`: ${src('figma', 'invalid-token-403')}`, () => {
    expect(readEnvelope(JSON.parse(body('figma', 'invalid-token-403'))).message).toBe('Invalid token');
    for (const fault of both('figma', 'invalid-token-403')) expect(fault.code).toBe('unauthenticated');
    for (const fault of both('figma', 'invalid-scope-403-text')) expect(fault.code).toBe('permission_denied');
  });

  it(`an invalid subscription key is a credential, whatever "access denied" adds: ${src('azure-api-management', 'invalid-subscription-key-text')}`, () => {
    for (const fault of both('azure-api-management', 'invalid-subscription-key-text')) expect(fault.code).toBe('unauthenticated');
    for (const fault of both('azure-api-management', 'missing-subscription-key-401')) expect(fault.code).toBe('unauthenticated');
    // A credential that lacks a scope or a permission is still a permission.
    expect(codeByMeaning(undefined, undefined, 'The subscription key does not have permission to call this API')).toBe('permission_denied');
    expect(codeByMeaning(403, undefined, 'The subscription key does not have permission to call this API')).toBeUndefined();
  });

  it(`a malformed parameter is an invalid request, though its message adds field words: ${src('twitch', 'user-login-malformed-400')}`, () => {
    for (const fault of both('twitch', 'user-login-malformed-400')) expect(fault.code).toBe('invalid_request');
    // Field words alone still make a 400 a validation failure.
    expect(codeByMeaning(400, undefined, 'The value must be less than or equal to 100')).toBe('validation_failed');
  });

  it(`a status the body states as http_status_code: ${src('ebay', 'oauth-invalid-request')}`, () => {
    expect(readEnvelope(JSON.parse(body('ebay', 'oauth-invalid-request'))).status).toBe(400);
    for (const fault of both('ebay', 'oauth-invalid-request')) expect(fault.code).toBe('invalid_request');
  });
});

describe('waits', () => {
  it(`a quoted number: ${src('azure-resource-manager', 'subscription-requests-throttled-dotnet')}`, () => {
    // The pre-check lets a quote stand between the cue and the digit; 1 MB of cues with quotes and no digit is refused quickly.
    expect(waitInText(`${"after '".repeat(200_000)}x`)).toBeUndefined();
    for (const fault of both('azure-resource-manager', 'subscription-requests-throttled-dotnet')) expect(fault.retryAfterMs).toBe(1000);
    expect(waitInText(`Please try again after "2" seconds`)).toBe(2000);
    expect(waitInText(`Please try again in '5' minutes`)).toBe(300_000);
    expect(waitInText(`Please try again after '' seconds`)).toBeUndefined();
  });

  it(`a wait of nothing: ${src('supabase-auth', 'over-email-send-rate-limit-kotlin')}`, () => {
    for (const fault of both('supabase-auth', 'over-email-send-rate-limit-kotlin')) expect(fault.retryAfterMs).toBe(0);
    expect(waitInText('For security purposes, you can only request this after 42 seconds.')).toBe(42_000);
    // A unit is required after this cue: "after 3" is no wait.
    expect(waitInText('you can only request this after 3 attempts')).toBeUndefined();
  });
});

describe('the second held-out set: wordings many vendors share', () => {
  const code = (status: number | undefined, text: string) => read(status, text)?.code;

  it(`"something has gone wrong" is a failed server, not a 410: ${src('stytch', 'docs-500-internal-server-error')}`, () => {
    for (const fault of both('stytch', 'docs-500-internal-server-error')) expect(fault).toMatchObject({ code: 'internal', retry: 'idempotent' });
    expect(codeByMeaning(undefined, undefined, 'Oops, something has gone wrong')).toBe('internal');
    // Kubernetes' Expired list is still gone.
    for (const fault of both('kubernetes', 'k8s-kubectl-expired-list-too-old')) expect(fault.code).toBe('gone');
  });

  it(`a token budget per minute is a throttle, though it says "too many tokens": ${src('cerebras', 'tpm-exceeded-429-message-only')}`, () => {
    for (const fault of both('cerebras', 'tpm-exceeded-429-message-only')) expect(fault).toMatchObject({ code: 'rate_limited', retry: 'always' });
    // Groq's TPM limit (corpus groq/groq-429-tpm-rate-limit) is one too, and a context overflow stays one.
    for (const fault of both('groq', 'groq-429-tpm-rate-limit')) expect(fault.code).toBe('rate_limited');
    expect(codeByMeaning(400, undefined, 'Too many tokens: the prompt exceeds the context window')).toBe('context_length_exceeded');
  });

  it(`under a 429, credit words lose to a throttle: ${src('replicate', 'throttled-low-credit-429-wrapped')}`, () => {
    for (const fault of both('replicate', 'throttled-low-credit-429-wrapped')) expect(fault).toMatchObject({ code: 'rate_limited', retry: 'always' });
    // A 429 refused for payment alone stays a payment (Anthropic's credit balance wording).
    expect(codeByMeaning(429, undefined, 'Your credit balance is too low to access the Anthropic API')).toBe('payment_required');
  });

  it(`a daily limit with words between is a day's allowance: ${src('upstash', 'max-daily-request-limit-text')}`, () => {
    for (const id of ['max-daily-request-limit-text', 'js-max-daily-request-limit-truncated']) {
      for (const fault of both('upstash', id)) expect(fault).toMatchObject({ code: 'quota_exhausted', retry: 'never' });
    }
    // github.com/cooderl/wewe-rss/issues/390 (a 429) and github.com/Analytify/wp-analytify/issues/13 (Google Analytics' 403).
    expect(code(429, '{"message":"Daily request 200 limit exceeded. Please try again tomorrow."}')).toBe('quota_exhausted');
    expect(code(403, '{"message":"Quota Error: profileId 123 has exceeded the daily request limit."}')).toBe('quota_exhausted');
    expect(code(undefined, '{"message":"Requests per minute limit exceeded"}')).toBe('rate_limited');
  });

  it(`requests in flight are a throttle though an upgrade is offered: ${src('elevenlabs', 'py-apierror-too-many-concurrent')}`, () => {
    for (const fault of both('elevenlabs', 'py-apierror-too-many-concurrent')) expect(fault).toMatchObject({ code: 'rate_limited', retry: 'always' });
    // github.com/reapit/foundations/issues/4414
    expect(codeByMeaning(undefined, undefined, 'Concurrent request limit exceeded. Please ensure that no more than 5 requests are actively being fulfilled on behalf of your application at any given time')).toBe('rate_limited');
    // github.com/Wei-Shaw/claude-relay-service/pull/773
    expect(codeByMeaning(undefined, undefined, 'Too many concurrent requests. Limit: 1 concurrent requests')).toBe('rate_limited');
    // A plan limit with an upgrade and no concurrency is still an allowance.
    expect(codeByMeaning(undefined, undefined, 'You have reached your plan limit. Please upgrade.')).toBe('quota_exhausted');
  });

  it(`a 401 whose code says the quota is spent: ${src('elevenlabs', 'ha-tts-401-quota-exceeded-printout')}`, () => {
    for (const fault of both('elevenlabs', 'ha-tts-401-quota-exceeded-printout')) expect(fault.code).toBe('quota_exhausted');
    expect(codeByMeaning(401, 'quota_exceeded', 'This request exceeds your quota. You have 0 credits remaining.')).toBe('quota_exhausted');
    expect(codeByMeaning(401, undefined, 'Invalid API key')).toBeUndefined();
  });

  it(`"already used" names a taken name: ${src('weaviate', 'py-unexpected-status-422-name-used')}`, () => {
    for (const fault of both('weaviate', 'py-unexpected-status-422-name-used')) expect(fault.code).toBe('already_exists');
    expect(codeByMeaning(409, undefined, 'Operation already in progress')).toBeUndefined();
  });

  it(`"invalid arguments" and "wrong input" are a bad request, not a field's: ${src('kraken', 'egeneral-invalid-arguments')}, ${src('qdrant', 'py-400-wrong-dim')}`, () => {
    for (const fault of both('kraken', 'egeneral-invalid-arguments')) expect(fault.code).toBe('invalid_request');
    for (const fault of both('qdrant', 'py-400-wrong-dim')) expect(fault.code).toBe('invalid_request');
    // gRPC's status name as grpc-gateway prints it.
    expect(codeByMeaning(undefined, 'INVALID_ARGUMENT', 'request contains an invalid argument')).toBe('invalid_request');
    expect(codeByMeaning(undefined, undefined, 'Invalid value for field "email"')).toBe('validation_failed');
  });

  it(`a thing that does not exist is not found, whatever permission it hedges: ${src('replicate', 'py-version-does-not-exist')}`, () => {
    for (const fault of both('replicate', 'py-version-does-not-exist')) expect(fault.code).toBe('not_found');
    // GCP's hedge runs the other way: "Permission denied on resource project x (or it may not exist)".
    expect(codeByMeaning(undefined, undefined, 'Permission denied on resource project my-project (or it may not exist).')).toBe('permission_denied');
    expect(codeByMeaning(undefined, undefined, 'The API key does not exist')).toBe('unauthenticated');
  });

  it.each([
    ['perplexity', 'openresty-401-html-cf-script', 'unauthenticated'],
    ['jenkins', 'jetty-html-403-no-valid-crumb', 'permission_denied'],
    ['nginx', 'nginx-429-html-no-status', 'rate_limited'],
    ['nginx', 'nginx-502-html-cut-head-no-status', 'bad_gateway'],
  ])('a status-less page states its status in its title: %s/%s', (family, id, want) => {
    expect(src(family, id)).toContain(family);
    for (const fault of both(family, id)) expect(fault.code).toBe(want);
  });

  it(`a client's "(status 403)" states the status: ${src('alpaca', 'go-403-insufficient-underlying-qty')}`, () => {
    for (const fault of both('alpaca', 'go-403-insufficient-underlying-qty')) expect(fault.code).toBe('permission_denied');
    expect(read(undefined, 'request failed (status 1234): nope')).toBeUndefined();
  });

  it('a title that opens with no status, or a number that is no status, states none', () => {
    expect(readGeneric({ status: undefined, headers: { get: () => undefined }, json: undefined, text: '<html><head><title>2024 report</title></head></html>', contentType: 'text/html', host: undefined, now: 0 })).toBeUndefined();
    expect(readGeneric({ status: undefined, headers: { get: () => undefined }, json: undefined, text: '<html><head><title>4040 items</title></head></html>', contentType: 'text/html', host: undefined, now: 0 })).toBeUndefined();
    const page = `<html><head><title>${'<title>'.repeat(150_000)}</title></head></html>`;
    expect(readGeneric({ status: undefined, headers: { get: () => undefined }, json: undefined, text: page, contentType: 'text/html', host: undefined, now: 0 })?.code).toBeUndefined();
  });

  it(`basic auth and auth header wording is a credential: ${src('grafana', 'invalid-basic-auth-header')}`, () => {
    for (const fault of both('grafana', 'invalid-basic-auth-header')) expect(fault.code).toBe('unauthenticated');
    expect(codeByMeaning(undefined, undefined, 'Missing auth header')).toBe('unauthenticated');
  });

  it(`a one-word verdict beside a result sentence: ${src('etherscan', 'notok-max-calls-per-sec')}`, () => {
    for (const fault of both('etherscan', 'notok-max-calls-per-sec')) expect(fault).toMatchObject({ code: 'rate_limited', retry: 'always' });
    // Etherscan sends it with a 200 (docs.etherscan.io "Rate Limits"): NOTOK makes the 200 an error.
    const text = body('etherscan', 'notok-max-calls-per-sec');
    expect(readEnvelope(JSON.parse(text)).message).toBe('Max calls per sec rate limit reached (5/sec)');
    expect(errsInSuccess(JSON.parse(text), {}, undefined)).toBe(true);
    // A success's result sentence beside "OK" is no error.
    expect(errsInSuccess({ status: '1', message: 'OK', result: 'Pass - Verified' }, {}, undefined)).toBe(false);
    expect(readEnvelope({ message: 'OK-Missing/Invalid API Key, rate limit of 1/5sec applied', result: 'x y' }).message).toBe('OK-Missing/Invalid API Key, rate limit of 1/5sec applied');
  });

  it(`a numeric error member restates the status under a 200: ${src('typesense', 'status-200-error-404-object')}`, () => {
    for (const fault of both('typesense', 'status-200-error-404-object')) expect(fault.code).toBe('not_found');
    expect(readEnvelope({ error: 404, message: 'Not found' }, 200).status).toBe(404);
    expect(readEnvelope({ error: 1234, message: 'x' }, 200).status).toBeUndefined();
  });
});
