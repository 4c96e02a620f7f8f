/**
 * The vendor's code as SDKs and CLIs print it (src/vendors/generic/printed-code.ts) and the envelope
 * rules that read printed JSON: each form with a corpus body (its source in the corpus case) or a
 * body copied from the vendor's docs, the wrong picks it must not make, and linear work on hostile
 * input (characters handed to the string machinery, never wall time).
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { readEnvelope } from '../../src/vendors/generic/envelope.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { leadingCode, quotedObject, withLeadingCode } from '../../src/vendors/generic/printed-code.js';
import { PRINTED_FORMS, printedCode } from '../../src/vendors/generic/printed-forms.js';
import { scanObject } from '../../src/vendors/generic/scan.js';
import { HOLDOUT2_DIR, HOLDOUT_DIR, loadCorpus } from '../corpus/corpus.js';
import { stringWork } from '../support/string-work.js';

const generic = createClassifier({ profiles: [genericProfile] });
const g = (response: unknown) => generic.classify(response, { now: 0 });

const CORPUS = [...loadCorpus(), ...loadCorpus(HOLDOUT_DIR), ...loadCorpus(HOLDOUT2_DIR)];
/** A corpus case's response, verbatim (the case's `source` names where it was copied from). */
function corpus(ref: string): { status?: number; body: string } {
  const [family, id] = ref.split('/');
  const c = CORPUS.find((f) => f.family === family)?.cases.find((k) => k.id === id);
  if (c === undefined) throw new Error(`no corpus case ${ref}`);
  return { ...(c.response.status === undefined ? {} : { status: c.response.status }), body: c.response.body ?? '' };
}

describe('printed forms: each SDK or CLI states the code in its own fixed words', () => {
  it.each([
    // AWS SDK for Java v1, AmazonServiceException.getMessage() (docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/AmazonServiceException.html: getErrorCode "the AWS error code")
    ['s3/s3-java-access-denied', 'AccessDenied'],
    ['s3/s3-java-slow-down', 'SlowDown'],
    ['dynamodb/ddb-java-ptee-cut-before-request-id', 'ProvisionedThroughputExceededException'],
    ['dynamodb/ddb-appsync-conditional-check-failed', 'ConditionalCheckFailedException'],
    // AWS SDK for Go v2: smithy-go's GenericAPIError prints `api error <Code>: <Message>`
    ['dynamodb/ddb-go-v2-throttling-hot-key', 'ThrottlingException'],
    ['dynamodb/ddb-go-v2-validation-empty-index-key', 'ValidationException'],
    // npm's error summary (npm/cli lib/utils/error-message.js; `npm ERR!` before npm 10, `npm error` since)
    ['npm-registry/npm-e429-get-tarball', 'E429'],
    ['npm-registry/npm-10-e429-no-url', 'E429'],
    ['npm-registry/npm-publish-403-no-permission', 'E403'],
    ['npm-registry/npm-3-publish-failed-put-403', 'E403'],
    // kubectl prints the Status object's reason (kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/)
    ['kubernetes/k8s-kubectl-conflict-replace', 'Conflict'],
    ['kubernetes/k8s-kubectl-expired-list-too-old', 'Expired'],
    // grpc-go's status error: `rpc error: code = <Code> desc = <message>`
    ['google-cloud-storage/gcs-grpc-resource-exhausted-object-mutation', 'ResourceExhausted'],
    // PEP 249 drivers: the vendor's number, then the SQLSTATE
    ['snowflake/snowflake-python-390114-token-expired', '390114'],
    // the MongoDB Atlas Go client's ErrorResponse: `<status> (request "<errorCode>")`
    ['mongodb-atlas/atlas-403-ip-not-on-access-list', 'IP_ADDRESS_NOT_ON_ACCESS_LIST'],
    ['mongodb-atlas/atlas-403-requires-whitelist', 'Forbidden'],
    // an OAuth 2.0 error code (RFC 6749 §5.2) opening a link: openid-client's OPError prints `<error> (<error_description>)`
    ['keycloak/session-not-active-oidc-printout', 'invalid_grant'],
    // a code alone on its line (Vercel's error codes, vercel.com/docs/errors)
    ['vercel/vercel-function-timeout-plain-no-status', 'FUNCTION_INVOCATION_TIMEOUT'],
    // botocore's ClientError.MSG_TEMPLATE (botocore/exceptions.py): 'An error occurred ({error_code}) when calling the {operation_name} operation{retry_info}: {error_message}'
    ['minio/slowdown-awscli', 'SlowDown'],
    // aws-sdk-go v1 awserr (aws/awserr/types.go): SprintError's `code: message`, then `\n\tstatus code: %d, request id: %s` for a RequestFailure
    ['cloudflare-r2/no-such-key-go-sdk', 'NoSuchKey'],
    // a gRPC status name opening the line (Istio's Mixer RBAC denial)
    ['istio/mixer-rbac-permission-denied', 'PERMISSION_DENIED'],
    // b2sdk's InvalidAuthToken.__str__: 'Invalid authorization token. Server said: %s (%s)' % (message, code)
    ['backblaze-b2/bad-auth-token-cli', 'bad_auth_token'],
    ['backblaze-b2/bad-auth-token-python-sdk', 'bad_auth_token'],
  ])('%s → %s', (ref, code) => {
    const response = corpus(ref);
    expect(printedCode(response.body)).toBe(code);
    expect(g(response).vendorCode).toBe(code);
  });

  it('takes no class name, URL, status or sentence for a code', () => {
    for (const ref of [
      'netlify/netlify-cli-text-http-forbidden',
      'mollie/unknown-parameter-dotnet-printout',
      'heroku/heroku-python-requests-401',
      'gitlab/gitlab-python-list-error-403',
      'telegram-bot-api/bot-blocked-telegraf-printout',
      'digitalocean/do-doctl-401-go-printout',
      'snowflake/snowflake-jdbc-token-expired',
    ]) {
      expect(printedCode(corpus(ref).body), ref).toBeUndefined();
    }
    // The forms' own words with nothing in the code's place: the SDK printed no code.
    expect(printedCode('Access Denied (Service: Amazon S3; Status Code: 403; Error Code: null; Request ID: null)')).toBeUndefined();
    expect(printedCode('npm ERR! code 1\nnpm ERR! path /app')).toBeUndefined();
    // botocore writes `Unknown` where the response held no code (error.get('Code', 'Unknown')).
    expect(printedCode('An error occurred (Unknown) when calling the GetObject operation: Unknown')).toBeUndefined();
    // awserr's line without the RequestFailure status line under it; a traceback's parentheses hold words, not a code.
    expect(printedCode('NoSuchKey: The specified key does not exist.')).toBeUndefined();
    expect(printedCode('Traceback (most recent call last):\n  File "x.py", line 1 (in main)')).toBeUndefined();
    // A URL's scheme after a code-like word is no gRPC status line.
    expect(printedCode('HTTP_PROXY://proxy.local:3128')).toBeUndefined();
  });
});

describe('a message that opens with its code', () => {
  it('Microsoft identity: AADSTS700082 (the prefix is part of the code), not the bare error_codes number or the OAuth word', () => {
    // learn.microsoft.com/entra/identity-platform/reference-error-codes: codes are "AADSTS" + number, at the start of error_description
    expect(leadingCode('AADSTS700082: The refresh token has expired due to inactivity.')).toBe('AADSTS700082');
    expect(g(corpus('microsoft-identity/refresh-expired-azcli-printout')).vendorCode).toBe('AADSTS700082');
    expect(g(corpus('microsoft-identity/refresh-expired-bytes-truncated')).vendorCode).toBe('AADSTS700082');
    expect(g(corpus('microsoft-identity/malformed-request-truncated')).vendorCode).toBe('AADSTS9002313');
    expect(g(corpus('microsoft-identity/public-client-secret-msal-printout')).vendorCode).toBe('AADSTS700025');
    // The server's JSON itself, cut out of the az CLI printout.
    const printed = corpus('microsoft-identity/refresh-expired-azcli-printout').body;
    const json = JSON.parse(printed.slice(printed.indexOf('{'))) as unknown;
    expect(readEnvelope(json, 400).vendorCode).toBe('700082');
    expect(g({ status: 400, body: json }).vendorCode).toBe('AADSTS700082');
  });

  it('an UPPER_SNAKE code that is the message, or opens it before ` : ` (Firebase Auth / Identity Toolkit)', () => {
    // firebase.google.com/docs/reference/rest/auth: "TOO_MANY_ATTEMPTS_TRY_LATER : …" in error.message, beside Google's generic reason "invalid"
    expect(leadingCode('TOO_MANY_ATTEMPTS_TRY_LATER : Too many unsuccessful login attempts.')).toBe('TOO_MANY_ATTEMPTS_TRY_LATER');
    expect(leadingCode('EMAIL_NOT_FOUND')).toBe('EMAIL_NOT_FOUND');
    expect(g(corpus('firebase-auth/too-many-attempts-verify-password')).vendorCode).toBe('TOO_MANY_ATTEMPTS_TRY_LATER');
    expect(g(corpus('firebase-auth/too-many-attempts-admin-email-link')).vendorCode).toBe('TOO_MANY_ATTEMPTS_TRY_LATER');
    // Capitals in a sentence, or a code with words after it and no colon, are no leading code.
    expect(leadingCode('API_KEY missing from the request')).toBeUndefined();
    expect(leadingCode('NOT FOUND')).toBeUndefined();
  });

  it('keeps the envelope when the message opens with no code', () => {
    const env = { vendorCode: 'invalid_grant', message: 'Session not active: the user logged out' };
    expect(withLeadingCode(env)).toBe(env);
    expect(leadingCode('HTTP 403: Forbidden')).toBeUndefined();
    expect(leadingCode(undefined)).toBeUndefined();
  });

  it('a JSON message alone that opens with `code: ` (Docker registry), and only at its start', () => {
    expect(g(corpus('docker-registry/docker-engine-api-unauthenticated-pull-limit')).vendorCode).toBe('toomanyrequests');
    // gitlab-java-403-printout's JSON: the message is a status and its words, no code.
    expect(g({ status: 403, body: { message: '403 Forbidden' } }).vendorCode).toBeUndefined();
  });
});

describe('JSON printed inside a quoted string', () => {
  it('Ruby `body: "{\\"id\\":…}"` and Rust Debug `UnexpectedError("{\\"error\\":…}")` are read one level down', () => {
    expect(g(corpus('heroku/heroku-ruby-403-forbidden-app')).vendorCode).toBe('forbidden');
    expect(g(corpus('heroku/heroku-ruby-unauthorized-body')).vendorCode).toBe('unauthorized');
    expect(g(corpus('meta-graph/whatsapp-object-missing-rust-printout')).vendorCode).toBe('33');
    expect(quotedObject('body: "{\\"id\\":\\"unauthorized\\",\\"error\\":\\"Invalid credentials provided.\\"}"')).toBe(
      '{"id":"unauthorized","error":"Invalid credentials provided."}"',
    );
    expect(quotedObject('{"id":"unauthorized"}')).toBeUndefined();
  });
});

describe('envelope members printed JSON carries', () => {
  it('`id` beside a message is the code when it is a lowercase word (DigitalOcean, Heroku, Coinbase)', () => {
    // DigitalOcean's OpenAPI spec (shared/responses/bad_request.yml) and Heroku's platform API reference (rate limits)
    expect(readEnvelope({ id: 'bad_request', message: 'error parsing request body', request_id: '4851a473-1621-42ea-b2f9-5071c0ea8414' }).vendorCode).toBe('bad_request');
    expect(readEnvelope({ id: 'rate_limit', message: 'Your account reached the API rate limit', url: 'https://devcenter.heroku.com/articles/platform-api-reference#rate-limits' }).vendorCode).toBe('rate_limit');
    expect(g(corpus('digitalocean/do-401-ruby-hash-printout')).vendorCode).toBe('unauthorized');
    expect(g(corpus('digitalocean/do-unauthorized-js-object')).vendorCode).toBe('unauthorized');
    expect(g(corpus('coinbase/invalid-signature-no-status')).vendorCode).toBe('authentication_error');
  });

  it('an `id` that is a resource or request id is no code', () => {
    // techdocs.akamai.com/cloudtest/reference/404: the id is the missing resource's; `error` holds the code
    expect(readEnvelope({ id: '6666', time: '2/4/22 10:06 AM', message: "The following id is not valid: '6666'", error: 'Rest.API.InvalidID' }).vendorCode).toBe('Rest.API.InvalidID');
    expect(readEnvelope({ id: '4851a473-1621-42ea-b2f9-5071c0ea8414', message: 'error parsing request body' }).vendorCode).toBeUndefined();
    // Without a message beside it, an object's `id` is the object's own; on a success status too.
    expect(readEnvelope({ id: 'unauthorized' }).vendorCode).toBeUndefined();
    expect(readEnvelope({ id: 'bad_request', message: 'error parsing request body' }, 200).vendorCode).toBeUndefined();
  });

  it("Dropbox's union tag `.tag` (dropbox.tech: API v2 errors carry a stable, documented identifier)", () => {
    expect(g(corpus('dropbox/invalid-token-no-status')).vendorCode).toBe('invalid_access_token');
    expect(g(corpus('dropbox/expired-token-guzzle-printout')).vendorCode).toBe('expired_access_token');
    expect(g(corpus('dropbox/expired-token-java-printout')).vendorCode).toBe('expired_access_token');
    // A success's top-level `.tag` is the entry's kind (Dropbox /2/files/get_metadata example), never a code.
    const metadata = { '.tag': 'file', name: 'Prime_Numbers.txt', id: 'id:a4ayc_80_OEAAAAAAAAAXw', client_modified: '2015-05-12T15:50:38Z', server_modified: '2015-05-12T15:50:38Z', rev: 'a1c10ce0dd78', size: 7212 };
    expect(readEnvelope(metadata, 200).vendorCode).not.toBe('file');
  });

  it("a driver's `VendorCode` (JDBC/ODBC's name for the vendor's error number)", () => {
    expect(g(corpus('snowflake/snowflake-dotnet-vendorcode-390114')).vendorCode).toBe('390114');
  });

  it("eBay's numeric `errorId` is the code, before its `category`; Okta's string `errorId` stays the request id", () => {
    // developer.ebay.com/api-docs/static/handling-error-messages.html: errorId "a unique code that identifies the particular error"
    expect(readEnvelope({ errors: [{ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' }] }).vendorCode).toBe('1001');
    expect(g(corpus('ebay/invalid-access-token-guzzle-truncated')).vendorCode).toBe('1001');
    const okta = readEnvelope(JSON.parse(corpus('okta/validation-failed-no-status').body));
    expect(okta.vendorCode).toBe('E0000001');
    expect(okta.requestId).toBe('oaej1XXQlk6SbCEFIkBzAge-A');
    expect(readEnvelope({ errorId: 'oaej1XXQlk6SbCEFIkBzAge-A', message: 'x' }).vendorCode).toBeUndefined();
  });

  it("an `error_id` word beside `error_description` is the OAuth error, not a request id (eBay's OAuth endpoint)", () => {
    const env = readEnvelope(JSON.parse(corpus('ebay/oauth-invalid-request').body));
    expect(env.vendorCode).toBe('invalid_request');
    expect(env.requestId).toBeUndefined();
    // An id-shaped `error_id` stays a request id.
    expect(readEnvelope({ error_id: '7f3c2a9e-11d4', error_description: 'x' }).requestId).toBe('7f3c2a9e-11d4');
  });

  it("Contentful's `sys` of type Error: its `id` is the code (contentful.com/developers/docs/references/errors)", () => {
    expect(g(corpus('contentful/rate-limit-node-inspect')).vendorCode).toBe('RateLimitExceeded');
    expect(readEnvelope({ sys: { type: 'Error', id: 'NotFound' }, message: 'The resource could not be found.', requestId: 'abc' }).vendorCode).toBe('NotFound');
    // A success's `sys` names the entry itself.
    expect(readEnvelope({ sys: { type: 'Entry', id: '5KsDBWseXY6QegucYAoacS' }, fields: { title: 'Hello, World!' } }, 200).vendorCode).toBeUndefined();
  });

  it("Boom's and Nest's `error` beside `statusCode` is the reason phrase, no code (hapi.dev/module/boom)", () => {
    expect(g(corpus('sanity/mux-addon-401')).vendorCode).toBeUndefined();
    expect(readEnvelope({ statusCode: 404, error: 'Not Found', message: 'Not Found' }).vendorCode).toBeUndefined();
    // Beside nothing but a message it is the status in words too (OpenPanel's `{"error": "Unauthorized", "message": …}`);
    // beside other members, with no status, an `error` word stays a code.
    expect(readEnvelope({ error: 'Unauthorized', message: 'x' }).vendorCode).toBeUndefined();
    expect(readEnvelope({ error: 'Unauthorized', message: 'x', hint: 'y' }).vendorCode).toBe('Unauthorized');
  });

  it('a numeric `code` that restates the status is no vendor code, even with the status unknown (Datadog, body cut)', () => {
    expect(g(corpus('datadog/datadog-403-body-cut')).vendorCode).toBeUndefined();
    expect(readEnvelope({ code: 1001, message: 'x' }).vendorCode).toBe('1001');
  });

  it("`reason` beside `code` is the specific one (Razorpay: code is the error's class, reason why); a placeholder `NA` is none", () => {
    expect(g(corpus('razorpay/id-does-not-exist-no-status')).vendorCode).toBe('input_validation_failed');
    expect(g(corpus('razorpay/url-not-found-node-printout')).vendorCode).toBe('BAD_REQUEST_ERROR');
  });
});

describe('printouts the scanner and pairs read', () => {
  it("Python 2's u'' and Python 3's b'' strings: the prefix is no key and no value", () => {
    expect(scanObject("{u'exceptionMessage': u'Invalid session id', u'exceptionCode': u'InvalidSessionId'}").value).toEqual({
      exceptionMessage: 'Invalid session id',
      exceptionCode: 'InvalidSessionId',
    });
    expect(g(corpus('salesforce/bulk-invalid-session-python-repr')).vendorCode).toBe('InvalidSessionId');
  });

  it("a number with a leading zero stays a code (Adyen's errorCode 000 in PHP's print_r)", () => {
    expect(g(corpus('adyen/php-array-printout-401')).vendorCode).toBe('000');
  });

  it('a key right after a label and its spaces starts a pair (PowerShell Write-Error)', () => {
    expect(g(corpus('okta/invalid-token-powershell-printout')).vendorCode).toBe('E0000011');
  });

  it('`code=undefined` is no code, nor is an SDK class in `type=…Error` (Shippo node)', () => {
    expect(g(corpus('shippo/auth-error-node')).vendorCode).toBeUndefined();
    expect(g({ body: 'error: code=undefined, message=Invalid credentials' }).vendorCode).toBeUndefined();
  });

  it("the server's snake_case code before a client's PascalCase enum name for it (supabase-kt's AuthRestException)", () => {
    expect(g(corpus('supabase-auth/over-email-send-rate-limit-kotlin')).vendorCode).toBe('over_email_send_rate_limit');
    // The enum alone stays the code.
    expect(g({ body: 'Supabase failed, code: OverEmailSendRateLimit' }).vendorCode).toBe('OverEmailSendRateLimit');
  });

  it('a PascalCase code of two words or more opening a chain link (AWS SDK JS v3 names its error by the code; MinIO)', () => {
    expect(g(corpus('s3/s3-js-v3-slow-down-unknown-error')).vendorCode).toBe('SlowDown');
    expect(g(corpus('minio/slowdown-upload-timeout')).vendorCode).toBe('SlowDown');
    // contentful-sdk-core names its Error by sys.id and puts the JSON in the message.
    expect(g(corpus('contentful/rate-limit-lambda-unhandled-rejection')).vendorCode).toBe('RateLimitExceeded');
    // google-api-core names its exception by the status (`TooManyRequests: 429 POST …`): a class.
    expect(g(corpus('google-cloud-storage/gcs-python-429-json-cut-in-message')).vendorCode).toBeUndefined();
    // A field name before a quoted value stays no code.
    expect(g({ body: 'ErrorDetails: "x"' }).vendorCode).toBeUndefined();
  });

  it("a page's markup gives no pairs (`<meta name=\"robots\">` is no code)", () => {
    expect(g(corpus('cloudflare/edge-502-page-truncated')).vendorCode).toBeUndefined();
    expect(g({ body: '<html><head><meta name="robots" content="noindex"></head><body>Error</body></html>' }).vendorCode).toBeUndefined();
  });

  it('a field name before a quoted value is no code (`message: \'Unauthorized\'`, `body: "…"`)', () => {
    expect(g(corpus('mailgun/invalid-private-key-js-printout')).vendorCode).toBeUndefined();
    expect(g(corpus('heroku/heroku-ruby-unauthorized-body')).vendorCode).not.toBe('body');
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  const MIB = 1024 * 1024;

  it('every printed form has bounded quantifiers only', () => {
    for (const form of PRINTED_FORMS) expect(form.source, form.source).not.toMatch(/(?<!\\)[*+]|\{\d+,\}/);
  });

  it.each([
    ['AWS Java near-misses', (n: number) => 'Status Code: 400; Error Code: '.repeat(n / 30)],
    ['Go v2 near-misses', (n: number) => 'api error '.repeat(n / 10)],
    ['npm near-misses', (n: number) => 'npm ERR! code E'.repeat(n / 15)],
    ['kubectl near-misses', (n: number) => 'Error from server ('.repeat(n / 19)],
    ['gRPC near-misses', (n: number) => 'rpc error: code = A'.repeat(n / 19)],
    ['driver near-misses', (n: number) => ': 390114 ('.repeat(n / 10)],
    ['OAuth near-misses', (n: number) => ': invalid_grant'.repeat(n / 15)],
    ['a code line that never ends', (n: number) => `\n${'A_'.repeat(n / 2)}`],
    ['escaped quotes', (n: number) => `{\\"${'\\"'.repeat(n / 2)}`],
    ['botocore near-misses', (n: number) => 'An error occurred (A'.repeat(n / 20)],
    ['awserr near-misses', (n: number) => `: AB: ${'x'.repeat(500)}\n`.repeat(n / 507)],
    ['awserr links', (n: number) => ': AB'.repeat(n / 4)],
    ['gRPC status line near-misses', (n: number) => `\n${'AB_'.repeat(n / 3)}`],
    ['parenthesised code near-misses', (n: number) => '(a_b'.repeat(n / 4)],
    ['JSON-RPC code near-misses', (n: number) => 'code: -3200'.repeat(n / 11)],
    ['repr code= near-misses', (n: number) => `aError(code=${'x'.repeat(60)}`.repeat(n / 72)],
    ['Category:Message near-misses', (n: number) => `['EAPI:A${'b'.repeat(90)}`.repeat(n / 98)],
    ['Mimir id near-misses', (n: number) => '(err-a-b-c-d-e'.repeat(n / 14)],
    ['.NET reason near-misses', (n: number) => 'Reason[backendError] Domain'.repeat(n / 27)],
  ])('%s: the forms each read the text once, the quoted reader a bounded head', (_name, make) => {
    const text = make(MIB);
    const { chars } = stringWork(() => printedCode(text));
    expect(chars).toBeLessThanOrEqual(PRINTED_FORMS.length * text.length);
    const quoted = stringWork(() => quotedObject(text));
    // One search for the opening, then at most 4096 characters copied.
    expect(quoted.chars).toBeLessThanOrEqual(text.length + 2 * 4096);
    expect((quoted.result ?? '').length).toBeLessThanOrEqual(4096);
    expect(leadingCode(`${'A'.repeat(MIB)}1: x`)).toBeUndefined();
  });

  it.each([
    ['npm lines', (n: number) => 'npm ERR! code E429\n'.repeat(n / 19)],
    ['escaped JSON', (n: number) => `body: "${'{\\"id\\":\\"unauthorized\\",'.repeat(n / 26)}`],
    ['PowerShell pairs', (n: number) => 'Write-Error:  errorCode: E0000011; '.repeat(n / 35)],
  ])('classify does string work bounded by maxBodyBytes on %s', (_name, make) => {
    const four = make(4 * MIB);
    const one = four.slice(0, MIB);
    const a = stringWork(() => generic.classify({ body: one }));
    const b = stringWork(() => generic.classify({ body: four }));
    // The same head is read whatever the body's length: the work stays within a few passes over maxBodyBytes.
    expect(a.chars).toBeLessThanOrEqual(32 * 65_536);
    expect(b.chars).toBeLessThanOrEqual(32 * 65_536);
    expect(b.result).toEqual(a.result);
  });
});

describe('holdout-2 shapes: codes in forms many vendors use', () => {
  it.each([
    // A negative numeric code beside `msg`: Binance's documented envelope, printed by axios, ccxt and python-binance.
    ['binance/ccxt-429-1003-printout', '-1003'],
    ['binance/axios-data-1003-ip-banned-until', '-1003'],
    ['binance/python-binance-1003-ip-banned', '-1003'],
    // JSON-RPC 2.0's error.code, raw in a printout, inside an escaped string, and after `got code`.
    ['infura/go-429-jsonrpc-32005-daily-count', '-32005'],
    ['infura/nim-log-32005-backoff-30', '-32005'],
    ['infura/dart-rpcerror-32005', '-32005'],
    // `err_code`/`err_msg`, and a serialized SDK error whose message is the server's JSON.
    ['deepgram/ws-401-invalid-auth-request-id', 'INVALID_AUTH'],
    ['deepgram/js-deepgramapierror-400-invalid-credentials', 'BAD_REQUEST'],
    // `Category:Message` strings in an `error` list.
    ['kraken/py-list-eapi-rate-limit', 'EAPI:Rate limit exceeded'],
    ['kraken/egeneral-invalid-arguments', 'EGeneral:Invalid arguments'],
    // A `Type` member or element naming an exception.
    ['xero/php-guzzle-400-validation-truncated', 'ValidationException'],
    ['xero/xml-apiexception-validation-truncated', 'ValidationException'],
  ])('%s: %s', (ref, want) => {
    expect(g(corpus(ref)).vendorCode).toBe(want);
  });

  it.each([
    // python-binance issue #1126 (github.com/sammchardy/python-binance/issues/1126, title)
    ['binance.exceptions.BinanceAPIException: APIError(code=-1121): Invalid symbol', '-1121'],
    // Binance's documented error envelope (binance-spot-api-docs errors.md: -1121 INVALID_SYMBOL)
    ['{"code":-1121,"msg":"Invalid symbol."}', '-1121'],
    // web3.py issue #2215 (github.com/ApeWorX/web3.py/issues/2215, title)
    ["ValueError: {'code': -32000, 'message': 'insufficient funds for gas * price + value'}", '-32000'],
    // ethjsonrpc issue #48 (github.com/Consensys/ethjsonrpc/issues/48)
    ["ethjsonrpc.exceptions.BadResponseError: {u'jsonrpc': u'2.0', u'id': 1, u'error': {u'message': u'insufficient funds for gas * price + value', u'code': -32000}}", '-32000'],
    // ccxt issue #8634 (github.com/ccxt/ccxt/issues/8634) and XChange issue #3698 (github.com/knowm/XChange/issues/3698)
    ['ccxt.base.errors.AuthenticationError: kraken {"error":["EAPI:Invalid key"]}', 'EAPI:Invalid key'],
    ['org.knowm.xchange.exceptions.ExchangeException: [EAPI:Invalid key]', 'EAPI:Invalid key'],
    // Kraken's documented REST envelope (docs.kraken.com: `{"error":["EGeneral:Invalid arguments"]}`)
    ['{"error":["EGeneral:Invalid arguments"]}', 'EGeneral:Invalid arguments'],
    // Deepgram's documented 401 (developers.deepgram.com errors: err_code, err_msg, request_id)
    ['{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials.","request_id":"1a19fdbd-5b51-435d-8c4e-2e338a9004cb"}', 'INVALID_AUTH'],
    // Xero's documented validation error (developer.xero.com accounting API, Validation errors)
    ['{"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred", "Elements": []}', 'ValidationException'],
  ])('a second real body: %s', (body, want) => {
    expect(g({ body }).vendorCode).toBe(want);
  });

  it.each([
    // Vault's CLI `Code: 403. Errors:` restates the status.
    'hashicorp-vault/cli-403-permission-denied',
    'hashicorp-vault/go-403-multierror-permission-denied',
    // Etherscan's `status: "0"` is a flag.
    'etherscan/notok-max-calls-per-sec',
    'etherscan/py-runtimeerror-max-rate-limit-bytes',
    // A client class spelling out its own message, and a log label before a colon.
    'qdrant/py-400-index-required-truncated',
    'replicate/py-version-does-not-exist',
  ])('no code from a label, a flag, a status or a class: %s', (ref) => {
    expect(g(corpus(ref)).vendorCode).toBeUndefined();
  });

  it('labels and class names are no codes in other printouts', () => {
    // Ansible's failure line (docs.ansible.com, playbook output): `fatal` labels the host's result.
    expect(g({ body: 'fatal: [web1]: FAILED! => {"changed": false, "msg": "Failed to connect to the host via ssh"}' }).vendorCode).toBeUndefined();
    // A number-only `code` restating the status is no vendor code.
    expect(g({ status: 500, body: '{"code": 500, "message": "Internal Server Error"}' }).vendorCode).toBeUndefined();
    expect(g({ body: '{"code": 404, "message": "Not Found"}' }).vendorCode).toBeUndefined();
    // A serialized JS error's class name is not the server's code.
    expect(g({ body: '{"name":"DeepgramApiError","message":"Request failed","status":400}' }).vendorCode).toBeUndefined();
    // A JS client's API-error class in `type` (corpus mailgun/forbidden-401-js-printout) is no code; a server's `…Error` type (vLLM's) is.
    expect(g(corpus('mailgun/forbidden-401-js-printout')).vendorCode).toBeUndefined();
    expect(g(corpus('vllm/vllm-404-model-does-not-exist')).vendorCode).toBe('NotFoundError');
    // A `Type` that names no exception (a Docker registry's resource type) is no code.
    expect(readEnvelope({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: [{ Type: 'repository', Name: 'library/foo' }] }] }).vendorCode).toBe('UNAUTHORIZED');
    // A JSON-RPC code needs the reserved range: `code: -1` is read from the envelope, not by this form.
    expect(printedCode('got code -1 with msg "x"')).toBeUndefined();
  });
});
