import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the committed API report', () => {
  it('matches the public API of the built package (run `npm run api` after an API change)', () => {
    expect(existsSync(`${root}/dist/index.d.ts`), 'build first: npm test builds before testing').toBe(true);
    let output = '';
    let failed = false;
    try {
      output = execFileSync(`${root}/node_modules/.bin/api-extractor`, ['run'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failed = true;
      output = String((error as { stdout?: unknown }).stdout ?? error);
    }
    expect(failed, output).toBe(false);
    expect(output).not.toMatch(/API report has changed|report file was missing/i);
  });
});
