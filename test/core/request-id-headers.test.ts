import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerNames, readHeaders } from '../../src/core/headers.js';
import { requestIdFromHeaders } from '../../src/core/request-id-headers.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

describe('requestIdFromHeaders: a header a vendor named for its own id', () => {
  // Header names as the corpora hold them (Mendeley, Affirm, Oracle Cloud, Chroma, ADP, Qiniu, Cerner).
  it.each([
    ['x-mendeley-trace-id', 'lGXOBP-XCnw'],
    ['x-affirm-request-id', 'bd27b4f9-fba7-4ce4-ccca-b369ffcb46d5'],
    ['opc-request-id', '6739c860813bf48adc2da683ffb90313/678AA75'],
    ['chroma-trace-id', '0'],
    ['adp-correlationid', 'a81b72be-bb57-4f1b-8106-0e617d1c1049'],
    ['x-reqid', 'tmQAAB5lR-Y5n_IU'],
    ['cerner-correlation-id', '6813f4e8-18a2-4745-941c-9898536f4585'],
  ])('reads %s', (name, id) => {
    expect(requestIdFromHeaders(readHeaders({ 'content-type': 'application/json', [name]: id }))).toBe(id);
  });

  it('reads it from a Headers, a Map, entries and a mixed-case record alike', () => {
    const id = 'r-1';
    expect(requestIdFromHeaders(readHeaders(new Headers({ 'X-Affirm-Request-Id': id })))).toBe(id);
    expect(requestIdFromHeaders(readHeaders(new Map([['x-affirm-request-id', id]])))).toBe(id);
    expect(requestIdFromHeaders(readHeaders([['X-Affirm-Request-Id', id]]))).toBe(id);
    expect(requestIdFromHeaders(readHeaders({ 'X-Affirm-Request-Id': id, Date: 'x' }))).toBe(id);
  });

  it('comes after the well-known names and before the edge’s ids', () => {
    expect(requestIdFromHeaders(readHeaders({ 'x-foo-request-id': 'vendor', 'x-request-id': 'known' }))).toBe('known');
    expect(requestIdFromHeaders(readHeaders({ 'cf-ray': 'ray', 'cf-request-id': 'cf', 'x-shopkeep-request-id': 'vendor' }))).toBe('vendor');
    expect(requestIdFromHeaders(readHeaders({ 'x-kong-request-id': 'kong', 'x-foo-trace-id': 'vendor' }))).toBe('vendor');
    // Cloudflare's older id is an edge id too: the ray stays the answer beside it.
    expect(requestIdFromHeaders(readHeaders({ 'cf-request-id': 'cf', 'cf-ray': 'ray' }))).toBe('ray');
  });

  it('reads no other name, no empty value and no name over 64 characters', () => {
    expect(requestIdFromHeaders(readHeaders({ traceparent: '00-abc-def-01', 'x-request-ids': 'a', 'x-idempotency-key': 'k' }))).toBeUndefined();
    expect(requestIdFromHeaders(readHeaders({ 'x-foo-request-id': '' }))).toBeUndefined();
    expect(requestIdFromHeaders(readHeaders({ [`x-${'a'.repeat(60)}-request-id`]: 'long' }))).toBeUndefined();
  });

  it('keeps at most 200 characters of the value', () => {
    expect(requestIdFromHeaders(readHeaders({ 'x-foo-trace-id': 'a'.repeat(10_000) }))).toHaveLength(200);
  });

  it('property: any name ending in request/req/trace/correlation id yields its value when nothing else is there', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^x-[a-z]{1,12}-$/),
        fc.constantFrom('request-id', 'requestid', 'req-id', 'reqid', 'trace-id', 'traceid', 'correlation-id', 'correlationid'),
        fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/),
        (prefix, suffix, id) => requestIdFromHeaders(readHeaders({ [prefix + suffix]: id })) === id,
      ),
      { numRuns: RUNS },
    );
  });
});

describe('headerNames', () => {
  it('lists at most 256 names, lower case, of every reader readHeaders builds, and none of a foreign reader', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`h-${i}`, 'v']));
    expect([...headerNames(readHeaders(many))]).toHaveLength(256);
    const headers = new Headers(Array.from({ length: 1000 }, (_, i): [string, string] => [`h-${i}`, 'v']));
    expect([...headerNames(readHeaders(headers))]).toHaveLength(256);
    expect([...headerNames(readHeaders(new Headers({ 'X-A': '1' })))]).toEqual(['x-a']);
    expect([...headerNames(readHeaders({ 'X-A': '1' }))]).toEqual(['x-a']);
    expect(headerNames({ get: () => 'x' })).toEqual([]);
  });

  it('never throws, even when a Headers’ entries() throws', () => {
    const hostile = { get: () => 'v', entries: () => { throw new Error('boom'); } };
    expect(headerNames(readHeaders(hostile))).toEqual([]);
    expect(requestIdFromHeaders(readHeaders(hostile))).toBe('v');
  });
});
