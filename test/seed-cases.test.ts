/**
 * Every case of the seed fixture (test/fixtures/seed-cases.json, a verbatim copy of
 * ../shared/fixtures/seed-cases.json: the five seed documents' examples and rules), through the
 * default classify: each field in `expect` must match, and `messageMustNotContain` must be absent
 * from the message, toJSON() and String(new FaultError(f)).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../src/entry/default-classifier.js';
import { FaultError } from '../src/core/fault.js';
import { seedFixture } from './seed-fixture.js';

const { cases } = seedFixture;

describe('seed cases (test/fixtures/seed-cases.json)', () => {
  it('has all 55 cases', () => {
    expect(cases).toHaveLength(55);
  });

  for (const c of cases) {
    it(`${c.id} (${c.seed})`, () => {
      const fault = classify(c.response, c.vendor === null ? {} : { vendor: c.vendor });
      const { messageMustNotContain: secret, ...fields } = c.expect;
      for (const [key, value] of Object.entries(fields)) {
        expect((fault as unknown as Record<string, unknown>)[key], key).toEqual(value);
      }
      if (secret !== undefined) {
        expect(fault.message).not.toContain(secret);
        const error = new FaultError(fault);
        expect(JSON.stringify(error.toJSON())).not.toContain(secret);
        expect(JSON.stringify(fault)).not.toContain(secret);
        expect(String(error)).not.toContain(secret);
      }
    });
  }
});
