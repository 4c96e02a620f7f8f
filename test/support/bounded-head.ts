/**
 * The check every generic-layer rule's hostile-input test makes: the default classify reads a bounded head of a body,
 * so a body four times as long costs no more string work (counted, not timed) and gets the same code.
 */
import { expect } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { stringWork } from './string-work.js';

const MIB = 1024 * 1024;

/** Classifies `make(1 MiB)` and `make(4 MiB)` under `status` and expects both within a few passes over maxBodyBytes. */
export function expectBoundedHead(status: number, make: (n: number) => string): void {
  const a = stringWork(() => classify({ status, body: make(MIB) }));
  const b = stringWork(() => classify({ status, body: make(4 * MIB) }));
  expect(a.chars).toBeLessThanOrEqual(32 * 65_536);
  expect(b.chars).toBeLessThanOrEqual(32 * 65_536);
  expect(b.result.code).toBe(a.result.code);
}
