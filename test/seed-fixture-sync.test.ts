/**
 * test/fixtures/seed-cases.json is a verbatim copy of the shared seed fixture, so the repository
 * runs alone. Where the shared folder sits next to the repository (../shared, as in the monorepo
 * checkout), the two files must be byte-equal: an edit there that was not copied here fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_FIXTURE_URL } from './seed-fixture.js';

const SHARED = fileURLToPath(new URL('../../shared/fixtures/seed-cases.json', import.meta.url));
const present = existsSync(SHARED);

describe('seed fixture copy', () => {
  it.skipIf(!present)(
    present
      ? 'test/fixtures/seed-cases.json is byte-equal to ../shared/fixtures/seed-cases.json'
      : `skipped: ${SHARED} does not exist (a clone without the shared folder), nothing to compare with`,
    () => {
      const copy = readFileSync(SEED_FIXTURE_URL);
      const shared = readFileSync(SHARED);
      expect(copy.equals(shared), 'copy ../shared/fixtures/seed-cases.json to test/fixtures/seed-cases.json').toBe(true);
    },
  );
});
