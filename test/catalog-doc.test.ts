/**
 * docs/CATALOG.md is the catalog as the code has it: exactly what scripts/catalog-doc.ts writes
 * from `CATALOG` now (run `npm run catalog-doc` after changing a code), and it ships in the package.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_DOC, renderCatalogDoc } from '../scripts/catalog-doc.js';
import { CATALOG, FAULT_CODES } from '../src/core/catalog.js';

const root = new URL('../', import.meta.url);

describe(CATALOG_DOC, () => {
  it('is what `npm run catalog-doc` writes now', () => {
    expect(readFileSync(new URL(CATALOG_DOC, root), 'utf8'), 'stale: run npm run catalog-doc').toBe(renderCatalogDoc());
  });

  it('has one row per code, with its status, retry class, remedy and description', () => {
    const rows = renderCatalogDoc().split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(FAULT_CODES.length);
    for (const [i, code] of FAULT_CODES.entries()) {
      const { status, retry, remedy, description } = CATALOG[code];
      expect(rows[i]).toBe(`| \`${code}\` | ${status ?? '—'} | \`${retry}\` | \`${remedy}\` | ${description} |`);
    }
  });

  it('is in the package', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain(CATALOG_DOC);
  });
});
