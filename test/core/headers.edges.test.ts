import { describe, expect, it } from 'vitest';
import { readHeaders, requestIdFromHeaders } from '../../src/core/headers.js';

describe('readHeaders: edges', () => {
  it('reads a header whose getter throws after construction as missing, without throwing', () => {
    let reads = 0;
    const record = {
      get 'retry-after'(): string {
        if (reads++ > 0) throw new Error('gone');
        return '5';
      },
    };
    const headers = readHeaders(record);
    expect(headers.get('retry-after')).toBeUndefined();
    expect(headers.get('missing')).toBeUndefined();
  });
});

describe('requestIdFromHeaders: edges', () => {
  it('keeps the first 200 characters of an overlong request id', () => {
    const id = `req_${'x'.repeat(296)}`;
    expect(requestIdFromHeaders(readHeaders({ 'x-request-id': id }))).toBe(id.slice(0, 200));
    const exact = 'r'.repeat(200);
    expect(requestIdFromHeaders(readHeaders({ 'x-request-id': exact }))).toBe(exact);
  });
});
