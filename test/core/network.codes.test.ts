/**
 * Every entry of faultFromThrown's error-code and message tables, one by one: a code must match
 * whole (no prefix or suffix of another), on `code`, `errno` or `syscall`, and message fragments are
 * tried group by group in the documented order.
 */
import { describe, expect, it } from 'vitest';
import { faultFromThrown } from '../../src/core/network.js';

const TABLE = {
  connect_failed: [
    'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH',
    'ENETDOWN', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    // by prefix
    'CERT_', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_OSSL_BAD_DECRYPT',
  ],
  connection_reset: [
    'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'HPE_INVALID_CONSTANT',
  ],
  client_timeout: ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'],
  cancelled: ['ABORT_ERR', 'UND_ERR_ABORTED'],
} as const;

const SOURCE = { connect_failed: 'network', connection_reset: 'network', client_timeout: 'network', cancelled: 'client' } as const;

const thrown = (key: string, value: string, message = 'boom'): Error => Object.assign(new Error(message), { [key]: value });

describe('error codes', () => {
  for (const [expected, codes] of Object.entries(TABLE) as [keyof typeof TABLE, readonly string[]][]) {
    it(`maps each ${expected} code, read from code, errno or syscall`, () => {
      for (const code of codes) {
        for (const key of ['code', 'errno', 'syscall']) {
          const fault = faultFromThrown(thrown(key, code));
          expect({ code, key, fault: fault.code, source: fault.source }).toEqual({ code, key, fault: expected, source: SOURCE[expected] });
          expect(fault.message).toBe('boom');
        }
      }
    });
  }

  it('matches a code whole: a longer, shorter or lower-case spelling is not that code', () => {
    const exact = Object.values(TABLE).flat().filter((code) => !code.startsWith('CERT_') && !code.startsWith('ERR_TLS_') && !code.startsWith('ERR_SSL_') && !code.startsWith('ERR_OSSL_'));
    for (const code of exact) {
      for (const near of [`${code}X`, `X${code}`, code.slice(0, -1), code.toLowerCase(), ` ${code}`]) {
        if ((exact as readonly string[]).includes(near)) continue;
        expect({ near, code: faultFromThrown(thrown('code', near)).code }).toEqual({ near, code: 'unknown' });
      }
    }
  });

  it('takes the TLS prefixes only at the start', () => {
    for (const code of ['XCERT_HAS_EXPIRED', 'E_ERR_TLS_X', 'SSL_ERR_SSL_X', 'cert_has_expired']) {
      expect(faultFromThrown(thrown('code', code)).code).toBe('unknown');
    }
  });
});

describe('message fragments, for errors without a code', () => {
  it.each([
    ['socket hang up', 'connection_reset'],
    ['Premature close', 'connection_reset'],
    ['other side closed', 'connection_reset'],
    ['Connection reset by peer', 'connection_reset'],
    ['read ECONNRESET', 'connection_reset'],
    ['connect ECONNREFUSED 127.0.0.1:1', 'connect_failed'],
    ['getaddrinfo ENOTFOUND example.invalid', 'connect_failed'],
    ['unable to verify the first certificate', 'connect_failed'],
    ['Failed to fetch', 'connect_failed'],
    ['NetworkError when attempting to fetch resource.', 'connect_failed'],
    ['Load failed', 'connect_failed'],
    ['The network connection was lost.', 'connection_reset'],
  ])('%s → %s', (message, expected) => {
    expect(faultFromThrown(new Error(message)).code).toBe(expected);
  });

  it('tries the groups in order: reset fragments, then connect fragments, then a lost connection', () => {
    expect(faultFromThrown(new Error('getaddrinfo failed: socket hang up')).code).toBe('connection_reset');
    expect(faultFromThrown(new Error('The network connection was lost. Load failed')).code).toBe('connect_failed');
  });

  it('ignores an empty message and one of 2000 characters or more', () => {
    expect(faultFromThrown(new Error('')).code).toBe('unknown');
    expect(faultFromThrown(new Error(`socket hang up${' '.repeat(1986)}`)).code).toBe('unknown');
    expect(faultFromThrown(new Error(`socket hang up${' '.repeat(1985)}`)).code).toBe('connection_reset');
  });
});
