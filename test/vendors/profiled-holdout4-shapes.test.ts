/**
 * What the fourth profiled holdout's misses showed, once a fifth had been gathered blind (session 37). Every body named
 * by id is a corpus case (its `source` says where it was copied from); inline bodies only probe a rule's edge.
 *
 * - Words: Anthropic's old completion API's "max-sampled tokens … exceeds max", OpenAI's refused region as a Go CLI
 *   prints it, a Google Cloud IAM refusal ("does not have storage.objects.get access"), OpenRouter's key cap "(total
 *   limit)", Google's per-100-seconds quota and its bare RESOURCE_EXHAUSTED sentence as clients print them, an Ethereum
 *   node still indexing or syncing, Bedrock's ServiceUnavailableException in words, Discord's "Invalid Form Body".
 * - A wait of six hours or more is an allowance spent, in the generic layer as in Google's profile, which reads the Google
 *   Ads API's GoogleAdsFailure detail (its wait and request id).
 * - Request ids in sentences: SageMaker's "regarding request …", Azure Resource Manager's "tracking activity id is '…'",
 *   OpenAI's "Please include the request ID …" inside a client's log line.
 * - Gemini candidates stopped by SAFETY or RECITATION after some content, in a body and inside a stream.
 * - A 2xx whose body says JSON and does not parse: the catalog's malformed_response.
 * - Profiles: AppSync's `errorType` under `extensions` and its ConflictUnhandled, OpenEthereum's -32015 revert, Cloudflare's
 *   D1 database cap and a duplicate its table lacks, Anthropic's revoked OAuth token, GitHub's installation token refused
 *   its permissions, Vertex AI's project refused a publisher model, SageMaker's ModelError.
 * - Printed forms: discord.js' `DiscordAPIError[50035]`, botocore's words before a page it quotes, azure-core's inner
 *   error under "Exception Details:", Apollo Client's `graphQLErrors`, an SDK error object inside a client's sentence.
 */
import { describe, expect, it } from 'vitest';
import { classify, classifyResponse } from '../../src/entry/default-classifier.js';
import { sseError } from '../../src/core/sse.js';
import { CORPUS_NOW, HOLDOUT24_DIR, PROFILED1_DIR, PROFILED3_DIR, PROFILED4_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c, g, both, files } = shapeReaders([PROFILED4_DIR]);
// The corpus's own reference time: the Google Ads case's wait is read as the scores read it.
const earlier = shapeReaders([PROFILED1_DIR, PROFILED3_DIR, HOLDOUT24_DIR], CORPUS_NOW);

describe('words the lexicon reads', () => {
  it('a prompt plus its output over a model’s maximum is a context window; the maximum in parentheses is no code', () => {
    for (const f of both('anthropic/anthropic-legacy-sdk-prompt-tokens-exceeds-max')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['context_length_exceeded', undefined]);
    // A number closing a line after words that are no bound is still a printed code (Twitter's "Rate limit exceeded (88)").
    expect(classify({ body: 'Rate limit exceeded (88)' }).vendorCode).toBe('88');
    expect(classify({ body: 'Upload size over limit (2048)' }).vendorCode).toBeUndefined();
  });

  it('a region the service will not serve is a permission, not a missing feature', () => {
    for (const f of both('openai/openai-country-not-supported-go-cli')) expect(f.code).toBe('permission_denied');
    expect(classify({ body: 'Feature not supported' }).code).toBe('not_implemented');
  });

  it('a principal that lacks an IAM permission on a resource is refused it', () => {
    for (const f of both('google-cloud/google-cloud-java-storage-objects-get-denied')) expect(f.code).toBe('permission_denied');
  });

  it('a cap on a key’s total is an allowance spent, not a throttle', () => {
    for (const f of both('openrouter/openrouter-key-total-limit-truncated')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['quota_exhausted', 'never']);
    expect(classify({ status: 429, body: '{"message": "Rate limit exceeded"}' }).code).toBe('rate_limited');
  });

  it('Google’s per-100-seconds quota and its bare RESOURCE_EXHAUSTED sentence, as clients print them, are throttles', () => {
    for (const id of ['google-cloud/google-cloud-sheets-readgroup-insufficient-tokens', 'gemini-api/gemini-api-grpc-resource-exhausted-printout', 'gemini-api/gemini-api-cli-429-wrapped-json']) {
      for (const f of both(id)) expect(fieldsOf(f, ['code', 'retry']), id).toEqual(['rate_limited', 'always']);
    }
  });

  it('a node still building its index or syncing answers later: service_unavailable, where another task in progress is a conflict', () => {
    for (const id of ['json-rpc/json-rpc-web3py-ancient-block-sync', 'json-rpc/json-rpc-web3py-tx-indexing-in-progress']) {
      expect(fieldsOf(c(id), ['code', 'retry']), id).toEqual(['service_unavailable', 'always']);
    }
    expect(classify({ body: '{"error": {"message": "An import is already in progress"}}' }).code).toBe('conflict');
  });

  it('Bedrock’s ServiceUnavailableException in words alone', () => {
    for (const f of both('aws/aws-bedrock-unable-to-process-wrapper')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['service_unavailable', 'always']);
  });

  it('Discord’s "Invalid Form Body" is a rejection by field, whatever its fields’ words; discord.js prints its code in brackets', () => {
    expect(fieldsOf(c('discord/discord-js-50035-select-option-duplicated'), ['code', 'vendorCode'])).toEqual(['validation_failed', '50035']);
    expect(c('discord/discord-js-v12-invalid-form-body-snowflake').code).toBe('validation_failed');
    expect(classify({ body: 'Some HTTPError[404] happened' }).vendorCode).toBeUndefined();
  });
});

describe('a stated wait between the two limit codes', () => {
  it('six hours or more is an allowance spent, under an hour a throttle; between, the words decide', () => {
    // Google Ads' basic-access operations quota, "Retry in 40591 seconds" (11 hours) under "check quota": the Google profile
    // reads its GoogleAdsFailure detail (the wait, the request id), the generic layer the words.
    const [d, generic] = earlier.both('google-ads/google-ads-pipedream-21554-gaql-action');
    expect(fieldsOf(d, ['code', 'vendor', 'retryAfterMs', 'requestId'])).toEqual(['quota_exhausted', 'google', 40_591_000, 'xN_KaZRHZuU6Rlgt3cM2uQ']);
    expect(fieldsOf(generic, ['code', 'retryAfterMs'])).toEqual(['quota_exhausted', 40_591_000]);
    // A RetryInfo of a minute on the same status stays a throttle.
    const minute = { error: { code: 429, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '60s' }] } };
    expect(fieldsOf(classify({ status: 429, body: JSON.stringify(minute) }), ['code', 'retryAfterMs'])).toEqual(['rate_limited', 60_000]);
    const limit = (seconds: number): string => classify({ body: `Rate limit reached. Please try again in ${seconds} seconds.` }).code;
    expect([limit(1800), limit(3 * 3600), limit(6 * 3600), limit(7 * 3600)]).toEqual(['rate_limited', 'rate_limited', 'quota_exhausted', 'quota_exhausted']);
  });
});

describe('request ids a sentence names', () => {
  it('SageMaker’s "regarding request", Azure Resource Manager’s "tracking activity id is", OpenAI’s inside a client’s log line', () => {
    expect(c('aws/aws-sagemaker-invokeendpoint-internalfailure').requestId).toBe('6fa5c87f-4204-48fb-9ab8-1cdd49dd6e7d');
    expect(c('azure/azure-arm-internal-server-error-aci').requestId).toBe('e41cec0a-60e3-4a8c-9a15-8cb41b13f9cd');
    expect(fieldsOf(c('openai/openai-model-overloaded-dust-log'), ['vendor', 'requestId'])).toEqual(['llm-text', 'aec445619612a1d8772af4ad6f63d193']);
    // Only an id's shape: a word after the phrase is none.
    expect(classify({ body: 'Please contact customer support regarding request limits.' }).requestId).toBeUndefined();
  });
});

describe('Gemini candidates stopped after some content', () => {
  it('SAFETY after partial text is content_filtered, as Google’s SDKs refuse its text', () => {
    for (const f of both('gemini-api/gemini-api-finish-reason-safety-200')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['content_filtered', 'SAFETY']);
  });

  it('RECITATION closing a stream is its error event, after output was delivered', () => {
    const body = files.flatMap((f) => f.cases).find((k) => k.id === 'gemini-api-stream-finish-reason-recitation')?.response.body ?? '';
    expect(sseError(body)?.delivered).toBe(true);
    const f = classify({ status: 200, headers: { 'content-type': 'text/event-stream' }, body });
    expect(fieldsOf(f, ['code', 'vendorCode', 'stream'])).toEqual(['content_filtered', 'RECITATION', { delivered: true }]);
    expect(g('gemini-api/gemini-api-stream-finish-reason-recitation').code).toBe('content_filtered');
    // A chunk that stopped for the caller's own limit is no error event.
    expect(sseError('data: {"candidates": [{"content": {"parts": [{"text": "a"}]}, "finishReason": "MAX_TOKENS"}]}\n\n')).toBeUndefined();
  });
});

describe('a success whose body says JSON and does not parse', () => {
  it('is malformed_response, retried as an idempotent call may be', () => {
    for (const f of both('stripe/stripe-python-invalid-json-200')) expect(fieldsOf(f, ['code', 'retry', 'message'])).toEqual(['malformed_response', 'idempotent', 'Malformed response']);
    expect(classify({ status: 200, headers: { 'content-type': 'application/json' }, body: 'OK' }).code).toBe('malformed_response');
  });

  it('but not a body that parses, lines of JSON, text after a whole object, an error read in it, or an error status', () => {
    expect(classify({ status: 200, body: '{"data": []}' }).code).toBe('unknown');
    expect(classify({ status: 200, body: '{"a": 1}\n{"b": 2}' }).code).toBe('unknown');
    expect(classify({ status: 200, body: '{"a": "}"} trailing' }).code).toBe('unknown');
    expect(classify({ status: 200, body: 'OK' }).code).toBe('unknown');
    expect(classify({ status: 200, body: '{"error": "rate limited"' }).code).toBe('rate_limited');
    expect(classify({ status: 500, body: '{"error": ' }).code).toBe('internal');
  });

  it('nor a body cut at the read bound, or one the async path read only in part: its rest may have parsed', async () => {
    const list = JSON.stringify({ data: Array.from({ length: 50 }, (_, i) => ({ id: i })) });
    expect(classify({ status: 200, body: list }, { maxBodyBytes: 100 }).code).toBe('unknown');
    expect(classify({ status: 200, body: new TextEncoder().encode(list) }, { maxBodyBytes: 100 }).code).toBe('unknown');
    expect((await classifyResponse(new Response(list, { status: 200 }), { maxBodyBytes: 100 })).code).toBe('unknown');
    expect((await classifyResponse(new Response('{"data": [', { status: 200 }))).code).toBe('malformed_response');
  });
});

describe('profiles', () => {
  it('AppSync’s errorType under extensions is its code (Unauthorized a permission refused); ConflictUnhandled a conflict', () => {
    expect(fieldsOf(c('graphql/graphql-appsync-auth-error-in-200'), ['code', 'vendorCode'])).toEqual(['permission_denied', 'Unauthorized']);
    expect(fieldsOf(c('graphql/graphql-appsync-conflict-unhandled'), ['code', 'vendorCode'])).toEqual(['conflict', 'ConflictUnhandled']);
  });

  it('OpenEthereum’s -32015 whose data says "Reverted" is the call refused', () => {
    expect(fieldsOf(c('json-rpc/json-rpc-web3py-openethereum-vm-execution-error'), ['code', 'vendorCode'])).toEqual(['invalid_request', '-32015']);
    expect(classify({ body: '{"jsonrpc": "2.0", "id": 1, "error": {"code": -32015, "message": "VM execution error.", "data": "Out of gas"}}' }).code).toBe('unknown');
  });

  it('Cloudflare’s D1 database cap is an allowance; a duplicate its table lacks is already_exists; other unlisted codes keep their status', () => {
    expect(c('cloudflare/cloudflare-d1-database-limit-reached').code).toBe('quota_exhausted');
    expect(fieldsOf(c('cloudflare/cloudflare-kv-namespace-already-exists'), ['code', 'vendor'])).toEqual(['already_exists', 'cloudflare']);
    expect(earlier.c('cloudflare/cloudflare-go-fixture-400-waiting-room-range').code).toBe('invalid_request');
  });

  it('Anthropic’s revoked OAuth token under permission_error is a credential to replace', () => {
    expect(fieldsOf(c('anthropic/anthropic-llxprt-oauth-revoked-403'), ['code', 'vendorCode'])).toEqual(['unauthenticated', 'permission_error']);
    const other = '{"type":"error","error":{"type":"permission_error","message":"Your API key does not have permission to use the specified resource."}}';
    expect(classify({ status: 403, body: other }).code).toBe('permission_denied');
  });

  it('GitHub’s installation token refused the permissions asked for is a permission, not a field', () => {
    expect(fieldsOf(c('github/github-pygithub-installation-token-permissions-not-granted'), ['code', 'vendor'])).toEqual(['permission_denied', 'github']);
  });

  it('Vertex AI’s project refused a publisher model under FAILED_PRECONDITION', () => {
    expect(fieldsOf(c('vertex-ai/vertex-ai-publisher-model-not-allowed-log'), ['code', 'vendorCode'])).toEqual(['permission_denied', 'FAILED_PRECONDITION']);
  });

  it('SageMaker’s ModelError is the model container failing: bad_gateway in a body the AWS profile reads', () => {
    const body = '{"__type": "ModelError", "message": "Received server error (500) from primary with message \\"boom\\"."}';
    expect(fieldsOf(classify({ status: 424, headers: { 'x-amzn-requestid': 'b1c5e7f8-0d5d-4c3b-9f3e-0a1b2c3d4e5f' }, body }), ['code', 'vendor'])).toEqual(['bad_gateway', 'aws']);
  });
});

describe('printed forms', () => {
  it('botocore’s code before the page its error quotes', () => {
    for (const f of both('aws/aws-sagemaker-modelerror-500-html-truncated')) expect(f.vendorCode).toBe('ModelError');
  });

  it('azure-core’s inner error under "Exception Details:" names what failed', () => {
    for (const f of both('azure/azure-vm-invalid-parameter-httpresponseerror')) expect(f.vendorCode).toBe('InvalidParameter');
  });

  it('Apollo Client’s graphQLErrors is a list of errors, no field', () => {
    for (const f of both('graphql/graphql-wpgraphql-yoast-gqtyerror-printout')) expect(fieldsOf(f, ['code', 'message'])).toEqual(['internal', 'Internal server error']);
  });

  it('an SDK error object inside a client’s sentence gives its code', () => {
    for (const f of both('anthropic/anthropic-mito-stream-overloaded-repr')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['overloaded', 'overloaded_error']);
  });
});
