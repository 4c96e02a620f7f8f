/**
 * What the eighth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: the ninth holdout does): a 429's words never make it a permission; a wait of
 * half a day is an allowance; "try again in a minute"; a JSON parser quoting a reason phrase as the
 * body's start; `Server Response 400:`; a `text` message, a `content` wrapper and a `refId`; an error
 * object's UUID as its request id; "does not exists" is no "exists"; GraphQL's TOKEN_EXPIRED. Every
 * body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { codeByMeaning } from '../../src/vendors/generic/decide.js';
import { statusInText } from '../../src/vendors/generic/printed-status.js';
import { waitInText } from '../../src/vendors/generic/wait.js';
import { HOLDOUT8_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT8_DIR]);

describe('limits', () => {
  it('keeps a 429 a throttle whatever it says of blocking (Tavily: "blocked due to excessive requests")', () => {
    expect(c('tavily/tavily-429-excessive-requests-doc').code).toBe('rate_limited');
    expect(codeByMeaning(429, undefined, 'Your access is forbidden for now')).toBeUndefined();
    expect(codeByMeaning(undefined, undefined, 'Your access is forbidden for now')).toBe('permission_denied');
  });

  it('reads a stated wait of six hours or more as a spent allowance (GoCardless: "4/day … try again in 85092 seconds")', () => {
    expect(fieldsOf(c('gocardless-bank-data/rate-limit-4-per-day-retry-seconds'), ['code', 'retry', 'retryAfterMs'])).toEqual(['quota_exhausted', 'never', 85_092_000]);
    // Six hours since session 37 (Google Ads' 11-hour wait for its basic-access operations quota); less stays a throttle.
    expect(classify({ body: 'Rate limit exceeded. Please try again in 5 hours' }).code).toBe('rate_limited');
    expect(classify({ body: 'Rate limit exceeded. Please try again in 11 hours' }).code).toBe('quota_exhausted');
  });

  it('reads "try again in a minute" and "in an hour" as one of the unit (Strapi)', () => {
    expect(c('strapi/strapi-v3-sdk-too-many-attempts').retryAfterMs).toBe(60_000);
    expect(waitInText('Quota reached, retry in an hour.')).toBe(3_600_000);
    expect(waitInText('Please try again in a moment.')).toBeUndefined();
  });
});

describe('printed statuses', () => {
  it('reads the status whose reason phrase a JSON parser quotes as the body’s start (PocketHost’s "Too Many R"…)', () => {
    expect(c('pocketbase/pockethost-too-many-requests-json-parse').code).toBe('rate_limited');
    expect(statusInText(`SyntaxError: Unexpected token 'I', "Internal S"... is not valid JSON`)).toBe(500);
    expect(statusInText(`SyntaxError: Unexpected token '<', "<!DOCTYPE "... is not valid JSON`)).toBeUndefined();
  });

  it('reads `Server Response 400:` (printful’s Python client)', () => {
    expect(c('printful/no-product-name-python').code).toBe('invalid_request');
  });
});

describe('members', () => {
  it('reads a `text` member as the message when nothing else is one (Splunk HEC’s `{"text":"Invalid token","code":4}`)', () => {
    expect(c('splunk-hec/splunk-hec-invalid-token-code-4-curl').code).toBe('unauthenticated');
  });

  it('reads an error under `content`, and its `refId` (Smartsheet)', () => {
    expect(fieldsOf(c('smartsheet/smartsheet-python-4003-rate-limit'), ['vendorCode', 'requestId'])).toEqual(['4003', 'SOME_REF_ID']);
  });

  it('takes an error object’s UUID `id` as the request id when nothing else is one (Brave Search), and never a top-level one', () => {
    expect(c('brave-search/brave-422-validation-app-wrapped').requestId).toBe('ade84851-a6f3-4cf9-8c76-1dc897718b0b');
    expect(classify({ status: 404, body: '{"id":"ade84851-a6f3-4cf9-8c76-1dc897718b0b","message":"Not found"}' }).requestId).toBeUndefined();
  });
});

describe('words', () => {
  it('reads "does not exists" and `CollectionNotExists` as not found, never as already exists (Chroma, Milvus)', () => {
    expect(c('chroma/chroma-notfounderror-python-client').code).toBe('not_found');
    expect(c('zilliz-milvus/milvus-collection-not-exists-nested-code').code).toBe('not_found');
    expect(codeByMeaning(409, undefined, 'A collection with this name already exists')).toBe('already_exists');
  });

  it('keeps not_found under a 400 when the vendor code itself says so (OpenAI-compatible servers’ `model_not_found`)', () => {
    expect(codeByMeaning(400, 'model_not_found', 'Invalid model identifier "o4-mini".')).toBe('not_found');
    expect(codeByMeaning(400, 'invalid_parameter', 'Model "o4-mini" not found.')).toBeUndefined();
  });

  it('reads "does not exist or you do not have permissions" as not found (Azure DevOps TF401019)', () => {
    expect(c('azure-devops/ado-tf401019-git-repo-not-found-powershell').code).toBe('not_found');
  });

  it('reads GraphQL’s `TOKEN_EXPIRED` extension code as unauthenticated (Directus)', () => {
    expect(c('directus/directus-token-expired').code).toBe('unauthenticated');
  });
});
