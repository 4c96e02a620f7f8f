/**
 * The classify engine: picks a profile (named, by host, or by cheap detection), lets it read the
 * body, and resolves the Fault from the profile's draft, its code and status tables, the response
 * headers and the catalog. It imports no profile itself, so a classifier built from one profile
 * bundles only that profile.
 */
import { DEFAULT_MAX_BODY_BYTES, mediaType, readResponseText, viewBody } from './body.js';
import { type Fault, createFault, isFaultError } from './fault.js';
import { readHeaders } from './headers.js';
import { faultFromThrown, networkFaultUnder } from './network.js';
import { checkOptionNames } from './options.js';
import { readProperty } from './read-property.js';
import { type ThrownResponse, statusOf, thrownResponse } from './thrown.js';
import { codeForStatus } from './status.js';
import { sseError, statusInEvent } from './sse.js';
import { type Streamed, resolve } from './resolve.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';

/**
 * A response as `classify` takes it. Headers may be a `Headers`, a plain object (any casing) or
 * entries; the body a string, bytes, or an already-parsed value. A body with no status (pasted from
 * a log) is classified from what it says.
 * @public
 */
export interface ResponseInput {
  readonly status?: number | undefined;
  readonly headers?: unknown;
  readonly body?: unknown;
}

/** Options for `classify`. @public */
export interface ClassifyOptions {
  /** A profile id (`openai`, `impulse`, …) to use instead of detection. An unknown id is ignored. */
  readonly vendor?: string | undefined;
  /** The request URL: its host can pick a profile (`api.openai.com` → `openai`). */
  readonly url?: string | URL | undefined;
  /** The reference time for HTTP-dates and rate-limit resets, in ms since the epoch. @defaultValue Date.now() */
  readonly now?: number | undefined;
  /** How much of a body is looked at. @defaultValue the classifier's `maxBodyBytes` (65536) */
  readonly maxBodyBytes?: number | undefined;
}

/** Options for `classifyResponse`. @public */
export interface ClassifyResponseOptions extends ClassifyOptions {
  /** How long to wait for the body; what arrived by then is classified (nothing: status and headers alone). @defaultValue 5000 */
  readonly bodyTimeoutMs?: number | undefined;
}

/** Options for {@link createClassifier}. @public */
export interface ClassifierOptions {
  /** The profiles to use, in detection order (most specific first). */
  readonly profiles: readonly VendorProfile[];
  /** How much of a body is looked at by default. @defaultValue 65536 */
  readonly maxBodyBytes?: number;
}

/**
 * Every option {@link createClassifier} accepts; any other key is refused.
 * @internal
 */
export const CLASSIFIER_OPTIONS = ['profiles', 'maxBodyBytes'] as const satisfies ReadonlyArray<keyof ClassifierOptions>;

/** A classify function pair built from a chosen list of profiles. @public */
export interface Classifier {
  /** Classifies a response snapshot or a thrown value. Never throws. */
  classify(input: unknown, options?: ClassifyOptions): Fault;
  /**
   * The async twin of `classify`: for a fetch `Response`, or an error holding one whose body is
   * unread (ky's `HTTPError`), reads the body (bounded) first; anything else is classified as
   * `classify` would. Never rejects.
   */
  classifyResponse(input: unknown, options?: ClassifyResponseOptions): Promise<Fault>;
  /** The profiles, in detection order. */
  readonly profiles: readonly VendorProfile[];
}

function hostOf(url: string | URL | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}


// A profile that throws is a profile that did not match: its detect is false, its parse no draft.
// A method name, not a closure, so nothing is built per call: this runs for every profile.
function ask(profile: VendorProfile, method: 'detect' | 'parse', snapshot: ResponseSnapshot): unknown {
  try {
    return profile[method](snapshot);
  } catch {
    return undefined;
  }
}

function parseWith(profile: VendorProfile, snapshot: ResponseSnapshot): FaultDraft | undefined {
  const draft = ask(profile, 'parse', snapshot);
  return typeof draft === 'object' && draft !== null ? draft : undefined;
}

/** A clone to read, or the response itself when it cannot be cloned (a body already locked). */
function cloneOf(response: Response): Response {
  try {
    return response.clone();
  } catch {
    return response;
  }
}

/** A number >= 0 (a caller's option), or the default for anything else. */
function orDefault(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 ? value : fallback;
}

/** `null` or the value's type, for a TypeError's "got …". */
function kind(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

function checkProfiles(profiles: unknown): readonly VendorProfile[] {
  if (!Array.isArray(profiles)) {
    throw new TypeError(`createClassifier: profiles must be an array of vendor profiles, got ${kind(profiles)}`);
  }
  const ids = new Set<string>();
  for (const [i, p] of profiles.entries()) {
    const profile = p as Partial<VendorProfile> | undefined;
    if (typeof profile !== 'object' || profile === null || typeof profile.id !== 'string' || typeof profile.detect !== 'function' || typeof profile.parse !== 'function') {
      throw new TypeError(`createClassifier: profiles[${i}] must be a vendor profile with id, detect and parse, got ${kind(p)}`);
    }
    if (ids.has(profile.id)) throw new TypeError(`createClassifier: profiles must be unique by id, got '${profile.id}' twice`);
    ids.add(profile.id);
  }
  return Object.freeze([...(profiles as VendorProfile[])]);
}

/**
 * Builds a classifier from a chosen list of profiles, so a bundle carries only what it uses.
 *
 * @example
 * ```ts
 * const { classify } = createClassifier({ profiles: [openaiProfile] });
 * classify({ status: 429, body: '{"error":{"type":"rate_limit_error","message":"slow down"}}' }).code; // 'rate_limited'
 * ```
 * @public
 */
export function createClassifier(options: ClassifierOptions): Classifier {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createClassifier: options must be an object with a profiles array');
  }
  checkOptionNames('createClassifier', options, CLASSIFIER_OPTIONS);
  const profiles = checkProfiles(options.profiles);
  const defaultMax = options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : options.maxBodyBytes;
  if (!Number.isInteger(defaultMax) || defaultMax < 0) {
    throw new TypeError(`createClassifier: maxBodyBytes must be an integer >= 0, got ${Array.isArray(options.maxBodyBytes) ? 'an array' : String(options.maxBodyBytes)}`);
  }
  // Dispatch: a JSON object meets the profiles its top-level keys (or its content type) name, plus
  // those that claim nothing, in detection order; anything else meets every profile.
  const byKey = new Map<string, number[]>();
  const byType = new Map<string, number[]>();
  const open: number[] = [];
  const claim = (map: Map<string, number[]>, name: unknown, i: number): void => {
    if (typeof name !== 'string') return;
    const list = map.get(name);
    if (list === undefined) map.set(name, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  profiles.forEach((profile, i) => {
    if (!Array.isArray(profile.keys) && !Array.isArray(profile.contentTypes)) return void open.push(i);
    for (const key of profile.keys ?? []) claim(byKey, key, i);
    for (const type of profile.contentTypes ?? []) claim(byType, type, i);
  });
  const all = profiles.map((_, i) => i);
  const claimedKeys = [...byKey.keys()];
  const candidates = (snapshot: ResponseSnapshot): readonly number[] => {
    const json = snapshot.json as Record<string, unknown>;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return all;
    // The lookups written inline: no closure per call. (A Uint8Array costs more to make than this.)
    const marks: number[] = new Array<number>(profiles.length).fill(0);
    for (const i of open) marks[i] = 1;
    try {
      // An error body has a few members: look each up. A large object: ask it for each claimed key instead.
      const keys = Object.keys(json);
      const few = keys.length <= claimedKeys.length;
      for (const key of few ? keys : claimedKeys) {
        if (!few && !(key in json)) continue;
        const list = byKey.get(key);
        if (list !== undefined) for (const i of list) marks[i] = 1;
      }
    } catch {
      return all;
    }
    for (const i of byType.get(snapshot.contentType) ?? []) marks[i] = 1;
    const out: number[] = [];
    for (let i = 0; i < marks.length; i++) if (marks[i] === 1) out.push(i);
    return out;
  };
  const byId = new Map<string, VendorProfile>();
  const exactHosts = new Map<string, VendorProfile>();
  const suffixHosts: [string, VendorProfile][] = [];
  for (const profile of profiles) {
    byId.set(profile.id, profile);
    for (const host of profile.hosts ?? []) {
      if (host.startsWith('*.')) suffixHosts.push([host.slice(1).toLowerCase(), profile]);
      else exactHosts.set(host.toLowerCase(), profile);
    }
  }

  // A caller's maxBodyBytes wins when it is a number >= 0; anything else means the classifier's default.
  const bodyLimit = (options: ClassifyOptions | undefined): number => orDefault(options?.maxBodyBytes, defaultMax);

  const byHost = (host: string | undefined): VendorProfile | undefined => {
    if (host === undefined) return undefined;
    const exact = exactHosts.get(host);
    if (exact !== undefined) return exact;
    for (const [suffix, profile] of suffixHosts) if (host.endsWith(suffix)) return profile;
    return undefined;
  };

  const classifySnapshot = (response: ThrownResponse, options: ClassifyOptions | undefined): Fault => {
    const max = bodyLimit(options);
    const headers = readHeaders(response.headers);
    const body = viewBody(response.body, max);
    // Number.isFinite does not coerce: anything but a finite number means the clock.
    const now = options?.now !== undefined && Number.isFinite(options.now) ? options.now : Date.now();
    const snapshot: ResponseSnapshot = {
      status: response.status,
      headers,
      json: body.json,
      text: body.text,
      contentType: mediaType(headers.get('content-type')),
      host: hostOf(options?.url),
      now,
    };
    // A 200 event stream that failed part-way: the error event is the body the profiles read.
    const event = snapshot.contentType === 'text/event-stream' && body.text !== '' ? sseError(body.text) : undefined;
    if (event === undefined) return pick(snapshot, options, response.requestId);
    const streamed: Streamed = { httpStatus: snapshot.status, event };
    const inner: ResponseSnapshot = { ...snapshot, status: statusInEvent(event.json), json: event.json, text: event.text };
    return pick(inner, options, response.requestId, streamed);
  };

  const pick = (snapshot: ResponseSnapshot, options: ClassifyOptions | undefined, id: string | undefined, streamed?: Streamed): Fault => {
    const named = typeof options?.vendor === 'string' ? byId.get(options.vendor) : undefined;
    const chosen = named ?? byHost(snapshot.host);
    if (chosen !== undefined) {
      const draft = parseWith(chosen, snapshot);
      if (draft !== undefined || named !== undefined) return resolve(snapshot, chosen, draft, id, streamed);
    }
    for (const i of candidates(snapshot)) {
      const profile = profiles[i] as VendorProfile;
      if (profile === chosen || ask(profile, 'detect', snapshot) !== true) continue;
      const draft = parseWith(profile, snapshot);
      if (draft !== undefined) return resolve(snapshot, profile, draft, id, streamed);
    }
    // A host match whose body nobody could read (a bare 500 from api.acme.dev) is still that
    // vendor's response: its status rules apply.
    return resolve(snapshot, chosen, undefined, id, streamed);
  };

  const classify = (input: unknown, options?: ClassifyOptions): Fault => {
    try {
      const response = isFaultError(input) ? undefined : thrownResponse(input);
      // A status-less text body bounded to nothing says nothing: as if it had no body at all.
      if (response === undefined || (response.status === undefined && typeof response.body === 'string' && bodyLimit(options) === 0)) return faultFromThrown(input);
      const network = response.bare ? networkFaultUnder(input) : undefined;
      if (network !== undefined) return network;
      return classifySnapshot(response, options);
    } catch {
      // Neither throws: readProperty catches, and statusOf only reads primitives.
      const status = statusOf(readProperty(input, 'status'));
      return createFault({ code: codeForStatus(status), status, source: status === undefined ? 'client' : 'server' });
    }
  };

  const classifyResponse = async (input: unknown, options?: ClassifyResponseOptions): Promise<Fault> => {
    try {
      const response = isFaultError(input) ? undefined : thrownResponse(input);
      const unread = response?.unread;
      if (response === undefined || unread === undefined) return classify(input, options);
      const max = bodyLimit(options);
      // A response inside an error (ky's HTTPError) stays readable for the caller's own handling: read a
      // clone. A Response given as it is is read itself, as the caller asked.
      const source = unread === input ? unread : cloneOf(unread);
      const text = await readResponseText(source, max, orDefault(options?.bodyTimeoutMs, 5000));
      const url = options?.url ?? (unread.url !== '' ? unread.url : undefined);
      return classifySnapshot({ ...response, body: text }, { ...options, url });
    } catch (error) {
      return classify(error);
    }
  };

  return Object.freeze({ classify, classifyResponse, profiles });
}
