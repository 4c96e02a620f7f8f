/**
 * The rules the LLM SDKs' errors needed, by shape (no SDK class): a client's own retry wrapper
 * (`errors[]` + `lastError`, the AI SDK's RetryError) classifies as its last error, and the
 * openai/anthropic connection errors' names and messages say timeout or abort.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { faultFromThrown } from '../../src/core/network.js';

function retryError(lastError: unknown): Error {
  return Object.assign(new Error('Failed after 3 attempts. Last error: Too Many Requests'), { name: 'AI_RetryError', reason: 'maxRetriesExceeded', errors: [lastError, lastError], lastError });
}

describe('a retry wrapper (errors[] and lastError)', () => {
  it('classifies as its last error, headers and body included', () => {
    const last = Object.assign(new Error('Too Many Requests'), {
      statusCode: 429,
      responseHeaders: { 'retry-after': '3', 'x-request-id': 'req_9' },
      responseBody: '{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}',
    });
    const fault = classify(retryError(last));
    expect(fault).toMatchObject({ code: 'rate_limited', retry: 'always', retryAfterMs: 3000, requestId: 'req_9', vendorCode: 'rate_limit_exceeded' });
  });

  it('reads a network error behind the last error', () => {
    const last = Object.assign(new Error('Cannot connect to API: other side closed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(faultFromThrown(retryError(last)).code).toBe('connection_reset');
  });

  it('needs both members: lastError alone, or errors alone, is not a wrapper', () => {
    const last = { status: 429 };
    expect(classify(Object.assign(new Error('x'), { lastError: last })).code).toBe('unknown');
    expect(classify(new AggregateError([Object.assign(new Error('x'), { status: 503 })])).code).toBe('unknown');
  });

  it('stops on a wrapper that is its own last error, or a loop of them', () => {
    const a: Record<string, unknown> = { errors: [] };
    const b: Record<string, unknown> = { errors: [], lastError: a };
    a.lastError = b;
    expect(classify(Object.assign(new Error('loop'), { errors: [], lastError: a })).code).toBe('unknown');
  });
});

describe('the SDKs’ own connection errors', () => {
  it('a name ending in TimeoutError is a client timeout, AbortError a cancel', () => {
    expect(classify(Object.assign(new Error('Request timed out.'), { name: 'APIConnectionTimeoutError' }))).toMatchObject({ code: 'client_timeout', retry: 'idempotent' });
    expect(classify(Object.assign(new Error('Request was aborted.'), { name: 'APIUserAbortError' }))).toMatchObject({ code: 'cancelled', retry: 'never' });
  });

  it('openai-node’s plain-named errors: by their messages', () => {
    expect(classify(new Error('Request timed out.')).code).toBe('client_timeout');
    expect(classify(new Error('Request was aborted.')).code).toBe('cancelled');
    expect(classify(new Error('The request timed out while the server was slow, so we did something')).code).toBe('unknown');
  });

  it('an error code still wins over the name: undici’s ConnectTimeoutError is a connect failure', () => {
    expect(classify(Object.assign(new Error('Connect Timeout Error'), { name: 'ConnectTimeoutError', code: 'UND_ERR_CONNECT_TIMEOUT' })).code).toBe('connect_failed');
  });
});
