import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { xmlText } from '../../src/vendors/profile.js';

/** The reader azure.ts had before it shared xmlText (end searched from the opening tag, not after it). */
function azureXmlTag(text: string, tag: string): string | undefined {
  const start = text.indexOf(`<${tag}>`);
  const end = start < 0 ? -1 : text.indexOf(`</${tag}>`, start);
  return end < 0 ? undefined : text.slice(start + tag.length + 2, end).trim() || undefined;
}

describe('xmlText: the first element text, as azure and problem+json read it', () => {
  it('reads a trimmed element and gives undefined for a blank, missing or unclosed one', () => {
    expect(xmlText('<Error><Code> ServerBusy </Code></Error>', 'Code')).toBe('ServerBusy');
    expect(xmlText('<Code>  </Code>', 'Code')).toBeUndefined();
    expect(xmlText('<Error></Error>', 'Code')).toBeUndefined();
    expect(xmlText('<Code>x', 'Code')).toBeUndefined();
    expect(xmlText('<Code>a</Code><Code>b</Code>', 'Code')).toBe('a');
  });

  it('agrees with the reader azure had, on any text', () => {
    const piece = fc.constantFrom('<Code>', '</Code>', '<Code', 'Code>', '</', '<', '>', ' ', 'x', '\n', 'Code');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(xmlText(text, 'Code')).toBe(azureXmlTag(text, 'Code'));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
