/**
 * A google.rpc Status as the google-genai Python SDK prints it must classify as the same body sent as
 * JSON does. The SDK's `APIError` is `f'{self.code} {self.status}. {self.details}'` with `details` the
 * response's JSON (google/genai/errors.py), so the body reaches users as a Python dict after
 * `ClientError: 429 RESOURCE_EXHAUSTED. `. The generic layer reads that printout; the JSON goes to the
 * Google profile. A `QuotaFailure` detail decides quota against rate limit in both, whatever the message
 * says ("please check your plan and billing details" under a per-minute limit), and `RetryInfo` is the wait.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { classify } from '../../src/entry/default-classifier.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';

const generic = createClassifier({ profiles: [genericProfile] });

interface Case {
  readonly id: string;
  readonly response: { readonly status: number; readonly body: string };
}
const GOOGLE = JSON.parse(readFileSync(new URL('../fixtures/vendors/google.json', import.meta.url), 'utf8')) as { cases: Case[] };
const body = (id: string): string => {
  const c = GOOGLE.cases.find((k) => k.id === id);
  if (c === undefined) throw new Error(`no google fixture ${id}`);
  return c.response.body;
};

/** Python's repr of parsed JSON: dicts and lists as Python prints them, strings single-quoted unless they hold one. */
function pythonRepr(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  return String(value);
}

/** `google.genai.errors.ClientError: 429 RESOURCE_EXHAUSTED. {'error': {…}}`, from the response's JSON. */
const printed = (json: string): string => {
  const parsed = JSON.parse(json) as { error: { code: number; status: string } };
  return `google.genai.errors.ClientError: ${parsed.error.code} ${parsed.error.status}. ${pythonRepr(parsed)}`;
};

describe('a google.rpc Status printed by google-genai reads as its JSON does', () => {
  it.each([
    // Roo-Code #3883: a per-minute input-token limit with RetryInfo 26s
    ['gemini-per-minute-quota-failure-retry-info', 'rate_limited', 26_000],
    // a per-day free-tier QuotaFailure: no wait cures it
    ['gemini-free-tier-per-day-quota', 'quota_exhausted', undefined],
  ] as const)('%s', (id, code, wait) => {
    const json = classify({ status: 429, body: body(id) }, { now: 0 });
    const text = classify({ body: printed(body(id)) }, { now: 0 });
    expect([json.code, json.retryAfterMs]).toEqual([code, wait]);
    expect([text.code, text.retryAfterMs, text.vendorCode]).toEqual([code, wait, 'RESOURCE_EXHAUSTED']);
  });

  it('reads a QuotaFailure only under google.rpc’s type URL, in the generic layer', () => {
    const status = (type: string) =>
      `ClientError: 429 RESOURCE_EXHAUSTED. {'error': {'code': 429, 'message': 'You exceeded your current quota', 'status': 'RESOURCE_EXHAUSTED', 'details': [{'@type': '${type}', 'violations': [{'quotaId': 'Q1'}]}]}}`;
    expect(generic.classify({ body: status('type.googleapis.com/google.rpc.QuotaFailure') }).code).toBe('rate_limited');
    expect(generic.classify({ body: status('example.com/QuotaFailure') }).code).toBe('quota_exhausted');
    // The default classify hands the printed object to the Google profile first, which reads a 429 RESOURCE_EXHAUSTED
    // without a google.rpc QuotaFailure as a rate limit, as it reads the same body sent as JSON.
    const json = `{"error": {"code": 429, "message": "You exceeded your current quota", "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "example.com/QuotaFailure", "violations": [{"quotaId": "Q1"}]}]}}`;
    expect(classify({ body: status('example.com/QuotaFailure') }).code).toBe(classify({ status: 429, body: json }).code);
  });

  it.each(['1e9s', '26', 'soon'])('reads no wait from a RetryInfo delay of %j: only a protobuf Duration (`26s`)', (delay) => {
    const text = `ClientError: 429 RESOURCE_EXHAUSTED. {'error': {'code': 429, 'message': 'slow', 'status': 'RESOURCE_EXHAUSTED', 'details': [{'@type': 'type.googleapis.com/google.rpc.RetryInfo', 'retryDelay': '${delay}'}]}}`;
    expect(classify({ body: text }).retryAfterMs).toBeUndefined();
    // Nor from the same Status sent as JSON: the Google profile reads a Duration whole, not its last digits (`1e9s` is no 9 s).
    const json = JSON.stringify({ error: { code: 429, message: 'slow', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay }] } });
    expect(classify({ status: 429, body: json }).retryAfterMs).toBeUndefined();
  });
});
