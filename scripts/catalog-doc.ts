// Writes docs/CATALOG.md from `CATALOG` in src/core/catalog.ts, so the published table is the
// code's own: `npm run catalog-doc` (tsx). test/catalog-doc.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATALOG, FAULT_CODES } from '../src/core/catalog.js';

/** Where the table is written, from the repository root. */
export const CATALOG_DOC = 'docs/CATALOG.md';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The text of docs/CATALOG.md for the catalog as the code has it now. */
export function renderCatalogDoc(): string {
  const rows = FAULT_CODES.map((code) => {
    const { status, retry, remedy, description } = CATALOG[code];
    return `| \`${code}\` | ${status ?? '—'} | \`${retry}\` | \`${remedy}\` | ${cell(description)} |`;
  });
  return [
    '# The fault catalog',
    '',
    '<!-- Generated from src/core/catalog.ts by `npm run catalog-doc`; do not edit by hand. -->',
    '',
    `Every failure faultline sees becomes a \`Fault\` whose \`code\` is one of these ${FAULT_CODES.length} codes. The codes`,
    'are the public contract: stable strings, never renumbered, never removed. `retry` and `remedy` are',
    "the defaults; a vendor profile may override `retry` for one vendor's documented meaning, and a server",
    'hint (`x-should-retry`, `Stripe-Should-Retry`) overrides both. `status` is the HTTP status the code',
    'usually arrives with (— for faults that have none).',
    '',
    '- `always`: the request was not processed, or the server says it is safe to send again.',
    '- `idempotent`: the request may have been processed; retry only an idempotent call.',
    '- `never`: sending the same request again cannot succeed.',
    '',
    '| code | status | retry | remedy | description |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = fileURLToPath(new URL(`../${CATALOG_DOC}`, import.meta.url));
  writeFileSync(path, renderCatalogDoc());
  console.log(`${CATALOG_DOC} written (${FAULT_CODES.length} codes)`);
}
