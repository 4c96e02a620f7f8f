/**
 * How every policy turns what a call threw into a FaultError: with the same classifier `classify`
 * uses, so a policy decides from the same Fault a caller would get from `classify(error)`.
 */
import type { Classifier } from './classifier.js';
import { FaultError, isFault, isFaultError } from './fault.js';
import { holdsUnreadBody } from './thrown.js';

/**
 * What a policy needs of a classifier: `createClassifier`'s result, or the default one.
 * @public
 */
export type FaultReader = Pick<Classifier, 'classify' | 'classifyResponse'>;

/**
 * A FaultError for anything thrown: a FaultError passes through; anything else is classified and
 * kept as the `cause`. Synchronous unless the value holds a body nobody has read (ky's `HTTPError`),
 * which is read first (bounded), so the hot path never waits a tick it does not need.
 * @internal
 */
export function faultErrorOf(thrown: unknown, reader: FaultReader): FaultError | Promise<FaultError> {
  if (isFaultError(thrown) && isFault(thrown.fault)) return thrown;
  if (holdsUnreadBody(thrown)) return reader.classifyResponse(thrown).then((fault) => new FaultError(fault, { cause: thrown }));
  return new FaultError(reader.classify(thrown), { cause: thrown });
}
