/**
 * The format and label checks every corpus file must pass, shared by the public corpus test and the
 * holdout test so both hold their files to the same rules.
 */
import { expect } from 'vitest';
import { isFaultCode, isRetryClass } from '../../src/core/codes.js';
import type { CorpusFile } from './corpus.js';

/** Fails the running test when `file` breaks the corpus format (see ./corpus.ts) or a label is not a catalog value. */
export function expectWellFormed(file: CorpusFile, profileIds: ReadonlySet<string>): void {
  expect(file.family).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  expect(typeof file.category).toBe('string');
  expect(file.profile === null || profileIds.has(file.profile), `profile ${String(file.profile)} is a built-in id or null`).toBe(true);
  expect(file.cases.length).toBeGreaterThan(0);
  const ids = new Set<string>();
  for (const c of file.cases) {
    expect(ids.has(c.id), `${c.id}: ids are unique`).toBe(false);
    ids.add(c.id);
    expect(c.source, `${c.id}: source is an http(s) URL`).toMatch(/^https?:\/\/\S+$/);
    expect(c.response.status === undefined || Number.isInteger(c.response.status), `${c.id}: status`).toBe(true);
    expect(c.response.body === undefined || typeof c.response.body === 'string', `${c.id}: body is a string`).toBe(true);
    expect(isFaultCode(c.expect.code), `${c.id}: code ${c.expect.code} is a catalog code`).toBe(true);
    expect(isRetryClass(c.expect.retry), `${c.id}: retry ${c.expect.retry} is a retry class`).toBe(true);
    const wait = c.expect.retryAfterMs;
    expect(wait === undefined || wait === null || (Number.isInteger(wait) && wait >= 0), `${c.id}: retryAfterMs`).toBe(true);
  }
}
