/**
 * `createClassifier`: a classifier from a chosen list of profiles, checked, with the async
 * `classifyResponse` that reads a body first. The engine itself lives in classify-engine.ts.
 */
import { DEFAULT_MAX_BODY_BYTES, readResponseText } from './body.js';
import type { Fault } from './fault.js';
import { isFaultError } from './fault.js';
import { checkOptionNames } from './options.js';
import { thrownResponse } from './thrown.js';
import { BODY_READERS } from './thrown-body.js';
import { type ClassifyEngine, type ClassifyOptions, classifyEngine, orDefault } from './classify-engine.js';
import type { VendorProfile } from './profile.js';

export type { ClassifyOptions } from './classify-engine.js';

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

/** A clone to read, or the response itself when it cannot be cloned (a body already locked). */
function cloneOf(response: Response): Response {
  try {
    return response.clone();
  } catch {
    return response;
  }
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
  return classifierOf(classifyEngine(profiles, defaultMax), profiles);
}

/**
 * A classifier from an engine: its `classify`, and `classifyResponse`, which reads a body and hands
 * it to the engine.
 * @example
 * ```ts
 * const { classifyResponse } = classifierOf(classifyEngine([openaiProfile], 65536), [openaiProfile]);
 * ```
 * @internal
 */
export function classifierOf(engine: ClassifyEngine, profiles: readonly VendorProfile[]): Classifier {
  const { classify, classifySnapshot, bodyLimit } = engine;
  const classifyResponse = async (input: unknown, options?: ClassifyResponseOptions): Promise<Fault> => {
    try {
      const response = isFaultError(input) ? undefined : thrownResponse(input, BODY_READERS);
      const unread = response?.unread;
      if (response === undefined || unread === undefined) return classify(input, options);
      const max = bodyLimit(options);
      // A response inside an error (ky's HTTPError) stays readable for the caller's own handling: read a
      // clone. A Response given as it is is read itself, as the caller asked.
      const source = unread === input ? unread : cloneOf(unread);
      const { text, whole } = await readResponseText(source, max, orDefault(options?.bodyTimeoutMs, 5000));
      const url = options?.url ?? (unread.url !== '' ? unread.url : undefined);
      return classifySnapshot({ ...response, body: text, cut: !whole }, { ...options, url });
    } catch (error) {
      return classify(error);
    }
  };

  return Object.freeze({ classify, classifyResponse, profiles });
}
