// Where SDK errors keep the status, the wait and the body when they keep no response a client would (src/core/thrown.ts,
// src/core/sdk-fields.ts, src/core/sdk-bodies.ts, src/core/network.ts): the rules as rules, over any value; the real SDKs
// that throw each shape are run in test/sdk/. Each property fails when its rule is taken out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultFromThrown } from '../../src/core/network.js';
import { classify } from '../../src/entry/default-classifier.js';
import { basicClassifier } from '../../src/core/basic-classifier.js';

const miniClassify = (input: unknown) => basicClassifier.classify(input);

const httpStatus = fc.integer({ min: 400, max: 599 });

describe('a status an SDK keeps under a name of its own', () => {
  it('status_code, httpStatus and http_code are the status, on an Error and on a plain record', () => {
    fc.assert(
      fc.property(httpStatus, fc.constantFrom('status_code', 'httpStatus', 'http_code'), fc.boolean(), (status, name, error) => {
        const thrown = error ? Object.assign(new Error('failed'), { [name]: status }) : { [name]: status, message: 'failed' };
        expect(classify(thrown).status).toBe(status);
      }),
    );
  });

  it("Cloudinary's Admin API rejection: the status under `error`, its message the Fault's, its request's secret nowhere", () => {
    fc.assert(
      fc.property(httpStatus, fc.stringMatching(/^[A-Za-z0-9]{16,32}$/), (status, secret) => {
        const rejection = { request_options: { hostname: 'api.cloudinary.com', auth: `123456789012345:${secret}` }, query_params: '', error: { message: 'Resource not found - sample', http_code: status } };
        const fault = classify(rejection);
        expect([fault.status, fault.message]).toEqual([status, 'Resource not found - sample']);
        expect(JSON.stringify(fault)).not.toContain(secret);
      }),
    );
  });

  it('a numeric `code` alone is a status only when the message says HTTP (the MCP SDK), and only 4xx/5xx', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999 }), fc.boolean(), (code, says) => {
        const error = Object.assign(new Error(says ? `Streamable HTTP error: Error POSTing to endpoint: x` : 'Error POSTing to endpoint: x'), { code });
        expect(classify(error).status).toBe(says && code >= 400 && code <= 599 ? code : undefined);
      }),
    );
  });

  it('a numeric `code` beside a `body` is the status (Datadog\'s ApiException), in faultline/mini too', () => {
    fc.assert(
      fc.property(httpStatus, (status) => {
        const error = Object.assign(new Error(`HTTP-Code: ${status}`), { code: status, body: { errors: ['Forbidden'] } });
        expect([classify(error).status, miniClassify(error).status]).toEqual([status, status]);
      }),
    );
  });

  it("chromadb's errors by name, and no other name", () => {
    const statuses: Record<string, number> = { ChromaAuthError: 401, ChromaForbiddenError: 403, ChromaNotFoundError: 404, ChromaUniqueError: 409, ChromaRateLimitError: 429, ChromaQuotaExceededError: 422 };
    for (const [name, status] of Object.entries(statuses)) expect(classify(Object.assign(new Error('x'), { name })).status, name).toBe(status);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((n) => !Object.hasOwn(statuses, n)), (name) => {
        expect(classify(Object.assign(new Error('x'), { name })).status).toBeUndefined();
      }),
    );
  });

  it("contentful.js' message is read only in the SDK's own indented form", () => {
    const message = (status: number, indent: string) => `{\n${indent}"status": ${status},\n${indent}"statusText": "x",\n${indent}"message": "The resource could not be found.",\n${indent}"details": {},\n${indent}"requestId": "r1"\n}`;
    fc.assert(
      fc.property(httpStatus, (status) => {
        const fault = classify(Object.assign(new Error(message(status, '  ')), { name: 'NotFound' }));
        expect([fault.status, fault.vendorCode, fault.message, fault.requestId]).toEqual([status, 'NotFound', 'The resource could not be found.', 'r1']);
        expect(classify(Object.assign(new Error(message(status, '\t')), { name: 'NotFound' })).status).toBeUndefined();
      }),
    );
  });
});

describe('waits an SDK keeps as members', () => {
  it("QStash's limit error: the time to its `reset`, whatever the error's class name's middle", () => {
    const now = 1_700_000_000_000;
    fc.assert(
      fc.property(fc.constantFrom('QstashRatelimitError', 'QstashDailyRatelimitError', 'QstashChatRatelimitError'), fc.integer({ min: 1, max: 86_400 }), (name, seconds) => {
        const error = Object.assign(new Error('Exceeded rate limit'), { name, status: 429, limit: '100', remaining: '0', reset: String(now / 1000 + seconds) });
        expect(classify(error, { now }).retryAfterMs).toBe(seconds * 1000);
      }),
    );
  });

  it("qdrant's ResourceExhausted error: `retry_after` seconds, a positive finite number only", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 3600 }), fc.constant(Number.NaN), fc.constant(Infinity), fc.string()), (after) => {
        const fault = faultFromThrown(Object.assign(new Error('Too Many Requests'), { name: 'QdrantClientResourceExhaustedError', retry_after: after }));
        expect(fault.code).toBe('rate_limited');
        expect(fault.retryAfterMs).toBe(typeof after === 'number' && after > 0 && Number.isFinite(after) ? after * 1000 : undefined);
      }),
    );
  });

  it("superagent's own deadlines are the client's timeout, not a reset", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('Timeout', 'timeout', 'Response timeout'), (ms, lead) => {
        const error = Object.assign(new Error(`${lead} of ${ms}ms exceeded`), { code: 'ECONNABORTED', errno: 'ETIME', timeout: ms });
        expect(faultFromThrown(error).code).toBe('client_timeout');
      }),
    );
    expect(faultFromThrown(Object.assign(new Error('socket hang up'), { code: 'ECONNABORTED' })).code).toBe('connection_reset');
  });
});

describe('bodies an SDK keeps in members of its own', () => {
  it('a JSON-RPC code thrown with no response is that error, prefix or not; codes outside the range are not', () => {
    fc.assert(
      fc.property(fc.integer({ min: -33_000, max: -31_000 }), (code) => {
        const fault = classify(Object.assign(new Error(`MCP error ${code}: Method not found`), { code, name: 'McpError' }));
        const inRange = code >= -32_768 && code <= -32_000;
        expect(fault.vendorCode).toBe(inRange ? String(code) : undefined);
        if (inRange) expect(fault.message).toBe('Method not found');
      }),
    );
    expect(classify(Object.assign(new Error('MCP error -32601: Method not found'), { code: -32_601 })).code).toBe('not_implemented');
  });

  it("minio's S3Error is S3's error: its code and request id, by the AWS profile", () => {
    const error = Object.assign(new Error('The specified key does not exist.'), { name: 'S3Error', code: 'NoSuchKey', requestid: '4442587FB7D0A2F9', amzRequestid: '4442587FB7D0A2F9' });
    const fault = classify(error);
    expect([fault.code, fault.vendor, fault.vendorCode, fault.requestId]).toEqual(['not_found', 'aws', 'NoSuchKey', '4442587FB7D0A2F9']);
    // A code of another shape (a node error's) is no S3 code.
    expect(classify(Object.assign(new Error('x'), { name: 'S3Error', code: 'ERR_BAD_RESPONSE' })).vendor).toBeUndefined();
  });

  it("a socket error's code is no vendor's, though node-fetch writes a `type` beside it", () => {
    fc.assert(
      fc.property(fc.constantFrom('ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'), (code) => {
        const error = Object.assign(new Error(`request to http://127.0.0.1:9/x failed, reason: ${code}`), { name: 'FetchError', type: 'system', code, errno: code });
        const fault = classify(error);
        expect([fault.vendor, fault.vendorCode, fault.status]).toEqual([undefined, undefined, undefined]);
        expect(fault.source).toBe('network');
      }),
    );
  });
});
