import { describe, expect, it } from 'vitest';
import { codeIn } from '../../src/vendors/profile.js';
import { AZURE_CODES } from '../../src/vendors/azure.js';

describe('codeIn: the canonical code a table gives a key', () => {
  const table = { ServerBusy: 'overloaded', lock_timeout: { code: 'conflict', retry: 'always' } } as const;

  it('reads a plain rule and a rule object alike', () => {
    expect(codeIn(table, 'ServerBusy')).toBe('overloaded');
    expect(codeIn(table, 'lock_timeout')).toBe('conflict');
  });

  it('gives undefined for a missing or absent key', () => {
    expect(codeIn(table, 'Nope')).toBeUndefined();
    expect(codeIn(table, undefined)).toBeUndefined();
    expect(codeIn(table, '')).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('never reads an inherited key: %s', (key) => {
    expect(codeIn(table, key)).toBeUndefined();
    expect(codeIn(AZURE_CODES, key)).toBeUndefined();
  });

  it('agrees with the table for every key of a built-in table', () => {
    for (const [key, rule] of Object.entries(AZURE_CODES)) expect(codeIn(AZURE_CODES, key)).toBe(typeof rule === 'string' ? rule : rule.code);
  });
});
