/**
 * Formats the third holdout showed many SDKs and loggers share (src/vendors/generic): a status
 * printed in a log line or a request line's outcome, AWS SDK for Java v2's exception class, the AWS
 * query protocol's dotted codes, Google's Go client, a code closing a log line in parentheses, the
 * `retCode`/`retMsg` and `errcode`/`errmsg` envelopes, and problem+json whose `type` is a glossary
 * page. Each body is a corpus case (its `source` says where it was copied from); the hostile inputs
 * count characters handed to the string machinery, never wall time.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { classify } from '../../src/entry/default-classifier.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { statusInText } from '../../src/vendors/generic/printed-status.js';
import { PRINTED_FORMS, printedCode } from '../../src/vendors/generic/printed-forms.js';
import { CORPUS_DIR, corpusResponse, HOLDOUT2_DIR, HOLDOUT3_DIR, loadCorpus } from '../corpus/corpus.js';
import { stringWork } from '../support/string-work.js';

const generic = createClassifier({ profiles: [genericProfile] });
const g = (response: unknown) => generic.classify(response, { now: 0 });

const CORPUS = [...loadCorpus(CORPUS_DIR), ...loadCorpus(HOLDOUT2_DIR), ...loadCorpus(HOLDOUT3_DIR)];
const corpus = (ref: string) => corpusResponse(CORPUS, ref);

describe('a status printed in the text', () => {
  it.each([
    // Hummingbot's connector log: `HTTP status is 429.`
    ['bybit/hummingbot-429-empty', 'rate_limited'],
    // XChange's rescu client log: `Http call returned 429; response body:`
    ['okx/xchange-429-requests-too-frequent', 'rate_limited'],
  ])('%s reads as %s', (ref, code) => {
    expect(g(corpus(ref)).code).toBe(code);
  });

  it('reads a status followed by its own reason phrase anywhere in a line (ccxt: `POST https://… 429 Too Many Requests`)', () => {
    expect(statusInText(corpus('okx/ccxt-429-exchange-busy').body)).toBe(429);
    expect(statusInText(corpus('replicate/trpc-502-bad-gateway').body)).toBe(502);
  });

  it('takes no number before a word that is not its reason phrase, nor one inside a path or a version', () => {
    expect(statusInText('Fetched 404 records from /v2/429 Too')).toBeUndefined();
    expect(statusInText('build 1.429 Too Many Requests')).toBeUndefined();
  });

  it('lets a proxy page’s words name a gateway timeout under its 503 (Fastly: `Error 503 first byte timeout`)', () => {
    const f = classify(corpus('varnish-fastly/fastly-503-first-byte-timeout'));
    expect(f.code).toBe('gateway_timeout');
    expect(f.retry).toBe('idempotent');
  });
});

describe('codes in forms SDKs print', () => {
  it.each([
    // AWS SDK for Java v2: the exception class is the error code (software.amazon.awssdk.services.<svc>.model.<Code>).
    ['aws-kinesis/java-v2-throughput-exceeded', 'ProvisionedThroughputExceededException'],
    // The query protocol's dotted codes, as the PHP SDK and aws-sdk-js v2 print them.
    ['aws-sqs/php-nonexistent-queue', 'AWS.SimpleQueueService.NonExistentQueue'],
    ['aws-sqs/node-sdk-v2-printout', 'AWS.SimpleQueueService.NonExistentQueue'],
    // google-api-go-client's googleapi.Error: `googleapi: Error 403: <message>, <reason>`.
    ['youtube-data-api/go-googleapi-403-quota', 'quotaExceeded'],
    // A log line closing with `(ErrCode: N)`.
    ['bybit/pybit-log-10006', '10006'],
    // The Firebase JS SDK's FirebaseError string: `FirebaseError: [code=resource-exhausted]: …`.
    ['firestore/firestore-js-resource-exhausted-quota', 'resource-exhausted'],
    // The Coinbase Python SDK: `APIError(id=authentication_error): invalid signature`.
    ['coinbase/invalid-signature-python-printout', 'authentication_error'],
    // Tweetinvi's printout: `Details : Rate limit exceeded (88)`.
    ['twitter-x/v1-rate-limit-tweetinvi-printout', '88'],
    // gosnowflake: `390114: Authentication token has expired.`
    ['snowflake/snowflake-go-390114-token-expired', '390114'],
  ])('%s: %s', (ref, code) => {
    expect(g(corpus(ref)).vendorCode).toBe(code);
  });

  it('names no code for Java v2’s per-service catch-all class (the class must say more than the service)', () => {
    expect(printedCode('software.amazon.awssdk.services.s3.model.S3Exception: Access Denied (Service: S3, Status Code: 403, Request ID: X)')).toBeUndefined();
  });

  it('reads `retCode`/`retMsg` envelopes by their members, and reads "too many visits" and "too frequent" as a throttle', () => {
    const f = g(corpus('bybit/ccxt-10006-too-many-visits'));
    expect([f.code, f.vendorCode, f.message]).toEqual(['rate_limited', '10006', 'Too many visits']);
    expect(g(corpus('okx/xchange-429-requests-too-frequent')).vendorCode).toBe('50011');
  });
});

describe('problem+json whose `type` is a glossary page', () => {
  it('takes the title as the code and reads its words (Mailchimp’s `Member Exists`)', () => {
    const f = classify(corpus('mailchimp/member-exists-400'));
    expect([f.code, f.vendorCode]).toEqual(['already_exists', 'Member Exists']);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  const MIB = 1024 * 1024;
  it.each([
    ['Java v2 near-misses', (n: number) => 'awssdk.services.s3.model.A'.repeat(n / 26)],
    ['dotted-code near-misses', (n: number) => 'AWS.A.'.repeat(n / 6)],
    ['googleapi near-misses', (n: number) => `googleapi: Error 403: ${'a, '.repeat(n / 3)}`],
    ['parenthesised ErrCode near-misses', (n: number) => '(ErrCode: '.repeat(n / 10)],
  ])('%s: each form reads the text once', (_name, make) => {
    const text = make(MIB);
    const { chars } = stringWork(() => printedCode(text));
    // One read of the text per printed form, and one to spare.
    expect(chars).toBeLessThanOrEqual((PRINTED_FORMS.length + 1) * text.length);
  });

  it('the status scan stops after a bounded number of numbers, whatever the body', () => {
    const one = '429 x '.repeat(MIB / 6);
    const a = stringWork(() => generic.classify({ body: one }));
    expect(a.chars).toBeLessThanOrEqual(32 * 65_536);
  });
});

describe('more printed forms and the public corpus cases they read', () => {

  it('takes no 4xx or 5xx in closing parentheses as a code: that is the status restated', () => {
    expect(printedCode('Error: Forbidden (403)')).toBeUndefined();
  });

  it('leaves npm’s `error code E403` to the generic layer: only Cloudflare’s `error code: N` text is an edge page', () => {
    const f = classify(corpus('npm-registry/npm-publish-403-no-permission'));
    expect([f.vendor, f.vendorCode]).toEqual(['generic', 'E403']);
  });
});
