import { describe, expect, it } from 'vitest';
import { discordProfile } from '../../src/vendors/discord.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('discord profile', () => {
  for (const c of loadFixtures('discord')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(discordProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim GitHub {message, documentation_url} or a generic {code: 404, message}', () => {
    expect(discordProfile.detect(snapshotOf({ status: 404, body: '{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}' }))).toBe(false);
    expect(discordProfile.detect(snapshotOf({ status: 404, body: '{"code":404,"message":"Not Found"}' }))).toBe(false);
  });

  it('reads any 10xxx "Unknown …" code as not_found without a status (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json)', () => {
    const s = snapshotOf({ status: 404, body: '{\n  "message": "Unknown Channel",\n  "code": 10003\n}' });
    expect(resolveWith(discordProfile, { ...s, status: undefined })).toMatchObject({ code: 'not_found', vendorCode: '10003' });
  });

  it('bounds the walk over a deep errors tree', () => {
    let tree: Record<string, unknown> = { _errors: [{ message: 'deep' }] };
    for (let i = 0; i < 1000; i++) tree = { a: tree };
    const s = snapshotOf({ status: 400, body: JSON.stringify({ message: 'Invalid Form Body', code: 50035, errors: tree }) });
    expect(resolveWith(discordProfile, s)).toMatchObject({ code: 'validation_failed' });
  });
});
