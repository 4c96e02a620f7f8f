/**
 * The classify engine: picks a profile (named, by host, or by cheap detection), lets it read the
 * body, and resolves the Fault from the profile's draft, its code and status tables, the response
 * headers and the catalog. It imports no profile itself, so a classifier built from one profile
 * bundles only that profile. It checks nothing: `createClassifier` validates what users give it,
 * and the default classify, whose profiles are checked by the tests, carries no checks at all.
 */
import { brokenJson, mediaType, viewBody } from './body.js';
import { type Fault, createFault, isFaultError } from './fault.js';
import { dispatcher } from './dispatch.js';
import { readHeaders } from './headers.js';
import { faultFromThrown, networkFaultUnder } from './network.js';
import { readProperty } from './read-property.js';
import { type ThrownResponse, thrownResponse } from './thrown.js';
import { BODY_READERS } from './thrown-body.js';
import type { BodyReaders } from './sdk-fields.js';
import { codeForStatus, statusOf } from './status.js';
import { sseError, statusInEvent } from './sse.js';
import { type Streamed, resolve } from './resolve.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';

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

/**
 * A second reading of a response, given the reading every profile made of it (`whole`): the default classifier's reading
 * of the body an SDK's printout holds (./printed.ts), in a text body or a JSON log record. A caller's named vendor skips it.
 * @internal
 */
export type TextReading = (snapshot: ResponseSnapshot, id: string | undefined, whole: Fault) => Fault;

/**
 * What a classifier is made of: `classify`, and the two pieces `classifyResponse` reuses once it has
 * read a body.
 * @internal
 */
export interface ClassifyEngine {
  readonly classify: (input: unknown, options?: ClassifyOptions) => Fault;
  /** Classifies a response whose body is at hand. */
  readonly classifySnapshot: (response: ThrownResponse, options: ClassifyOptions | undefined) => Fault;
  /** The body limit for one call: the caller's, else the classifier's. */
  readonly bodyLimit: (options: ClassifyOptions | undefined) => number;
}

/** A 4xx or 5xx number standing alone, or an object's opening brace: a message worth reading as a body. */
const STATUS_OR_OBJECT = /(?:^|[^\d.])[45]\d\d(?!\d|\.\d)|\{/;

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

/**
 * What `profile` answers for a snapshot its dispatch let through: `undefined` when its `detect` refuses or its `parse`
 * gives no draft, else its Fault. The engine's candidates and the printed reading's (./printed.ts) both ask so.
 * @internal
 */
export function answerOf(profile: VendorProfile, snapshot: ResponseSnapshot, id: string | undefined, streamed?: Streamed): Fault | undefined {
  if (ask(profile, 'detect', snapshot) !== true) return undefined;
  const draft = parseWith(profile, snapshot);
  return draft === undefined ? undefined : resolve(snapshot, profile, draft, id, streamed);
}

/**
 * A number >= 0 (a caller's option), or the default for anything else.
 * @internal
 */
export function orDefault(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 ? value : fallback;
}

/** What a success whose whole body says JSON and does not parse is, when no reader takes it for anything else. */
const MALFORMED: FaultDraft = Object.freeze({ code: 'malformed_response' });

/**
 * The engine over `profiles` (valid, in detection order) with `defaultMax` as the body limit, finding a thrown value's
 * body with `readers` (the default classifier adds Firebase's errors to them).
 * @example
 * ```ts
 * classifyEngine([openaiProfile], 65536).classify({ status: 503 }).code; // 'service_unavailable'
 * ```
 * @internal
 */
export function classifyEngine(profiles: readonly VendorProfile[], defaultMax: number, reread?: TextReading, readers: BodyReaders = BODY_READERS): ClassifyEngine {
  const candidates = dispatcher(profiles);
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
    // A body the async path read only in part (its bound, its timeout) counts as cut, as one longer than the bound.
    const cut = body.cut || response.cut === true;
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
    // A 200 event stream that failed part-way: the error event is the body the profiles read. So is a stream that came
    // with no content type at all (a test double, a proxy that dropped it, a stream pasted): text that opens with a
    // field. One that says it is something else (`text/plain`) is taken at its word.
    const event = snapshot.contentType === 'text/event-stream' || (snapshot.contentType === '' && /^(?:event|data):/.test(body.text.slice(0, 6))) ? sseError(body.text) : undefined;
    if (event === undefined) {
      const whole = pick(snapshot, options, response.requestId, undefined, !cut && brokenJson(snapshot.status, snapshot.json, snapshot.text, snapshot.contentType));
      // A caller's named vendor is final, printout or not.
      return reread === undefined || (typeof options?.vendor === 'string' && byId.has(options.vendor)) ? whole : reread(snapshot, response.requestId, whole);
    }
    const streamed: Streamed = { httpStatus: snapshot.status, event };
    const inner: ResponseSnapshot = { ...snapshot, status: statusInEvent(event.json), json: event.json, text: event.text };
    return pick(inner, options, response.requestId, streamed);
  };

  // `broken`: a success whose whole body says JSON and does not parse (./body.ts' brokenJson), the catalog's
  // malformed_response when no reader takes it for anything (stripe-python's test_invalid_json: a 200 whose body is `{`).
  const pick = (snapshot: ResponseSnapshot, options: ClassifyOptions | undefined, id: string | undefined, streamed?: Streamed, broken = false): Fault => {
    const named = typeof options?.vendor === 'string' ? byId.get(options.vendor) : undefined;
    const chosen = named ?? byHost(snapshot.host);
    // A profile that claims a body but can name no code (a vendor code its table lacks, no HTTP status)
    // has not answered: later profiles, the generic layer last, read the same body by its meaning.
    // Its Fault is kept for when none of them can say more. A caller's named vendor is final.
    let mute: Fault | undefined;
    if (chosen !== undefined) {
      const draft = parseWith(chosen, snapshot);
      if (named !== undefined) return resolve(snapshot, chosen, draft, id, streamed);
      if (draft !== undefined) {
        const fault = resolve(snapshot, chosen, draft, id, streamed);
        if (fault.code !== 'unknown') return fault;
        mute = fault;
      }
    }
    const marks = candidates(snapshot);
    for (let i = 0; i < marks.length; i++) {
      const profile = profiles[i] as VendorProfile;
      const fault = marks[i] !== 1 || profile === chosen ? undefined : answerOf(profile, snapshot, id, streamed);
      if (fault === undefined) continue;
      if (fault.code !== 'unknown') return fault;
      mute ??= fault;
    }
    // A host match whose body nobody could read (a bare 500 from api.acme.dev) is still that
    // vendor's response: its status rules apply.
    return mute ?? resolve(snapshot, chosen, broken ? MALFORMED : undefined, id, streamed);
  };

  // An error that keeps no response but says in its message what the server answered: a client that wrote it there
  // (`throw new Error(\`HTTP ${res.status}: ${await res.text()}\`)`, @gitbeaker/rest's "last status code: 429",
  // Pinecone's "… {"error": …} Status: 429."), read as the text of a body pasted with no status. Only a message that
  // names a status or holds an object is read, and only an answer that names a code is taken: the rest stay `unknown`.
  const fromMessage = (input: unknown, thrown: Fault, options: ClassifyOptions | undefined): Fault => {
    if (thrown.code !== 'unknown' || thrown.source !== 'client' || isFaultError(input)) return thrown;
    const message = readProperty(input, 'message');
    if (typeof message !== 'string' || !STATUS_OR_OBJECT.test(message)) return thrown;
    const read = classifySnapshot({ status: undefined, body: message, bare: false }, options);
    return read.code === 'unknown' ? thrown : read;
  };

  const classify = (input: unknown, options?: ClassifyOptions): Fault => {
    try {
      const response = isFaultError(input) ? undefined : thrownResponse(input, readers);
      // A status-less text body bounded to nothing says nothing: as if it had no body at all.
      if (response === undefined) return fromMessage(input, faultFromThrown(input), options);
      if (response.status === undefined && typeof response.body === 'string' && bodyLimit(options) === 0) return faultFromThrown(input);
      const network = response.bare ? networkFaultUnder(input) : undefined;
      if (network !== undefined) return network;
      return classifySnapshot(response, options);
    } catch {
      // Neither throws: readProperty catches, and statusOf only reads primitives.
      const status = statusOf(readProperty(input, 'status'));
      return createFault({ code: codeForStatus(status), status, source: status === undefined ? 'client' : 'server' });
    }
  };

  return { classify, classifySnapshot, bodyLimit };
}
