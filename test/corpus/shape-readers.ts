/**
 * One way for the generic-layer shape tests (test/vendors/generic-holdout*-shapes.test.ts,
 * generic-backlog-words.test.ts) to read a corpus case, so that a claim about "the default classify" or
 * "the generic layer alone" means the same classifier, options and case lookup in every file.
 */
import { createClassifier } from '../../src/core/classifier.js';
import type { Fault } from '../../src/core/fault.js';
import { classify } from '../../src/entry/default-classifier.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { type CorpusFile, corpusResponse, loadCorpus } from './corpus.js';

/** What {@link shapeReaders} hands a test file, named as the tests have always called them. */
export interface ShapeReaders {
  /** The cases read, for a test that needs a response itself rather than its Fault. */
  readonly files: readonly CorpusFile[];
  /** The default classify: what a user gets, every built-in profile in front of the generic layer. */
  readonly c: (ref: string) => Fault;
  /** The generic layer alone, so a test can show a shape is read without a vendor profile's help. */
  readonly g: (ref: string) => Fault;
  /** Both, for a claim that must hold whether or not a built-in profile is in front. */
  readonly both: (ref: string) => readonly [Fault, Fault];
}

/**
 * Readers over the cases in `dirs`: several, because a file often re-checks older holdouts' cases beside its
 * own once a later rule touches them (a ref is looked up in the first directory holding its family). `now` is
 * fixed (0 unless a file's cases need a real date) so an absolute reset time gives the same wait on every run.
 * The generic-only classifier is built once per call, not once per case.
 */
export function shapeReaders(dirs: readonly URL[], now = 0): ShapeReaders {
  const files = dirs.flatMap((dir) => loadCorpus(dir));
  const generic = createClassifier({ profiles: [genericProfile] });
  const c = (ref: string): Fault => classify(corpusResponse(files, ref), { now });
  const g = (ref: string): Fault => generic.classify(corpusResponse(files, ref), { now });
  return { files, c, g, both: (ref) => [c(ref), g(ref)] };
}

/**
 * A Fault's fields in the order the test lists them, for one `toEqual` over several fields: a miss then
 * shows every field side by side, and the test need not bind the Fault to a name only to read it once.
 */
export function fieldsOf<K extends keyof Fault>(fault: Fault, keys: readonly K[]): Fault[K][] {
  return keys.map((key) => fault[key]);
}
