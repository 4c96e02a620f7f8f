/**
 * What the second profiled holdout's misses showed, once it had measured the tree blind. Every body is a corpus case
 * (its `source` says where it was copied from); the synthetic snapshots below only probe a rule's edge.
 *
 * - Bodies the vendors' profiles now read too: a Python repr pasted alone (Azure OpenAI's content filter, its
 *   `innererror` code), a body JSON-encoded a second time (Anthropic's error relayed by a proxy as a string), an event
 *   stream sent without its content type (openai-dotnet's recorded `event: error`).
 * - Vendors' own shapes: Cloudflare's `error_chain` (6103, 6111: a credential header malformed), GitHub's 422
 *   `errors[].code` (`custom` "A pull request already exists"), Azure OpenAI's `innererror.code`, Saleor's
 *   `extensions.exception.code`, fastapi-users' `{"detail": "LOGIN_BAD_CREDENTIALS"}`, geth's -32600 "batch too large",
 *   Solana's -32005 "Node is behind", Discord's 40060, the Gemini API's "User location is not supported".
 * - Printed forms: node-slack-sdk's "An API error occurred: <code>", googleapi's error mid-line, Terraform 0.11's bullets
 *   (no curl lines), a gRPC ErrorInfo in protobuf text, Solana web3.js and bitcoin-cli, the Hasura CLI, Google's Rust and
 *   PHP clients, Twilio's error URL, Cloudflare's 1101 page as text, aws-sdk-go v1 on one line, an AWS SDK v3 error
 *   logged as JSON.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { printedResponse } from '../../src/vendors/generic/printed-object.js';
import { PROFILED1_DIR, PROFILED2_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import type { ResponseSnapshot } from '../../src/core/profile.js';

const { c, g } = shapeReaders([PROFILED2_DIR]);
const first = shapeReaders([PROFILED1_DIR]);

const snapshot = (text: string, status?: number): ResponseSnapshot => ({ status, headers: { get: () => undefined } as never, json: undefined, text, contentType: '', host: undefined, now: 0 });

describe('bodies the vendors’ profiles read too', () => {
  it('a Python repr pasted alone: Azure OpenAI’s filter names itself in innererror', () => {
    expect(fieldsOf(c('azure-openai/azure-openai-content-filter-innererror'), ['code', 'vendorCode'])).toEqual(['content_filtered', 'ResponsibleAIPolicyViolation']);
  });

  it('a body JSON-encoded a second time: Anthropic’s type and request id', () => {
    expect(fieldsOf(c('anthropic/anthropic-continue-proxy-500-prompt-too-long'), ['code', 'vendorCode', 'requestId'])).toEqual(['context_length_exceeded', 'invalid_request_error', 'req_011CYzHZcxGiVKjrX213PeN6']);
  });

  it('an event stream with no content type is read for its error event', () => {
    const f = c('openai/openai-dotnet-assistants-stream-error-event');
    expect(fieldsOf(f, ['code', 'vendorCode', 'retry'])).toEqual(['internal', 'server_error', 'idempotent']);
    expect(f.stream).toEqual({ delivered: true });
  });

  it('a stream that says it is plain text is taken at its word', () => {
    const body = 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    expect(classify({ status: 200, headers: { 'content-type': 'text/plain' }, body }).stream).toBeUndefined();
    expect(classify({ status: 200, body }).code).toBe('overloaded');
  });

  it('JSON cut off is left to the generic layer; a word the cut ended inside is no vendor’s code', () => {
    expect(printedResponse(snapshot('{"type":"error","error":{"type":"overloaded_er'))).toBeUndefined();
    expect(printedResponse(snapshot("Error code: 429 - {'error': {'message': 'Rate limit reached for', 'code': 'rate_li"))?.json).toEqual({ error: { message: 'Rate limit reached for' } });
    expect(printedResponse(snapshot("{'error': {'message': 'The prompt is too long for th"))?.json).toEqual({ error: { message: 'The prompt is too long for th\u2026' } });
  });
});

describe('vendors’ own shapes', () => {
  it.each([
    ['cloudflare/cloudflare-invalid-authorization-header-6111', 'unauthenticated', '6111'],
    ['cloudflare/cloudflare-invalid-auth-key-format-python-repr', 'unauthenticated', '6103'],
    ['github/github-curl-pr-already-exists', 'already_exists', 'custom'],
    ['github/github-python-repr-pr-already-exists', 'already_exists', 'custom'],
    ['graphql/graphql-saleor-permission-denied-in-200', 'permission_denied', 'PermissionDenied'],
    ['fastapi/fastapi-users-login-bad-credentials', 'unauthenticated', 'LOGIN_BAD_CREDENTIALS'],
    ['json-rpc/json-rpc-geth-batch-too-large', 'payload_too_large', '-32600'],
    ['json-rpc/json-rpc-solana-devnet-node-behind', 'service_unavailable', '-32005'],
    ['discord/discord-js-interaction-already-acknowledged', 'conflict', '40060'],
    ['gemini-api/gemini-api-400-user-location-not-supported', 'permission_denied', 'FAILED_PRECONDITION'],
  ])('%s: %s, %s', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('Azure OpenAI’s status spelled as its code ("429") is the status, not a code', () => {
    const body = '{"error":{"code":"429","message":"Rate limit is exceeded. Try again in 2 seconds."}}';
    expect(fieldsOf(classify({ status: 429, body }, { vendor: 'openai' }), ['code', 'vendorCode', 'retryAfterMs'])).toEqual(['rate_limited', undefined, 2000]);
  });
});

describe('words', () => {
  it.each([
    ['github/github-octokit-js-504-couldnt-respond-in-time', 'gateway_timeout'],
    ['stripe/stripe-no-such-customer-live-key-test-object', 'not_found'],
    ['slack/slack-notifier-webhook-action-prohibited', 'permission_denied'],
    ['openai/openai-mindcraft-node-insufficient-quota', 'quota_exhausted'],
  ])('%s is %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('the Gemini API’s region refusal printed by google-api-core, from the first profiled holdout', () => {
    expect(first.c('gemini-api/gemini-api-400-user-location-rest').code).toBe('permission_denied');
  });

  it('GitHub’s REST API asks for its request id in a sentence', () => {
    expect(c('github/github-octokit-rb-secondary-rate-limit').requestId).toBe('FA2D:87B1:8879E3:1176C87:6570B7E6');
  });
});

describe('printed forms the generic layer reads', () => {
  it.each([
    ['slack/slack-node-fatal-error-printout', 'fatal_error'],
    ['google-cloud/google-cloud-bigquery-dataset-duplicate-terraform', 'duplicate'],
    ['google-cloud/google-cloud-service-disabled-terraform', 'accessNotConfigured'],
    ['gemini-api/gemini-api-429-api-core-rate-limit-proto-text', 'RATE_LIMIT_EXCEEDED'],
    ['json-rpc/json-rpc-solana-web3js-node-behind-printout', '-32005'],
    ['json-rpc/json-rpc-bitcoin-cli-loading-block-index', '-28'],
    ['graphql/graphql-hasura-cli-admin-only', 'access-denied'],
    ['vertex-ai/vertex-ai-429-embed-tokens-per-minute-rust', 'RESOURCE_EXHAUSTED'],
    ['vertex-ai/vertex-ai-403-predict-permission-php', 'PERMISSION_DENIED'],
    ['vertex-ai/vertex-ai-400-context-length-warp', 'INVALID_ARGUMENT'],
    ['twilio/twilio-go-struct-printout-21408', '21408'],
    ['cloudflare/cloudflare-workers-1101-worker-threw-exception', '1101'],
    ['aws/aws-timestream-expired-token-go-v1', 'ExpiredTokenException'],
    ['aws/aws-bedrock-throttling-js-v3-metadata', 'ThrottlingException'],
  ])('%s names %s', (ref, vendorCode) => {
    expect(g(ref).vendorCode).toBe(vendorCode);
    expect(c(ref).vendorCode).toBe(vendorCode);
  });

  it('Spring’s Whitelabel page names the status in words, not a code', () => {
    expect(fieldsOf(c('spring-boot/spring-boot-whitelabel-403-user-locked'), ['code', 'vendorCode'])).toEqual(['permission_denied', undefined]);
  });

  it('a curl line is still no server’s word', () => {
    expect(classify({ status: 403, body: '* schannel: server close notification received (close_notify)\n< HTTP/1.1 403 Forbidden' }).vendorCode).toBeUndefined();
  });
});
