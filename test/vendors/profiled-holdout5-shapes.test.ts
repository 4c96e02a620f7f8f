/**
 * What the fifth profiled holdout's misses and the seventy-first holdout's showed, once a sixth profiled holdout had been
 * gathered blind (session 38). Every body named by id is a corpus case (its `source` says where it was copied from);
 * inline bodies only probe a rule's edge.
 *
 * - Words: an organization or account switched off, a Google API not enabled in a project, a cap on a day's count, a
 *   bucket the caller already owns, an Ethereum nonce already used, a thing still being deleted, a document changed under
 *   a language server, an account's throughput target, graphql-java's DataFetchingException, an expired licence, a model
 *   id that names no model, OpenAI's billing hard limit, a write whose condition failed, a reaction already added, words
 *   run together (`error.notallowed`), a thing to delete first, a save that failed on the server.
 * - Profiles: Anthropic's disabled organization, GitHub's GraphQL failure (its request id, its timeout), Google's quota
 *   with a limit of 0, the Language Server Protocol's two codes, Cloudflare's own 5xx numbers only.
 * - Request ids: stripe-php's `(Request req_…)`, Stripe's dashboard log link, an OpenAI-compatible relay's "(request id: …)".
 * - Printouts: a Cloudflare page flattened into a client's text, google-api-python-client's `<HttpError …>`, a JSON log
 *   record whose `error` is an SDK's printout, an SDK error printed from inside (its headers first), an exception's
 *   snake_case first argument, Ruby's uncaught exception line, s3cmd's `409 (Code):`, the AWS SDK for Java v1's labels,
 *   a camelCase reason after a Ruby class, a stringified `undefined`, Dify's `error_type`.
 * - Envelopes: a reason phrase as the message beside a `details` list.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT71_DIR, PROFILED5_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c, both } = shapeReaders([PROFILED5_DIR, HOLDOUT71_DIR]);

describe('words the lexicon reads', () => {
  it('an organization or account switched off is refused, not a bad request or a credential', () => {
    expect(fieldsOf(c('anthropic/anthropic-organization-disabled-400'), ['code', 'vendor', 'vendorCode'])).toEqual(['permission_denied', 'anthropic', 'invalid_request_error']);
    const raw = classify({ status: 400, body: '{"type":"error","error":{"type":"invalid_request_error","message":"This organization has been disabled."}}' });
    expect(fieldsOf(raw, ['code', 'vendor'])).toEqual(['permission_denied', 'anthropic']);
    expect(classify({ body: '{"error": "Your account has been disabled."}' }).code).toBe('permission_denied');
    // Anthropic's other plain 400s stay what they were.
    expect(classify({ status: 400, body: '{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}' }).code).not.toBe('permission_denied');
  });

  it('a Google API not enabled in the project is refused, whatever the client adds about authentication', () => {
    for (const f of both('vertex-ai/vertex-ai-403-api-disabled-starter-pack')) expect(f.code).toBe('permission_denied');
  });

  it('a cap on a day’s count is an allowance spent', () => {
    for (const f of both('discord/discord-py-30034-daily-command-creates')) expect(fieldsOf(f, ['code', 'retry', 'vendorCode'])).toEqual(['quota_exhausted', 'never', '30034']);
  });

  it('a bucket the caller already owns exists, and a reaction already added too', () => {
    for (const f of both('google-cloud/google-cloud-gcs-bucket-already-owned-409-go')) expect(f.code).toBe('already_exists');
    for (const f of both('slack/slack-aiohttp-already-reacted-with-headers-repr')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['already_exists', 'already_reacted']);
  });

  it('a nonce already used, a thing still being deleted, a document changed mid-request, a thing to delete first: conflicts', () => {
    for (const id of ['json-rpc/json-rpc-web3py-nonce-too-low', 'azure/azure-blob-container-being-deleted-python', 'json-rpc/json-rpc-lsp-content-modified-nvim-log', 'octofarm/octofarm-profile-attached-error-in-200']) {
      for (const f of both(id)) expect(f.code, id).toBe('conflict');
    }
    // Kraken's "Invalid nonce" is a signature's nonce, a credential refused, not a transaction's.
    expect(classify({ body: '{"error": ["EAPI:Invalid nonce"]}' }).code).toBe('unauthenticated');
  });

  it('an account over its throughput target is throttled', () => {
    for (const f of both('azure/azure-blob-serverbusy-egress-go')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['rate_limited', 'ServerBusy']);
  });

  it('a server that failed fetching data or saving it failed itself', () => {
    for (const id of ['graphql/graphql-otp-datafetchingexception-timeout', 'octofarm/octofarm-edit-spool-db-save-failed']) {
      for (const f of both(id)) expect(fieldsOf(f, ['code', 'retry']), id).toEqual(['internal', 'idempotent']);
    }
  });

  it('an expired licence is a payment, a model id that names no model is not found, a billing hard limit an allowance', () => {
    expect(classify({ body: '{"error": "Your license has expired"}' }).code).toBe('payment_required');
    expect(classify({ body: '{"error": {"message": "gpt-5x is not a valid model ID"}}' }).code).toBe('not_found');
    for (const f of both('openai/openai-billing-hard-limit-node-printout-cf-ray')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['quota_exhausted', 'never']);
  });

  it('a write whose condition failed is a precondition, though its words name what exists', () => {
    for (const f of both('aws/aws-simpledb-conditional-check-409-java-v1')) {
      expect(fieldsOf(f, ['code', 'vendorCode', 'requestId'])).toEqual(['precondition_failed', 'ConditionalCheckFailed', '62501461-f254-c92e-7b63-608e9c058c3f']);
    }
  });

  it('words run together in an i18n key are read as words', () => {
    for (const f of both('apache-openmeetings/apache-openmeetings-no-permission')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['permission_denied', 'never']);
  });
});

describe('profiles', () => {
  it('GitHub’s GraphQL failure names its request id; the variant that says it timed out is a gateway’s timeout', () => {
    expect(fieldsOf(c('github/github-graphql-502-timeout-request-id'), ['code', 'retry', 'requestId'])).toEqual(['gateway_timeout', 'idempotent', 'C084:58C5:1747A26:2F86499:6334A643']);
    const plain = classify({ status: 200, body: '{"errors":[{"message":"Something went wrong while executing your query. Please include `AE24:722D:20DF2FD:45B79D6:5C07C446` when reporting this issue."}]}' });
    expect(fieldsOf(plain, ['code', 'retry', 'requestId'])).toEqual(['internal', 'always', 'AE24:722D:20DF2FD:45B79D6:5C07C446']);
  });

  it('a Google quota whose limit is 0 is spent whatever wait it names; another limit is a throttle', () => {
    expect(fieldsOf(c('gemini-api/gemini-api-genai-retry-log-429-free-tier-limit-0'), ['code', 'retry', 'retryAfterMs'])).toEqual(['quota_exhausted', 'never', 47174]);
    const body = (limit: number): string => JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: `Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: ${limit}, model: gemini-2.0-flash` } });
    expect(classify({ status: 429, body: body(0) }).code).toBe('quota_exhausted');
    expect(classify({ status: 429, body: body(10) }).code).toBe('rate_limited');
  });

  it('the Language Server Protocol’s RequestCancelled and ContentModified', () => {
    expect(fieldsOf(c('json-rpc/json-rpc-lsp-request-cancelled'), ['code', 'vendor', 'vendorCode'])).toEqual(['cancelled', 'jsonrpc', '-32800']);
    expect(classify({ body: '{"jsonrpc":"2.0","id":3,"error":{"code":-32801,"message":"Content modified."}}' }).code).toBe('conflict');
  });

  it('a 529 through Cloudflare is the origin’s: Cloudflare’s own numbers are 520 to 527 and 530', () => {
    expect(fieldsOf(c('anthropic/anthropic-ts-sdk-529-printout-x-should-retry'), ['code', 'vendorCode'])).toEqual(['overloaded', 'overloaded_error']);
    expect(classify({ status: 529, headers: { 'cf-ray': '8e695a03eed4f9fd-SJC' }, body: 'Overloaded' }).vendor).not.toBe('html');
    expect(fieldsOf(classify({ status: 522, headers: { 'cf-ray': '8e695a03eed4f9fd-SJC' }, body: 'error code: 522' }), ['code', 'vendorCode'])).toEqual(['gateway_timeout', '522']);
  });
});

describe('request ids in words', () => {
  it('stripe-php’s “(Request req_…)” and Stripe’s dashboard log link', () => {
    for (const f of both('stripe/stripe-php-amount-min-400-request-id')) expect(f.requestId).toBe('req_qp5ygScTPZF6Jk');
    for (const f of both('stripe/stripe-resource-missing-customer-dart-map')) expect(f.requestId).toBe('req_zgxnSj0ZmjQvcL');
    // A request named in other words is none of these forms.
    expect(classify({ body: 'Request req_ failed (Request abc)' }).requestId).toBeUndefined();
  });

  it('the id an OpenAI-compatible relay appends to the message', () => {
    expect(c('openai/openai-unsupported-region-via-one-api').requestId).toBe('2024072510422562564674066306279');
  });
});

describe('printouts', () => {
  it('a Cloudflare page flattened into a client’s text, or cut under a client’s words, is read by its number', () => {
    expect(fieldsOf(c('cloudflare/cloudflare-522-ray-id-text'), ['code', 'vendorCode', 'requestId'])).toEqual(['gateway_timeout', '522', '2b06db3818810da9']);
    expect(fieldsOf(c('cloudflare/cloudflare-524-html-page-head'), ['code', 'retry', 'vendorCode'])).toEqual(['gateway_timeout', 'idempotent', '524']);
    expect(fieldsOf(c('openai/openai-cloudflare-520-n8n-text'), ['code', 'retry'])).toEqual(['bad_gateway', 'idempotent']);
    // A text with no mark of Cloudflare's is no Cloudflare page.
    expect(classify({ body: 'Error 522 happened while saving' }).vendorCode).not.toBe('522');
  });

  it('google-api-python-client’s <HttpError …> is a printout, not a page', () => {
    expect(fieldsOf(c('google-cloud/google-cloud-youtube-quota-exceeded-httperror-none'), ['code', 'vendor', 'vendorCode'])).toEqual(['quota_exhausted', 'generic', 'quotaExceeded']);
  });

  it('a JSON log record whose error is an SDK’s printout is read by the vendor’s profile', () => {
    expect(fieldsOf(c('anthropic/anthropic-403-permission-error-oauth-not-allowed'), ['code', 'vendorCode'])).toEqual(['permission_denied', 'permission_error']);
    expect(c('anthropic/anthropic-claude-code-429-rate-limited-short-message').vendorCode).toBe('rate_limit_error');
    // A record with more than flat members is an API's own envelope, read as it was.
    expect(classify({ status: 400, body: '{"error": "Error: 400 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"permission_error\\"}}", "meta": {"x": 1}}' }).vendor).toBe('generic');
  });

  it('an exception’s snake_case first argument, and Ruby’s uncaught exception line, name the vendor’s code', () => {
    expect(classify({ body: "exception=SlackAPIError('not_authed', <CIMultiDictProxy('Content-Type': 'application/json')>)" }).vendorCode).toBe('not_authed');
    for (const f of both('slack/slack-ruby-client-not-in-channel-raise-error')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['permission_denied', 'not_in_channel']);
    // A sentence as the message is no code.
    expect(classify({ body: "foo.rb:9:in `call': something went wrong (RuntimeError)" }).vendorCode).toBeUndefined();
  });

  it('s3cmd’s code after the status; .NET’s reason phrase there is no code, nor its Status Code line', () => {
    for (const f of both('aws/aws-s3-bucket-already-exists-s3cmd')) expect(f.vendorCode).toBe('BucketAlreadyExists');
    for (const f of both('azure-openai/azure-openai-sk-dotnet-401-invalid-key-text')) expect(f.vendorCode).toBeUndefined();
    expect(classify({ body: 'Response status code does not indicate success: 401 (PermissionDenied).' }).vendorCode).toBeUndefined();
  });

  it('a camelCase reason after a Ruby client’s class, and no stringified undefined, and Dify’s error_type no code', () => {
    for (const f of both('google-cloud/google-cloud-bigquery-table-update-rate-ruby')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['rate_limited', 'rateLimitExceeded']);
    for (const f of both('gemini-api/gemini-api-librechat-location-not-supported-url')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['permission_denied', undefined]);
    for (const f of both('gemini-api/gemini-api-dify-400-invalid-role-genai-repr')) expect(f.vendorCode).toBe('INVALID_ARGUMENT');
    // An error_type with no `args` beside it is an API's own (OpenAI-style bodies name theirs so).
    expect(classify({ status: 400, body: '{"error_type": "ClientError", "message": "bad"}' }).vendorCode).toBe('ClientError');
  });
});

describe('envelopes', () => {
  it('a reason phrase as the message says less than the details list beside it', () => {
    for (const f of both('datarhei-core/datarhei-core-login-missing-credentials')) expect(f.code).toBe('unauthenticated');
    for (const f of both('datarhei-core/datarhei-core-refresh-invalid-token')) expect(f.code).toBe('unauthenticated');
  });
});
