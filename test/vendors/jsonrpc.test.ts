/**
 * JSON-RPC 2.0 error objects through the default classify. Bodies are copied from the spec, EIP-1474
 * and providers' docs, each cited.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { jsonrpcProfile } from '../../src/vendors/jsonrpc.js';

const rpc = (error: Record<string, unknown>, id: unknown = 1) => JSON.stringify({ jsonrpc: '2.0', id, error });

describe('jsonrpc profile', () => {
  // https://www.jsonrpc.org/specification#examples: the spec's own error responses, sent on HTTP 200 by most servers.
  it.each([
    [-32601, 'Method not found', 'not_implemented'],
    [-32602, 'Invalid params', 'invalid_request'],
    [-32700, 'Parse error', 'invalid_request'],
    [-32600, 'Invalid Request', 'invalid_request'],
    [-32603, 'Internal error', 'internal'],
  ] as const)('the spec\'s %i (%s) is %s, its code the vendor code', (code, message, want) => {
    const body = rpc({ code, message }, code === -32700 || code === -32600 ? null : '1');
    expect(classify({ status: 200, body })).toMatchObject({ code: want, vendor: 'jsonrpc', vendorCode: String(code), message });
  });

  it('EIP-1474 codes (https://eips.ethereum.org/EIPS/eip-1474#error-codes)', () => {
    expect(classify({ status: 200, body: rpc({ code: -32001, message: 'Resource not found' }) })).toMatchObject({ code: 'not_found', vendorCode: '-32001' });
    expect(classify({ status: 200, body: rpc({ code: -32002, message: 'Resource unavailable' }) })).toMatchObject({ code: 'service_unavailable', retry: 'always' });
    expect(classify({ status: 200, body: rpc({ code: -32003, message: 'Transaction rejected' }, 1337) })).toMatchObject({ code: 'invalid_request', vendorCode: '-32003' });
    expect(classify({ status: 200, body: rpc({ code: -32004, message: 'Method not supported' }) })).toMatchObject({ code: 'not_implemented' });
  });

  it('Infura\'s -32005 is a throttle whose wait is data.backoff_seconds (https://docs.infura.io/api/networks/ethereum/how-to/avoid-rate-limiting)', () => {
    const flat = rpc({ code: -32005, message: 'project ID request rate exceeded', data: { see: 'https://infura.io/docs/ethereum/jsonrpc/ratelimits', current_rps: 13.333, allowed_rps: 10.0, backoff_seconds: 30.0 } });
    expect(classify({ status: 429, body: flat })).toMatchObject({ code: 'rate_limited', retry: 'always', vendor: 'jsonrpc', vendorCode: '-32005', retryAfterMs: 30_000 });
    // The daily cap throttles rather than refuses ("you can still make further requests, but throughput will be throttled").
    expect(classify({ status: 429, body: rpc({ code: -32005, message: 'daily request count exceeded, request rate limited' }) })).toMatchObject({ code: 'rate_limited', retry: 'always' });
    // What Infura's servers send: the figures under data.rate (https://community.infura.io/t/returned-error-project-id-request-rate-exceeded-despite-below-100k-usage/2147).
    const nested = rpc({ code: -32005, message: 'project ID request rate exceeded', data: { rate: { allowed_rps: 50, backoff_seconds: 30, current_rps: 80.86666666666666 }, see: '' } });
    expect(classify({ status: 200, body: nested })).toMatchObject({ code: 'rate_limited', retryAfterMs: 30_000 });
  });

  it('an HTTP status in `code` means that status (QuickNode, https://www.quicknode.com/docs/ethereum/error-references)', () => {
    const body = rpc({ code: 429, message: 'The requests per second (RPS) of your requests are higher than your plan allows.' });
    expect(classify({ status: 200, body })).toMatchObject({ code: 'rate_limited', retry: 'always', vendor: 'jsonrpc', vendorCode: '429' });
  });

  it('the server range is read by its message: a throttle, else the status, else the generic layer', () => {
    // Goldsky Edge RPC normalises upstream throttles to -32005 but others send -32000 with the words (https://docs.goldsky.com/edge-rpc/evm/error-codes).
    expect(classify({ status: 200, body: rpc({ code: -32000, message: 'Too Many Requests' }) })).toMatchObject({ code: 'rate_limited', vendorCode: '-32000' });
    // geth's "nonce too low" says nothing the tables know: on a 500 the status decides; on a 200 the profile names no code,
    // and the generic layer reads the words (a nonce the account has used: a conflict, session 38).
    expect(classify({ status: 500, body: rpc({ code: -32000, message: 'nonce too low' }) })).toMatchObject({ code: 'internal', vendor: 'jsonrpc', vendorCode: '-32000' });
    expect(classify({ status: 200, body: rpc({ code: -32000, message: 'nonce too low' }) })).toMatchObject({ code: 'conflict', vendor: 'generic', vendorCode: '-32000' });
  });

  it('geth\'s execution reverted (code 3) is a bad request, whatever the revert reason says (https://rpc.pulsechain.box/fundamentals/error-codes)', () => {
    const body = rpc({ code: 3, message: 'execution reverted: Insufficient balance', data: '0x08c379a0000000000000000000000000000000000000000000' });
    expect(classify({ status: 200, body })).toMatchObject({ code: 'invalid_request', vendor: 'jsonrpc', vendorCode: '3' });
  });

  it('reads the first error of a batch, and claims nothing without `jsonrpc: "2.0"` or an integer code', () => {
    const batch = `[{"jsonrpc":"2.0","result":"0x1","id":1},${rpc({ code: -32601, message: 'Method not found' }, 2)}]`;
    expect(classify({ status: 200, body: batch })).toMatchObject({ code: 'not_implemented', vendor: 'jsonrpc', vendorCode: '-32601' });
    expect(classify({ status: 400, body: JSON.stringify({ id: 1, error: { code: -32601, message: 'Method not found' } }) }).vendor).not.toBe('jsonrpc');
    expect(classify({ status: 400, body: JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: 'oops', message: 'x' } }) }).vendor).not.toBe('jsonrpc');
  });

  it('reads a throttle only in the first 500 characters of the message (1 MB of near-phrases)', () => {
    const long = `${'rate limi '.repeat(100_000)}rate limited`;
    expect(long.length).toBeGreaterThan(1_000_000);
    const fault = classify({ status: 500, body: rpc({ code: -32000, message: long }) }, { maxBodyBytes: 2_000_000 });
    // The bound is the 500-character prefix, not the clock: the phrase after it is never looked at.
    expect(fault).toMatchObject({ code: 'internal', vendorCode: '-32000' });
  });

  it('renders what it reads', () => {
    const rendered = jsonrpcProfile.render!(classify({ status: 429, body: rpc({ code: -32005, message: 'Limit exceeded', data: { backoff_seconds: 2 } }) }));
    expect(JSON.parse(rendered.body)).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'Limit exceeded', data: { backoff_seconds: 2 } } });
    expect(classify(rendered)).toMatchObject({ code: 'rate_limited', vendorCode: '-32005', retryAfterMs: 2000 });
  });
});
