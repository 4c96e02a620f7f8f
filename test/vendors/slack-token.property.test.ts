import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slackProfile } from '../../src/vendors/slack.js';
import { readHeaders } from '../../src/core/headers.js';
import type { ResponseSnapshot } from '../../src/vendors/profile.js';

/** Slack's token test as it was written before it became a regular expression: a char-code loop. */
function wasToken(error: string): boolean {
  if (error.length === 0 || error.length > 64) return false;
  for (let i = 0; i < error.length; i++) {
    const c = error.charCodeAt(i);
    if (!(c === 95 || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

const snapshot = (error: unknown): ResponseSnapshot => ({
  status: 200, headers: readHeaders({}), json: { ok: false, error }, text: '', contentType: 'application/json', host: undefined, now: 0,
});

describe('slack: which `error` values are Slack codes', () => {
  it('claims snake_case tokens of 1 to 64 characters only', () => {
    expect(slackProfile.detect(snapshot('channel_not_found'))).toBe(true);
    expect(slackProfile.detect(snapshot('a'.repeat(64)))).toBe(true);
    expect(slackProfile.detect(snapshot('a'.repeat(65)))).toBe(false);
    expect(slackProfile.detect(snapshot(''))).toBe(false);
    expect(slackProfile.detect(snapshot('Not_Found'))).toBe(false);
    expect(slackProfile.detect(snapshot('bad token'))).toBe(false);
    expect(slackProfile.detect(snapshot('token\n'))).toBe(false);
    expect(slackProfile.detect(snapshot(42))).toBe(false);
  });

  it('agrees with the char-code loop it replaced, on any string', () => {
    const chars = fc.constantFrom('a', 'z', '0', '9', '_', 'A', '-', ' ', '\n', '.', 'é', '`', '{');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: chars, maxLength: 70 }), fc.string({ maxLength: 70 })), (error) => {
        expect(slackProfile.detect(snapshot(error))).toBe(wasToken(error));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
