// The second set of SDK shapes found by probing (src/core/thrown.ts, sdk-fields.ts, sdk-bodies.ts, thrown-body.ts,
// network.ts, firebase.ts, src/vendors/twilio.ts): each rule over any value; the real SDKs run in test/sdk/. Each
// property fails when its rule is taken out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultFromThrown } from '../../src/core/network.js';
import { classify } from '../../src/entry/default-classifier.js';

const httpStatus = fc.integer({ min: 400, max: 599 });
const socketCode = fc.constantFrom('ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND');

describe('network failures a client hides', () => {
  it("a thrown string that is an error's stack is read by its first line (plivo-node)", () => {
    fc.assert(
      fc.property(socketCode, fc.integer({ min: 1, max: 65_535 }), (code, port) => {
        const stack = `Error: connect ${code} 127.0.0.1:${port}\n    at AxiosError.from (file:///x/axios.js:1:1)`;
        const fault = faultFromThrown(stack);
        expect(fault.source).toBe('network');
        expect(fault.message).toBe(`connect ${code} 127.0.0.1:${port}`);
      }),
    );
    // A string that names no network failure stays what it was, message and all.
    expect(faultFromThrown('AxiosError: Request failed with status code 429')).toMatchObject({ code: 'unknown', message: 'AxiosError: Request failed with status code 429' });
  });

  it("NeonDbError's `sourceError` is walked as a cause is", () => {
    fc.assert(
      fc.property(socketCode, (code) => {
        const source = new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
        const error = Object.assign(new Error('Error connecting to database: TypeError: fetch failed'), { name: 'NeonDbError', sourceError: source });
        expect(classify(error).source).toBe('network');
      }),
    );
  });

  it("a record with a message and a made-up status over a refused connection is that connection's (Adyen's ApiException)", () => {
    fc.assert(
      fc.property(socketCode, httpStatus, (code, status) => {
        const fault = classify({ name: 'ApiException', message: `connect ${code} 127.0.0.1:443`, statusCode: status });
        expect([fault.source, fault.status]).toEqual(['network', undefined]);
      }),
    );
    // A record whose message says something else keeps its status.
    expect(classify({ message: 'Service unavailable', statusCode: 503 })).toMatchObject({ code: 'service_unavailable', status: 503 });
  });
});

describe('statuses and bodies kept in members', () => {
  it("weaviate-client: a numeric `code` beside 'status code' in the message, and its two errors by name", () => {
    fc.assert(
      fc.property(httpStatus, (status) => {
        const error = Object.assign(new Error(`The request to Weaviate failed with status code: ${status} and message: {"error":[{"message":"x"}]}`), { name: 'WeaviateUnexpectedStatusCodeError', code: status });
        expect(classify(error).status).toBe(status);
      }),
    );
    expect(classify(Object.assign(new Error('Unauthenticated: '), { name: 'WeaviateUnauthenticatedError' }))).toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(classify(Object.assign(new Error('Forbidden: '), { name: 'WeaviateInsufficientPermissionsError', code: 403 }))).toMatchObject({ code: 'permission_denied', status: 403 });
  });

  it("NeonDbError's copied PostgreSQL fields are read through the SQLSTATE table", () => {
    const cases: [string, string][] = [['42P01', 'not_found'], ['23505', 'already_exists'], ['42501', 'permission_denied']];
    for (const [sqlstate, code] of cases) {
      const error = Object.assign(new Error('message'), { name: 'NeonDbError', code: sqlstate, severity: 'ERROR', detail: undefined, hint: undefined });
      expect(classify(error), sqlstate).toMatchObject({ code, vendorCode: sqlstate });
    }
  });

  it("Razorpay's rejection: its `error` object is the body, its description the message", () => {
    fc.assert(
      fc.property(httpStatus, fc.constantFrom('BAD_REQUEST_ERROR', 'GATEWAY_ERROR', 'SERVER_ERROR'), (status, code) => {
        const fault = classify({ statusCode: status, error: { code, description: 'Authentication failed', source: 'NA', step: 'NA', reason: 'NA', metadata: {} } });
        expect([fault.status, fault.message]).toEqual([status, 'Authentication failed']);
      }),
    );
  });

  it("the wait Paddle's ApiError and AssemblyAI's sync errors keep as `retryAfter` seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3600 }), (seconds) => {
        const paddle = Object.assign(new Error('IP address exceeded the allowed rate limit.'), { code: 'too_many_requests', type: 'request_error', detail: 'IP address exceeded the allowed rate limit.', documentationUrl: 'https://developer.paddle.com/v1/errors/shared/too_many_requests', retryAfter: seconds });
        const sync = Object.assign(new Error('sync transcription failed'), { name: 'SyncTranscriptError', status: 429, retryAfter: seconds });
        expect([classify(paddle).retryAfterMs, classify(sync).retryAfterMs]).toEqual([seconds * 1000, seconds * 1000]);
      }),
    );
    // A `retryAfter` on any other error is not read as seconds: discord.js' is milliseconds, and its rule is its own.
    expect(classify(Object.assign(new Error('x'), { status: 429, retryAfter: 5 })).retryAfterMs).toBeUndefined();
  });

  it("Vonage's SMS failure inside a 200, as the SDK keeps it: each message's status is the vendor's code", () => {
    const failure = (status: string, errorText: string) => Object.assign(new Error('Some SMS messages failed to send'), { response: { messageCount: '1', messages: [{ status, errorText }] } });
    expect(classify(failure('4', 'Bad Credentials'))).toMatchObject({ code: 'unauthenticated', vendorCode: '4', message: 'Bad Credentials' });
    expect(classify(failure('1', 'Throughput Rate Exceeded - please wait [ 978 ] and retry'))).toMatchObject({ code: 'rate_limited', vendorCode: '1' });
  });

  it("firebase-admin's errors: `errorInfo.code` read by the Firebase table; its internal-error keeps its words", () => {
    const admin = (code: string, message: string) => Object.assign(new Error(message), { errorInfo: { code, message }, codePrefix: code.split('/')[0], code });
    expect(classify(admin('auth/user-not-found', 'There is no user record corresponding to the provided identifier.'))).toMatchObject({ code: 'not_found', vendorCode: 'auth/user-not-found' });
    expect(classify(admin('auth/email-already-exists', 'The email address is already in use by another account.'))).toMatchObject({ code: 'already_exists' });
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2,12}(?:-[a-z]{2,12}){0,2}$/), (rest) => {
        expect(classify(admin(`auth/invalid-${rest}`, 'x')).code).toBe('invalid_request');
      }),
    );
    const raw = admin('auth/internal-error', 'An internal error has occurred. Raw server response: "{"error":{"code":400,"message":"TOO_MANY_ATTEMPTS_TRY_LATER","status":"INVALID_ARGUMENT"}}"');
    expect(classify(raw).code).toBe('rate_limited');
  });
});

describe('attribution', () => {
  it('a numeric vendor code copied onto an error is no Discord body (Ably\'s ErrorInfo)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 99_999 }), fc.constantFrom(400, 401, 403, 404, 500), (code, status) => {
        const error = Object.assign(new Error('Token expired'), { code, statusCode: status, href: `https://help.ably.io/error/${code}` });
        expect(classify(error).vendor).not.toBe('discord');
      }),
    );
  });

  it('`code` and `more_info` are Twilio\'s only when the link is to twilio.com (GetStream sends the same pair)', () => {
    const body = (link: string) => ({ code: 5, message: 'QueryChannels failed with error: "Unauthorized"', StatusCode: 401, more_info: link });
    expect(classify({ status: 401, body: body('https://getstream.io/chat/docs/api_errors_response') }).vendor).not.toBe('twilio');
    expect(classify({ status: 401, body: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 } }).vendor).toBe('twilio');
  });
});
