/**
 * What the third profiled holdout's misses showed, once the fourth had been gathered blind. Every body named by id is a
 * corpus case (its `source` says where it was copied from); the inline snapshots only probe a rule's edge.
 *
 * - Google's generative APIs refusing under a 200: Gemini candidates that ended with no content (SAFETY, OTHER), Imagen's
 *   predictions all filtered, Imagen's prompt refused for "Google's Responsible AI practices"; a stream that failed
 *   part-way and wrote its error as plain JSON after its events; @google/genai's ApiError whose message is the body.
 * - Vendors' own codes and words: Slack's `invalid_auth_*` and @slack/web-api's error as node prints it, OpenAI's
 *   `missing_scope` and its organization verification, an Assistants run still active, GitHub's failed-login limit,
 *   Azure's `RequestDisallowedByPolicy` and `PermissionDenied`, AWS's `QuotaExceededException` and the request id of an
 *   SDK v3 error logged as JSON, graphql-php's `category`, a contract call reverted under -32603, FastAPI's tutorial's
 *   details, n8n's `errorDescription`, Anthropic's "exceeds model context window".
 * - Printed forms: stripe-ios' NSError, Eris' `DiscordRESTError [code]`, aws-sdk-go v1 after a timestamp, aws-sdk-cpp's
 *   `ExceptionName:`; Azure Resource Manager's "Please try after 'N' seconds".
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { PROFILED3_DIR, PROFILED4_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c, g } = shapeReaders([PROFILED3_DIR]);
const fourth = shapeReaders([PROFILED4_DIR]);

describe('Google’s generative APIs refusing under a success status', () => {
  it('a candidate that ended with no content: OTHER is the model failing, SAFETY a filter', () => {
    expect(fieldsOf(c('gemini-api/gemini-api-fb-finish-other-internal'), ['code', 'vendorCode'])).toEqual(['internal', 'OTHER']);
    expect(fieldsOf(fourth.c('vertex-ai/vertex-ai-finish-reason-safety-no-content'), ['code', 'vendorCode'])).toEqual(['content_filtered', 'SAFETY']);
  });

  it('a candidate with content is an answer unless the safety or recitation check stopped it; so is an ending the caller reads', () => {
    // Google's SDKs hand over no text of a candidate that SAFETY or RECITATION stopped (./profiled-holdout4-shapes.test.ts);
    // another filter's reason after content, or the caller's own limit, leaves an answer.
    const answer = { candidates: [{ content: { parts: [{ text: 'Once' }] }, finishReason: 'PROHIBITED_CONTENT' }] };
    expect(classify({ status: 200, body: JSON.stringify(answer) }).code).toBe('unknown');
    expect(classify({ status: 200, body: JSON.stringify({ candidates: [{ content: { parts: [{ text: 'Once' }] }, finishReason: 'MAX_TOKENS' }] }) }).code).toBe('unknown');
    expect(classify({ status: 200, body: JSON.stringify({ candidates: [{ finishReason: 'MAX_TOKENS' }] }) }).code).toBe('unknown');
    // One filtered candidate beside one with content is an answer too.
    const mixed = { candidates: [{ finishReason: 'SAFETY' }, { content: { parts: [{ text: 'x' }] }, finishReason: 'STOP' }] };
    expect(classify({ status: 200, body: JSON.stringify(mixed) }).code).toBe('unknown');
  });

  it('Imagen’s predictions all filtered, and its prompt refused by its Responsible AI practices', () => {
    expect(fieldsOf(c('vertex-ai/vertex-ai-fb-imagen-all-filtered-200'), ['code', 'vendor'])).toEqual(['content_filtered', 'google']);
    expect(fieldsOf(c('vertex-ai/vertex-ai-fb-imagen-prompt-blocked'), ['code', 'vendorCode'])).toEqual(['content_filtered', 'INVALID_ARGUMENT']);
    // One image that came through makes the answer a success.
    const partial = { predictions: [{ raiFilteredReason: 'One image was filtered out.' }, { bytesBase64Encoded: 'iVBORw0KGgo=', mimeType: 'image/png' }] };
    expect(classify({ status: 200, body: JSON.stringify(partial) }).code).toBe('unknown');
  });

  it('a stream that failed part-way and wrote its error as plain JSON after its events', () => {
    const f = c('vertex-ai/vertex-ai-fb-stream-cancelled-mid-stream');
    expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['cancelled', 'CANCELLED']);
    expect(f.stream).toEqual({ delivered: true });
  });

  it('only the first line that opens with a brace is tried: JSON lines cost one parse', () => {
    const lines = `data: {"candidates": []}\n\n${'{\n'.repeat(20_000)}`;
    expect(classify({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: lines }).code).toBe('unknown');
    const late = `data: {"candidates": []}\n\n{"broken"\n{"error": {"code": 503, "message": "x", "status": "UNAVAILABLE"}}`;
    // Not the stream's error event: the body is read whole instead.
    expect(classify({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: late }).stream).toBeUndefined();
  });

  it('@google/genai’s ApiError, whose message is the body, read for the status it holds', () => {
    expect(fieldsOf(c('gemini-api/gemini-api-cli-503-overloaded-double-wrapped'), ['code', 'vendorCode'])).toEqual(['overloaded', 'UNAVAILABLE']);
    expect(fieldsOf(c('gemini-api/gemini-api-jsgenai-500-internal'), ['code', 'vendorCode'])).toEqual(['internal', 'INTERNAL']);
    expect(fieldsOf(g('gemini-api/gemini-api-jsgenai-500-internal'), ['vendorCode'])).toEqual(['INTERNAL']);
  });
});

describe('vendors’ own codes and words', () => {
  it.each([
    ['slack/slack-bolt-auth-test-invalid-auth-local', 'unauthenticated', 'invalid_auth_local'],
    ['slack/slack-node-webapi-platform-error-channel-not-found', 'not_found', 'channel_not_found'],
    ['openai/openai-missing-scope-responses-write', 'permission_denied', 'missing_scope'],
    ['openai/openai-org-verification-required-stream', 'permission_denied', 'unsupported_value'],
    ['openai/openai-assistants-run-active-conflict', 'conflict', 'invalid_request_error'],
    ['azure/azure-arm-policy-disallowed-template', 'permission_denied', 'RequestDisallowedByPolicy'],
    ['azure-openai/azure-openai-principal-permission-denied', 'permission_denied', 'PermissionDenied'],
    ['aws/aws-servicequotas-quotaexceeded-js-v3', 'quota_exhausted', 'QuotaExceededException'],
    ['graphql/graphql-wpgraphql-internal-server-error', 'internal', 'internal'],
    ['json-rpc/json-rpc-moonbeam-eth-call-revert', 'invalid_request', '-32603'],
    ['fastapi/fastapi-400-inactive-user', 'permission_denied', undefined],
    ['fastapi/fastapi-400-x-token-header-invalid', 'unauthenticated', undefined],
    ['fastapi/fastapi-users-login-user-not-verified', 'permission_denied', 'LOGIN_USER_NOT_VERIFIED'],
    ['anthropic/anthropic-413-exceeds-context-window', 'context_length_exceeded', 'invalid_request_error'],
  ])('%s: %s (%s)', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('GitHub’s failed-login limit is a throttle on a 403, with or without its docs link', () => {
    expect(fieldsOf(c('github/github-max-login-attempts-403'), ['code', 'retry', 'vendor'])).toEqual(['rate_limited', 'always', 'github']);
    const docs = { message: 'Maximum number of login attempts exceeded. Please try again later.', documentation_url: 'https://docs.github.com/rest' };
    expect(classify({ status: 403, body: JSON.stringify(docs) }).code).toBe('rate_limited');
  });

  it('GitHub’s "Resource not accessible by integration" is a refused permission, printed alone', () => {
    expect(fieldsOf(c('github/github-octokit-graphql-resource-not-accessible'), ['code'])).toEqual(['permission_denied']);
  });

  it('the request id of an AWS SDK v3 error logged as JSON', () => {
    expect(c('aws/aws-servicequotas-quotaexceeded-js-v3').requestId).toBe('9de50d57-fd58-4c44-abb0-5cbc354d7273');
  });

  it('n8n’s node error: the service’s own description says the allowance is a day’s', () => {
    expect(fieldsOf(c('openrouter/openrouter-free-models-per-day-n8n'), ['code', 'retry'])).toEqual(['quota_exhausted', 'never']);
  });

  it('graphql-php’s category is read only in lower case: Square’s category beside its code is its own', () => {
    const square = { errors: [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED', detail: 'The `Authorization` http header of your request was malformed.' }] };
    expect(classify({ body: JSON.stringify(square) }).vendorCode).toBe('UNAUTHORIZED');
  });
});

describe('printed forms', () => {
  it.each([
    ['stripe/stripe-ios-card-declined-nserror', 'payment_required', 'card_declined'],
    ['discord/discord-eris-50013-missing-permissions-get-webhooks', 'permission_denied', '50013'],
    ['aws/aws-lambda-request-entity-too-large-go-v1', 'payload_too_large', 'RequestEntityTooLargeException'],
    ['aws/aws-s3-internalerror-cpp', 'service_unavailable', 'InternalError'],
  ])('%s: %s (%s)', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('Azure Resource Manager’s "Please try after \'N\' seconds" is a wait', () => {
    expect(c('azure/azure-arm-collection-throttled-vscode').retryAfterMs).toBe(239_000);
  });
});
