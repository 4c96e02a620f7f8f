/** The README's table of supported SDKs and HTTP clients is generated from the SDK matrix and current. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script, no types
import { table, withTable } from '../scripts/sdk-table.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the README support table', () => {
  it('is what scripts/sdk-table.mjs writes from test/sdk and its fixtures (npm run sdk-table)', () => {
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    expect(withTable(readme)).toBe(readme);
  });

  it('lists every client of the matrix with the fault codes its fixtures expect', () => {
    const rows = (table() as string).split('\n').slice(2);
    expect(rows.length).toBe(79);
    expect(rows.find((r) => r.startsWith('| openai |'))).toContain('`quota_exhausted`');
    expect(rows.find((r) => r.startsWith('| Octokit |'))).toContain('`rate_limited`');
    expect(rows.find((r) => r.startsWith('| discord.js |'))).toContain('`permission_denied`');
    expect(rows.find((r) => r.startsWith('| Slack |'))).toContain('`unauthenticated`');
    expect(rows.find((r) => r.startsWith('| Twilio |'))).toContain('`validation_failed`');
  });
});
