/**
 * The default classifier's second reading of a text body: the object an SDK printed after its own words
 * (openai-python's `Error code: 429 - {'error': {…}}`), read by the vendors' profiles as if it had come as JSON, so a
 * vendor's own table decides a printout of its body. Kept out of the engine, so a classifier built from a few profiles
 * carries none of it.
 */
import type { Fault } from './fault.js';
import { dispatcher } from './dispatch.js';
import type { ResponseSnapshot, VendorProfile } from './profile.js';
import { type TextReading, answerOf } from './classify-engine.js';

/**
 * What the second reading is made of: `unwrap` gives the printed object as a snapshot of its own, with the status the
 * printout states; `profiles` read it, in order; `choose` gives the Fault from the first one's reading that names a code
 * and the reading every profile made of the text whole.
 * @internal
 */
export interface PrintedReader {
  readonly unwrap: (snapshot: ResponseSnapshot) => ResponseSnapshot | undefined;
  readonly profiles: readonly VendorProfile[];
  readonly choose: (printed: Fault, whole: Fault) => Fault;
}

/**
 * The {@link TextReading} of `printed`: the whole reading, unless a profile names a code for the printed object.
 * @example
 * ```ts
 * const reread = printedReading({ unwrap: () => undefined, profiles: [], choose: (_printed, whole) => whole });
 * ```
 * @internal
 */
export function printedReading(printed: PrintedReader): TextReading {
  const candidates = dispatcher(printed.profiles);
  return (snapshot, id, whole) => {
    const inner = printed.unwrap(snapshot);
    if (inner === undefined) return whole;
    const marks = candidates(inner);
    for (let i = 0; i < marks.length; i++) {
      const fault = marks[i] === 1 ? answerOf(printed.profiles[i] as VendorProfile, inner, id) : undefined;
      if (fault !== undefined && fault.code !== 'unknown') return printed.choose(fault, whole);
    }
    return whole;
  };
}
