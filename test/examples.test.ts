/** Every example in examples/ runs: its `main()` resolves. Behaviour-specific checks live beside each policy's tests. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../examples', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('examples', () => {
  it.each(files)('%s runs', async (file) => {
    const mod = (await import(`../examples/${file}`)) as { main?: () => Promise<unknown> };
    expect(typeof mod.main).toBe('function');
    await expect(mod.main!()).resolves.toBeDefined();
  });
});
