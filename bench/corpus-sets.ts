// The public corpus as the benches read it, and the default classify of another checkout.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CorpusCase, loadCorpus } from '../test/corpus/corpus.js';

/** Every case's response, as the corpus holds it (JSON, text, printouts, no status). */
export const corpusResponses: readonly CorpusCase['response'][] = loadCorpus().flatMap((f) => f.cases.map((c) => c.response));

/** The responses whose body parses as JSON, with the body handed over parsed. */
export const parsedResponses: readonly { readonly status?: number; readonly headers?: Readonly<Record<string, string>>; readonly body: unknown }[] = corpusResponses.flatMap((r) => {
  try {
    return [{ ...r, body: JSON.parse(r.body as string) as unknown }];
  } catch {
    return [];
  }
});

/** The default `classify` of the checkout at `root` (a directory holding src/), loaded from its source. */
export async function classifyOf(root: string): Promise<(input: unknown, options: { readonly now: number }) => { readonly code: string }> {
  const entry = pathToFileURL(path.resolve(root, 'src/entry/default-classifier.ts')).href;
  return ((await import(entry)) as { classify: (input: unknown, options: { readonly now: number }) => { readonly code: string } }).classify;
}
