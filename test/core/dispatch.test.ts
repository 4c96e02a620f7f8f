import { describe, expect, it } from 'vitest';
import { createClassifier, defineProfile } from '../../src/index.js';

describe('dispatch by keys', () => {
  // A profile whose detect takes anything: what it meets is what its keys let through.
  const met: string[] = [];
  const profile = (id: string, keys: readonly string[]) =>
    defineProfile({ id, keys, codes: { X: 'rate_limited' }, detect: () => (met.push(id), false), parse: () => undefined });
  const { classify } = createClassifier({ profiles: [profile('path', ['error.type']), profile('plain', ['error']), profile('dotted', ['odata.error'])] });
  const meets = (body: unknown): string[] => {
    met.length = 0;
    classify({ status: 400, body });
    return [...met];
  };

  it("meets a profile claiming 'error.type' only where error is an object that has type", () => {
    expect(meets({ error: { type: 'x', message: 'm' } })).toEqual(['path', 'plain']);
    expect(meets({ error: { message: 'm' } })).toEqual(['plain']);
    expect(meets({ error: 'invalid_grant' })).toEqual(['plain']);
    expect(meets({ error: null })).toEqual(['plain']);
    expect(meets({ type: 'x' })).toEqual([]);
  });

  it('keeps the old meaning of a name with a dot: the member of that very name', () => {
    expect(meets({ 'odata.error': { code: 'x' } })).toEqual(['dotted']);
    expect(meets({ odata: { error: 'x' } })).toEqual(['dotted']);
    expect(meets({ 'error.type': 'x' })).toEqual(['path']);
  });

  it('meets every profile for a body that is not a JSON object', () => {
    expect(meets([{ error: 'x' }])).toEqual(['path', 'plain', 'dotted']);
    expect(meets('text')).toEqual(['path', 'plain', 'dotted']);
  });
});
