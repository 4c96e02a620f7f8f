/**
 * The small safe readers profiles share. The profile contract itself lives in core (core/profile.ts);
 * its types are re-exported here so a profile imports everything it needs from one place.
 */
import type { FaultCode } from '../core/catalog.js';
import type { CodeRule, VendorProfile } from '../core/profile.js';

export type {
  CodeRule,
  ExpressibleFaults,
  FaultDraft,
  HeaderReader,
  RenderedResponse,
  ResponseSnapshot,
  VendorProfile,
} from '../core/profile.js';

/**
 * Every key `defineProfile` accepts in a profile; any other is refused.
 * @internal
 */
export const VENDOR_PROFILE_KEYS = ['id', 'hosts', 'keys', 'contentTypes', 'codes', 'statuses', 'detect', 'parse', 'render', 'expressible'] as const satisfies ReadonlyArray<keyof VendorProfile>;

// ---- small safe readers shared by profiles -------------------------------

/**
 * The value as a plain record, or `undefined`.
 * @internal
 */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The body as a plain record, or the one record a one-element array holds (Gemini's `streamGenerateContent` without
 * `alt=sse` answers a JSON array, and so do proxies that batch), or `undefined`.
 * @internal
 */
export function asOnlyRecord(json: unknown): Readonly<Record<string, unknown>> | undefined {
  return asRecord(Array.isArray(json) && json.length === 1 ? json[0] : json);
}

/**
 * A stated wait after which a limit is an allowance spent, not a window that refills: six hours (Google Ads' 11-hour wait
 * for its basic-access operations; GoCardless Bank Data's "4/day … try again in 85092 seconds"). The generic layer and
 * the Google profile read a wait by it alike.
 * @internal
 */
export const ALLOWANCE_WAIT_MS = 6 * 3_600_000;

/**
 * `record[key]` when it is a non-empty string.
 * @internal
 */
export function readString(record: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * `record[key]` when it is a finite number, or a string holding one.
 * @internal
 */
export function readNumber(record: Readonly<Record<string, unknown>> | undefined, key: string): number | undefined {
  const value = record?.[key];
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * The canonical code `codes` gives `key` (its own keys only, never inherited ones), or `undefined`.
 * @example
 * ```ts
 * codeIn({ ServerBusy: 'overloaded' }, 'ServerBusy'); // 'overloaded'
 * ```
 * @internal
 */
export function codeIn(codes: Readonly<Record<string, CodeRule>>, key: string | undefined): FaultCode | undefined {
  const rule = key !== undefined && Object.hasOwn(codes, key) ? codes[key] : undefined;
  return typeof rule === 'string' ? rule : rule?.code;
}

/**
 * The trimmed text of the first `<name>…</name>` element, or `undefined` when it is missing or
 * blank. Plain `indexOf`, so it is linear on any input; no entity decoding.
 * @example
 * ```ts
 * xmlText('<Error><Code>ServerBusy</Code></Error>', 'Code'); // 'ServerBusy'
 * ```
 * @internal
 */
export function xmlText(text: string, name: string): string | undefined {
  const start = text.indexOf(`<${name}>`);
  if (start < 0) return undefined;
  const from = start + name.length + 2;
  const end = text.indexOf(`</${name}>`, from);
  if (end < 0) return undefined;
  const value = text.slice(from, end).trim();
  return value.length > 0 ? value : undefined;
}
