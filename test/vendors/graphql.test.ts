import { describe, expect, it } from 'vitest';
import { graphqlProfile } from '../../src/vendors/graphql.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('graphql profile', () => {
  for (const c of loadFixtures('graphql')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(graphqlProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim a 200 with data and no errors', () => {
    expect(graphqlProfile.detect(snapshotOf({ status: 200, body: '{"data":{"viewer":{"login":"octocat"}}}' }))).toBe(false);
  });

  it('does not claim SendGrid-style {errors:[{field, message}]} or JSON:API errors', () => {
    expect(graphqlProfile.detect(snapshotOf({ status: 400, body: '{"errors":[{"field":"from","message":"required"}]}' }))).toBe(false);
    expect(graphqlProfile.detect(snapshotOf({ status: 422, body: '{"errors":[{"status":"422","title":"Invalid Attribute","source":{"pointer":"/data"}}]}' }))).toBe(false);
  });

  it('turns BAD_USER_INPUT with an argumentName into a field error', () => {
    const s = snapshotOf({ status: 200, body: '{"errors":[{"message":"Invalid argument value","extensions":{"code":"BAD_USER_INPUT","argumentName":"id"}}]}' });
    expect(resolveWith(graphqlProfile, s)).toMatchObject({ code: 'validation_failed', fields: [{ path: 'id', message: 'Invalid argument value' }] });
  });
});
