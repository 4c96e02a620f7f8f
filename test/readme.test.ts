/**
 * README code is real code: every snippet marked `<!-- example: examples/NAME.ts -->` is that file,
 * character for character, and every example runs (test/examples.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}/README.md`, 'utf8');
const MARKER = /<!-- example: (examples\/[\w./-]+\.ts) -->\s*```ts\n([\s\S]*?)```/g;
const snippets = [...readme.matchAll(MARKER)].map((m) => ({ file: m[1] as string, code: m[2] as string }));

describe('README', () => {
  it('shows the set-up commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });

  it('has runnable snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
  });

  it.each(snippets.map((s) => [s.file, s] as const))('the snippet for %s is the example file', (file, snippet) => {
    expect(snippet.code).toBe(readFileSync(`${root}/${file}`, 'utf8'));
  });
});
