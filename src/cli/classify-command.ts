/**
 * `faultline classify`: what an HTTP error response means and whether to retry it. The response
 * comes from options (`--status`, `-H`, `--body`), from stdin exactly as `curl -si` prints it, or
 * as a batch (`--batch FILE|-`: a JSON array or JSON Lines of `{status, headers, body, vendor?, url?}`).
 * Every line printed is redacted: a secret in a body never reaches the terminal.
 */
import { CATALOG, type RetryClass } from '../core/catalog.js';
import { classify } from '../entry/default-classifier.js';
import type { Fault } from '../core/fault.js';
import { redact } from '../core/redact.js';
import { BUILTIN_PROFILES } from '../vendors/registry.js';
import { UsageError, parseArgs } from './args.js';
import { parseHttpText } from './http-text.js';
import type { CliIO } from './io.js';

/**
 * One line of help for `faultline classify`.
 * @internal
 */
export const CLASSIFY_USAGE =
  'usage: faultline classify [--status N] [-H "Name: value"]... [--body TEXT|@FILE|-] [--vendor ID] [--url URL] [--json]\n' +
  '       faultline classify --batch FILE|- [--vendor ID] [--url URL]\n' +
  '       curl -si https://api.example.com/x | faultline classify [--json]\n';

const SPEC = {
  values: ['status', 'header', 'body', 'vendor', 'url', 'batch'],
  repeatable: ['header'],
  flags: ['json', 'help'],
  aliases: { H: 'header', h: 'help' },
} as const;

const RETRY_TEXT: Readonly<Record<RetryClass, string>> = {
  always: 'yes: any request may be sent again',
  idempotent: 'only if the request is idempotent (GET, PUT, DELETE or an Idempotency-Key)',
  never: 'no: sending the same request again cannot succeed',
};

interface Options {
  readonly vendor?: string;
  readonly url?: string;
}

function one(values: ReadonlyMap<string, readonly string[]>, name: string): string | undefined {
  return values.get(name)?.[0];
}

function checkVendor(vendor: string | undefined): string | undefined {
  if (vendor === undefined || BUILTIN_PROFILES.some((p) => p.id === vendor)) return vendor;
  throw new UsageError(`--vendor must be one of ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}, got '${vendor}'`);
}

function checkUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    new URL(url);
    return url;
  } catch {
    throw new UsageError(`--url must be an absolute URL, got '${redact(url)}'`);
  }
}

function checkStatus(text: string): number {
  const n = /^\d{3}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(n >= 100 && n <= 999)) throw new UsageError(`--status must be an HTTP status (100-999), got '${text}'`);
  return n;
}

function checkHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new UsageError(`-H/--header must look like 'Name: value', got '${redact(text)}'`);
  return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}

async function readSource(what: string, source: string, io: CliIO): Promise<string> {
  if (source === '-') return io.readStdin();
  if (!source.startsWith('@') && what === '--body') return source;
  const path = what === '--body' ? source.slice(1) : source;
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`cannot read ${what} file '${path}'${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

/** A JSON array, or JSON Lines (one object per non-empty line). */
function batchItems(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new UsageError('--batch input is empty: expected a JSON array or JSON Lines of {status, headers, body}');
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // fall through to the error below
    }
    throw new UsageError('--batch input starts with [ but is not a JSON array');
  }
  return trimmed.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      throw new UsageError(`--batch line ${i + 1} is not JSON`);
    }
  });
}

function classifyItem(item: unknown, defaults: Options): Fault {
  const r = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  const vendor = typeof r.vendor === 'string' ? r.vendor : defaults.vendor;
  const url = typeof r.url === 'string' ? r.url : defaults.url;
  return classify({ status: r.status as number, headers: r.headers, body: r.body }, { vendor, url });
}

/**
 * The short human summary of a Fault: code, retry, why, wait, request id, message. Redacted.
 * @example
 * ```ts
 * formatFault(classify({ status: 429, headers: { 'retry-after': '2' } }));
 * // 'code     rate_limited (HTTP 429)\nretry    yes: …\nwhy      …\nwait     2 s\nmessage  …\n'
 * ```
 * @internal
 */
export function formatFault(fault: Fault): string {
  const lines: [string, string][] = [];
  const about = [fault.status === undefined ? undefined : `HTTP ${fault.status}`, fault.vendor, fault.vendorCode].filter((x) => x !== undefined);
  lines.push(['code', `${fault.code}${about.length > 0 ? ` (${about.join(', ')})` : ''}`]);
  lines.push(['retry', `${RETRY_TEXT[fault.retry]}${fault.retryLimit === undefined ? '' : `, at most ${fault.retryLimit} ${fault.retryLimit === 1 ? 'retry' : 'retries'}`}`]);
  lines.push(['why', `${CATALOG[fault.code].description} Remedy: ${fault.remedy.replace(/_/g, ' ')}.`]);
  if (fault.retryAfterMs !== undefined) {
    const ms = fault.retryAfterMs;
    lines.push(['wait', ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`]);
  }
  if (fault.resetAt !== undefined && Number.isFinite(fault.resetAt)) lines.push(['resets', new Date(fault.resetAt).toISOString()]);
  if (fault.upgradeUrl !== undefined) lines.push(['upgrade', fault.upgradeUrl]);
  if (fault.requestId !== undefined) lines.push(['request', fault.requestId]);
  for (const f of fault.fields ?? []) lines.push(['field', f.path === '' ? f.message : `${f.path}: ${f.message}`]);
  lines.push(['message', fault.message]);
  return lines.map(([label, text]) => redact(`${label.padEnd(8)} ${text.replace(/[\r\n]+/g, ' ')}`)).join('\n') + '\n';
}

/**
 * Runs `faultline classify` with `argv` (the words after `classify`). Returns the exit code:
 * 0 when it printed a classification, 2 for bad usage (after one line on stderr saying why).
 * @example
 * ```ts
 * await classifyCommand(['--status', '503', '-H', 'Retry-After: 5', '--json'], io); // 0
 * ```
 * @internal
 */
export async function classifyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('help')) {
    io.out(CLASSIFY_USAGE);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${redact(args.positionals[0] as string)}'`);
  const v = args.values;
  const vendor = checkVendor(one(v, 'vendor'));
  const url = checkUrl(one(v, 'url'));
  const options: Options = { ...(vendor !== undefined ? { vendor } : {}), ...(url !== undefined ? { url } : {}) };
  const batch = one(v, 'batch');
  if (batch !== undefined) {
    const extra = ['status', 'header', 'body'].find((name) => v.has(name));
    if (extra !== undefined) throw new UsageError(`--batch cannot be combined with --${extra}`);
    const items = batchItems(await readSource('--batch', batch, io));
    const faults = items.map((item) => classifyItem(item, options));
    io.out(`${redact(JSON.stringify(faults, null, 2))}\n`);
    return 0;
  }
  let response: { status: number; headers: readonly (readonly [string, string])[]; body: string };
  const status = one(v, 'status');
  if (status === undefined) {
    const extra = ['header', 'body'].find((name) => v.has(name));
    if (extra !== undefined) throw new UsageError(`--${extra} needs --status (without --status, a raw HTTP response is read from stdin)`);
    if (io.stdinIsTTY) throw new UsageError('nothing to classify: give --status N, --batch FILE, or pipe a raw HTTP response (curl -si …) into stdin');
    response = parseHttpText(await io.readStdin());
  } else {
    const body = one(v, 'body');
    response = {
      status: checkStatus(status),
      headers: (v.get('header') ?? []).map(checkHeader),
      body: body === undefined ? '' : await readSource('--body', body, io),
    };
  }
  const fault = classify(response, options);
  io.out(args.flags.has('json') ? `${redact(JSON.stringify(fault, null, 2))}\n` : formatFault(fault));
  return 0;
}
