/**
 * What the ninth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: the tenth holdout does): exchanges' nonce and passphrase errors are
 * credentials; Python clients' connection, read-timeout and JSON-decode failures; llama.cpp's `n_ctx`;
 * credits that refill each minute; a bare "missing"; `Error Message`, `response_code` and dotted `id`
 * codes; "You must wait 60 seconds". Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { codeByMeaning } from '../../src/vendors/generic/decide.js';
import { HOLDOUT9_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT9_DIR]);

describe('words', () => {
  it.each([
    // Bitstamp: 403 `{"reason": "Invalid nonce", "code": "API0004"}`; KuCoin: "Invalid KC-API-PASSPHRASE"
    ['bitstamp/balance-invalid-nonce-403', 'unauthenticated'],
    ['kucoin/invalid-passphrase-node-printout', 'unauthenticated'],
    // aiohttp: "Cannot connect to host api.fivetran.com:443 ssl:default [Connect call failed …]"
    ['fivetran/fivetran-airflow-connect-call-failed', 'connect_failed'],
    // urllib3: "HTTPSConnectionPool(host='genius.com', port=443): Read timed out. (read timeout=5)"
    ['genius/genius-read-timeout', 'client_timeout'],
    // Python 2's json: "ValueError: No JSON object could be decoded" on an HTML login page
    ['rocket-chat/login-html-instead-of-json-python', 'malformed_response'],
    // llama.cpp under LM Studio: "Cannot truncate prompt with n_keep (15028) >= n_ctx (7424)"
    ['lm-studio/lmstudio-n-keep-ge-n-ctx', 'context_length_exceeded'],
    // Twelve Data: "You have run out of API credits for the current minute"; "You have reached the API calls limit."
    ['twelve-data/twelve-data-429-minute-credits-body', 'rate_limited'],
    ['twelve-data/twelve-data-api-calls-limit-printout', 'rate_limited'],
    // Zulip: "Missing 'num_before' argument", no status
    ['zulip/missing-argument-python-repr', 'invalid_request'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads an exchange’s signing nonce as a credential, never an Ethereum transaction’s ("nonce too low" is geth’s)', () => {
    expect(codeByMeaning(undefined, undefined, 'Nonce is too small.')).toBe('unauthenticated');
    // A transaction's nonce the account has already used is the wrong state, not a credential (session 38).
    expect(codeByMeaning(undefined, undefined, 'nonce too low')).toBe('conflict');
  });

  it('keeps credits that do not refill a payment matter, and a bare "missing" weaker than any status', () => {
    expect(codeByMeaning(undefined, undefined, 'You have run out of API credits.')).toBe('payment_required');
    expect(codeByMeaning(500, undefined, "Missing 'num_before' argument")).toBeUndefined();
  });
});

describe('members', () => {
  it('reads an `Error Message` member, under a 200 too (Financial Modeling Prep, as Alpha Vantage names it)', () => {
    expect(c('financial-modeling-prep/fmp-200-invalid-api-key').code).toBe('unauthenticated');
  });

  it('reads `response_code` as a code (Bitstamp’s `"400.021"`)', () => {
    expect(c('bitstamp/order-price-below-market-response-code').vendorCode).toBe('400.021');
  });

  it('reads a dotted lowercase `id` beside a message as the code (Mattermost’s `api.context.session_expired.app_error`)', () => {
    expect(fieldsOf(c('mattermost/session-expired-401-curl'), ['code', 'vendorCode', 'requestId'])).toEqual(['unauthenticated', 'api.context.session_expired.app_error', 'g1ezfufz178xdecbjj6snifpey']);
  });
});

describe('waits', () => {
  it('reads "You must wait 60 seconds before trying this endpoint again" (Rocket.Chat)', () => {
    expect(c('rocket-chat/rest-rate-limiter-60s-fragment').retryAfterMs).toBe(60_000);
  });
});
