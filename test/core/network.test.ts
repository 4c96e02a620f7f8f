import { describe, expect, it } from 'vitest';
import { FaultError, createFault } from '../../src/core/fault.js';
import { faultFromThrown } from '../../src/core/network.js';
import { basicClassifier } from '../../src/core/basic-classifier.js';
import { faultErrorOf } from '../../src/core/fault-error-of.js';

// What every policy does with a thrown value, with no vendor profile (these inputs hold no unread body).
const toFaultError = (thrown: unknown): FaultError => faultErrorOf(thrown, basicClassifier) as FaultError;

const withCode = (code: string, message = `connect ${code} 127.0.0.1:1`): Error => Object.assign(new Error(message), { code });

describe('faultFromThrown', () => {
  it.each([
    ['ECONNREFUSED', 'connect_failed'],
    ['ENOTFOUND', 'connect_failed'],
    ['EAI_AGAIN', 'connect_failed'],
    ['EHOSTUNREACH', 'connect_failed'],
    ['ENETUNREACH', 'connect_failed'],
    ['UND_ERR_CONNECT_TIMEOUT', 'connect_failed'],
    ['CERT_HAS_EXPIRED', 'connect_failed'],
    ['ECONNRESET', 'connection_reset'],
    ['EPIPE', 'connection_reset'],
    ['UND_ERR_SOCKET', 'connection_reset'],
    ['UND_ERR_CLOSED', 'connection_reset'],
    ['ETIMEDOUT', 'client_timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'client_timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'client_timeout'],
  ])('maps %s to %s', (code, expected) => {
    const fault = faultFromThrown(withCode(code));
    expect(fault.code).toBe(expected);
    expect(fault.source).toBe('network');
  });

  it("walks fetch's cause chain to the root", () => {
    const thrown = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
    expect(faultFromThrown(thrown).code).toBe('connect_failed');
    const deeper = new TypeError('fetch failed', { cause: new Error('wrapped', { cause: withCode('ECONNRESET') }) });
    expect(faultFromThrown(deeper).code).toBe('connection_reset');
  });

  it('survives a cyclic cause chain', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b: Error & { cause?: unknown } = new Error('b', { cause: a });
    a.cause = b;
    expect(faultFromThrown(a).code).toBe('unknown');
  });

  it('maps DOMException AbortError to cancelled and TimeoutError to client_timeout', () => {
    expect(faultFromThrown(new DOMException('aborted', 'AbortError')).code).toBe('cancelled');
    expect(faultFromThrown(new DOMException('timed out', 'TimeoutError')).code).toBe('client_timeout');
    const controller = new AbortController();
    controller.abort();
    expect(faultFromThrown(controller.signal.reason).code).toBe('cancelled');
    expect(faultFromThrown(AbortSignal.timeout(0).reason ?? new DOMException('t', 'TimeoutError')).code).not.toBe('unknown');
  });

  it('recognises socket hang up by its message', () => {
    expect(faultFromThrown(new Error('socket hang up')).code).toBe('connection_reset');
  });

  it('passes a FaultError’s Fault through', () => {
    const fault = createFault({ code: 'rate_limited', retryAfterMs: 5 });
    expect(faultFromThrown(new FaultError(fault))).toBe(fault);
  });

  it('gives unknown for anything else, never throwing', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); } });
    for (const value of [undefined, null, 42, 'boom', Symbol('s'), hostile, new Error('plain')]) {
      expect(faultFromThrown(value).code).toBe('unknown');
    }
  });

  it("reads a client's own RateLimitError as rate_limited, its wait only beside timeToReset", () => {
    // discord.js' shape: the name carries the route, the message is empty, retryAfter and timeToReset are milliseconds.
    const discord = Object.assign(new Error(), { retryAfter: 65_050, timeToReset: 65_050, route: '/channels/:id' });
    Object.defineProperty(discord, 'name', { value: 'RateLimitError[/channels/:id]' });
    expect(faultFromThrown(discord)).toMatchObject({ code: 'rate_limited', source: 'server', retryAfterMs: 65_050, message: 'RateLimitError[/channels/:id]' });
    // Whose units nobody states: no wait.
    const other = Object.assign(new Error('slow down'), { name: 'RateLimitError', retryAfter: 30 });
    expect(faultFromThrown(other)).toMatchObject({ code: 'rate_limited', message: 'slow down' });
    expect(faultFromThrown(other).retryAfterMs).toBeUndefined();
    // A negative wait is no wait, and 0 is what discord.js holds when the 429 had no Retry-After.
    for (const wait of [-1, 0, Number.NaN]) expect(faultFromThrown(Object.assign(new Error(), { name: 'RateLimitError', retryAfter: wait, timeToReset: wait })).retryAfterMs).toBeUndefined();
    // Behind a wrapper's cause, too; a name that only starts alike is not one.
    expect(faultFromThrown(new Error('request failed', { cause: other })).code).toBe('rate_limited');
    expect(faultFromThrown(Object.assign(new Error('x'), { name: 'RateLimitErrorHandler' })).code).toBe('unknown');
  });

  it('redacts secrets in messages', () => {
    const fault = faultFromThrown(new Error('request to https://x/?api_key=abcdef123456 failed, Bearer sk_live_abcdefgh1234'));
    expect(fault.message).not.toContain('abcdef123456');
    expect(fault.message).not.toContain('sk_live_abcdefgh1234');
  });
});

describe('toFaultError', () => {
  it('passes a FaultError through unchanged', () => {
    const error = new FaultError(createFault({ code: 'gone' }));
    expect(toFaultError(error)).toBe(error);
  });

  it('wraps anything else, keeping it as cause', () => {
    const original = withCode('ECONNRESET');
    const error = toFaultError(original);
    expect(error.code).toBe('connection_reset');
    expect(error.cause).toBe(original);
  });
});

describe('faultFromThrown: more transport errors', () => {
  it.each([
    ['ECONNABORTED', 'connection_reset'],
    ['UND_ERR_ABORTED', 'cancelled'],
    ['ERR_STREAM_PREMATURE_CLOSE', 'connection_reset'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'connect_failed'],
    ['ERR_TLS_HANDSHAKE_TIMEOUT', 'connect_failed'],
    ['CERT_NOT_YET_VALID', 'connect_failed'],
    ['CERT_UNTRUSTED', 'connect_failed'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'connect_failed'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'connect_failed'],
  ])('maps %s to %s', (code, expected) => {
    expect(faultFromThrown(new TypeError('fetch failed', { cause: withCode(code) })).code).toBe(expected);
  });

  it('recognises premature close and other-side-closed by their messages', () => {
    expect(faultFromThrown(new Error('Premature close')).code).toBe('connection_reset');
    expect(faultFromThrown(new TypeError('fetch failed', { cause: new Error('other side closed') })).code).toBe('connection_reset');
  });

  it("keeps fetch's 'fetch failed' with an unrecognised cause as a network unknown", () => {
    const fault = faultFromThrown(new TypeError('fetch failed', { cause: new Error('something odd') }));
    expect(fault).toMatchObject({ code: 'unknown', source: 'network' });
    expect(faultFromThrown(withCode('EWEIRD')).source).toBe('network');
    expect(faultFromThrown(new Error('plain')).source).toBe('client');
  });

  it('lets the root cause decide (an abort caused by a timeout is a timeout)', () => {
    const abort = new DOMException('aborted', 'AbortError');
    Object.defineProperty(abort, 'cause', { value: new DOMException('t', 'TimeoutError') });
    expect(faultFromThrown(abort).code).toBe('client_timeout');
  });

  it('stops at a depth cap on absurdly long cause chains', () => {
    let chain: unknown = withCode('ECONNRESET');
    for (let i = 0; i < 1000; i++) chain = new Error(`wrap ${i}`, { cause: chain });
    expect(() => faultFromThrown(chain)).not.toThrow();
    expect(faultFromThrown(chain).code).toBe('unknown');
  });

  it('survives a cause getter that throws', () => {
    const e = new Error('x');
    Object.defineProperty(e, 'cause', { get: () => { throw new Error('trap'); } });
    expect(faultFromThrown(e).code).toBe('unknown');
  });

  it('carries no status and the root message, redacted', () => {
    const fault = faultFromThrown(new TypeError('fetch failed', { cause: withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.com') }));
    expect(fault.status).toBeUndefined();
    expect(fault.message).toContain('getaddrinfo ENOTFOUND');
    expect(fault.retry).toBe('always');
  });
});

describe('faultFromThrown on real sockets', () => {
  it('classifies a refused connection from fetch as connect_failed', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const thrown = await fetch(`http://127.0.0.1:${port}/`).then(() => undefined, (e: unknown) => e);
    expect(faultFromThrown(thrown)).toMatchObject({ code: 'connect_failed', source: 'network' });
  });
});
