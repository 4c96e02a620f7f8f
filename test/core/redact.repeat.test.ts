/**
 * redact keeps no state between calls: its rules are global regexes that it tests before replacing,
 * and a test moves a global regex's lastIndex. A secret must be masked wherever it sits, whatever
 * was redacted before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/redact.js';

const SECRETS = [
  'Bearer abcdEFGH1234ijkl',
  'x-api-key: abcdEFGH1234',
  'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'sk-proj-abcdEFGH1234ijkl',
  'ghp_abcdEFGH1234ijklMNOP',
  'AKIAIOSFODNN7EXAMPLE',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
  'https://example.com/?api_key=abcdEFGH1234',
  'https://user:hunter22@example.com/',
] as const;

const SECRET_PARTS = ['abcdEFGH1234', '4eC39HqLyjWD', 'IOSFODNN7EXAMPLE', 'c2lnbmF0dXJl', 'hunter22'];

function leaks(text: string): boolean {
  return SECRET_PARTS.some((part) => text.includes(part));
}

describe('redact between calls', () => {
  it('masks a secret near the start right after one far into a longer text', () => {
    for (const secret of SECRETS) {
      const far = `${'filler text '.repeat(20)}${secret}`;
      expect(leaks(redact(far)), far).toBe(false);
      expect(leaks(redact(secret)), secret).toBe(false);
      expect(redact(secret)).toBe(redact(secret));
    }
  });

  it('gives the same answer for a text whatever was redacted before it', () => {
    const text = fc.tuple(fc.constantFrom(...SECRETS), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }))
      .map(([secret, before, after]) => `${before} ${secret} ${after}`);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        const alone = texts.map((t) => redact(t));
        const reversed = [...texts].reverse().map((t) => redact(t)).reverse();
        expect(reversed).toEqual(alone);
        for (const out of alone) expect(leaks(out)).toBe(false);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
