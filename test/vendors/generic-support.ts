/**
 * Test support for the generic-shape profiles: builds a ResponseSnapshot the
 * way classify does, and loads a fixture file.
 */
import { readFileSync } from 'node:fs';
import type { ResponseSnapshot } from '../../src/vendors/profile.js';

export interface FixtureCase {
  readonly id: string;
  readonly source: string;
  readonly vendor: string | null;
  readonly url?: string;
  readonly response: { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string };
  readonly expect: Record<string, unknown>;
}

export function loadFixtures(id: string): readonly FixtureCase[] {
  const file = new URL(`../fixtures/vendors/${id}.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { cases: FixtureCase[] }).cases;
}

export function snapshotOf(
  response: { status?: number; headers?: Record<string, string>; body?: string },
  url?: string,
): ResponseSnapshot {
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(response.headers ?? {})) headers.set(k.toLowerCase(), v);
  const text = response.body ?? '';
  let json: unknown;
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return {
    status: response.status,
    headers: { get: (name) => headers.get(name) },
    json,
    text,
    contentType: (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
    host: url === undefined ? undefined : new URL(url).hostname,
    now: Date.UTC(2026, 0, 1),
  };
}

import { CATALOG, type FaultCode } from '../../src/core/catalog.js';
import type { VendorProfile } from '../../src/vendors/profile.js';

const STATUS_CODES: Readonly<Record<number, FaultCode>> = {
  400: 'invalid_request', 401: 'unauthenticated', 402: 'payment_required', 403: 'permission_denied', 404: 'not_found',
  405: 'not_implemented', 408: 'request_timeout', 409: 'conflict', 410: 'gone', 412: 'precondition_failed',
  413: 'payload_too_large', 422: 'validation_failed', 425: 'too_early', 429: 'rate_limited', 500: 'internal',
  501: 'not_implemented', 502: 'bad_gateway', 503: 'service_unavailable', 504: 'gateway_timeout', 529: 'overloaded',
};

/**
 * Stand-in for classify's resolution (steps 4–6 of TEAM.md) while the core
 * engine is being written; checks one profile's detect + parse + tables.
 */
export function resolveWith(profile: VendorProfile, s: ResponseSnapshot): Record<string, unknown> | undefined {
  const host = s.host;
  const byHost =
    host !== undefined &&
    (profile.hosts ?? []).some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
  if (!byHost && !profile.detect(s)) return undefined;
  const draft = profile.parse(s);
  if (draft === undefined) return undefined;
  const rule = draft.vendorCode === undefined ? undefined : profile.codes[draft.vendorCode];
  const status = s.status ?? 0;
  const code: FaultCode =
    draft.code ??
    (rule === undefined ? undefined : typeof rule === 'string' ? rule : rule.code) ??
    STATUS_CODES[status] ??
    (status >= 500 ? 'internal' : status >= 400 ? 'invalid_request' : 'unknown');
  const ruleRetry = typeof rule === 'object' && rule.code === code ? rule.retry : undefined;
  const ra = s.headers.get('retry-after');
  const headerMs = s.headers.get('retry-after-ms') ?? undefined;
  const retryAfterMs =
    headerMs !== undefined ? Number(headerMs) : ra !== undefined && /^\d+$/.test(ra) ? Number(ra) * 1000 : draft.retryAfterMs;
  const requestId = s.headers.get('x-request-id') ?? s.headers.get('request-id') ?? s.headers.get('cf-ray') ?? draft.requestId;
  const out: Record<string, unknown> = {
    code,
    retry: draft.retry ?? ruleRetry ?? CATALOG[code].retry,
    vendor: draft.vendor ?? profile.id,
    vendorCode: draft.vendorCode,
    message: draft.message,
    retryAfterMs,
    requestId,
    fields: draft.fields,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
