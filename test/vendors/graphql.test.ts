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

describe('graphql custom codes', () => {
  it('reads an unlisted code by its words on a 200', () => {
    const s = (code: string) => snapshotOf({ status: 200, body: JSON.stringify({ errors: [{ message: 'x', path: ['a'], extensions: { code } }] }) });
    expect(resolveWith(graphqlProfile, s('USER_NOT_FOUND'))).toMatchObject({ code: 'not_found', vendorCode: 'USER_NOT_FOUND' });
    expect(resolveWith(graphqlProfile, s('RATE_LIMIT_EXCEEDED'))).toMatchObject({ code: 'rate_limited' });
    expect(resolveWith(graphqlProfile, s('ARGUMENT_OUT_OF_RANGE'))).toMatchObject({ code: 'invalid_request' });
  });
});

describe('graphql custom codes on an error status', () => {
  it('reads RATELIMITED on a 400 as a rate limit, and leaves a wordless code to the status', () => {
    const s = (status: number, code: string) => snapshotOf({ status, body: JSON.stringify({ errors: [{ message: 'x', extensions: { code } }] }) });
    expect(resolveWith(graphqlProfile, s(400, 'RATELIMITED'))).toMatchObject({ code: 'rate_limited' });
    expect(resolveWith(graphqlProfile, s(400, 'AUTHENTICATION_ERROR'))).toMatchObject({ code: 'unauthenticated' });
    expect(resolveWith(graphqlProfile, s(503, 'SOMETHING_ODD'))).toMatchObject({ code: 'service_unavailable' });
  });
});
