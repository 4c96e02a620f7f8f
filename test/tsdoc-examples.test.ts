/**
 * Every `@example` in the TSDoc of the public API type-checks as a user's code importing from
 * 'faultline' (and its subpaths): scripts/check-examples.ts writes each ```ts block to a file and
 * checks them all in one TypeScript program. `npm run examples:check` lists what fails.
 */
import { describe, expect, it } from 'vitest';
import { checkExamples } from '../scripts/check-examples.js';

describe('TSDoc @example blocks', () => {
  it('of every public export compile against the package', { timeout: 180_000 }, () => {
    const { examples, errors } = checkExamples();
    // The collector works: the public API documents well over a hundred examples.
    expect(examples.length).toBeGreaterThan(100);
    expect(examples.some((e) => e.symbol === 'FaultError')).toBe(true);
    expect(errors).toEqual([]);
  });
});
