/**
 * Generated secrets of every common form, shared by the secrets properties: each one says which
 * part must never be seen (`secret`) and the text it is written as (`text`), e.g.
 * `{ text: 'Bearer abc…', secret: 'abc…' }`.
 */
import fc from 'fast-check';

export const alnum = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('')), minLength: min, maxLength: max });
export const upperAlnum = (n: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('')), minLength: n, maxLength: n });
export const b64url = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.split('')), minLength: min, maxLength: max });

/** A secret and the text it is written as; `secret` is the part that must never be seen. */
export interface Planted {
  readonly text: string;
  readonly secret: string;
}

const plant = (prefix: string, body: fc.Arbitrary<string>, suffix = ''): fc.Arbitrary<Planted> =>
  body.map((secret) => ({ text: `${prefix}${secret}${suffix}`, secret }));

/** One arbitrary per form, so a test can take one secret of each (`fc.tuple(...SECRET_FORMS)`). */
export const SECRET_FORMS: readonly fc.Arbitrary<Planted>[] = [
  plant('Bearer ', alnum(16, 40)),
  plant('sk_live_', alnum(16, 32)),
  plant('sk_test_', alnum(16, 32)),
  plant('rk_live_', alnum(16, 32)),
  plant('sk-', alnum(20, 48)),
  plant('sk-proj-', b64url(20, 48)),
  plant('sk-ant-api03-', b64url(20, 48)),
  plant('AKIA', upperAlnum(16)),
  fc.tuple(b64url(10, 20), b64url(10, 40), b64url(10, 30)).map(([a, b, c]) => ({ text: `eyJ${a}.eyJ${b}.${c}`, secret: `eyJ${b}` })),
  plant('https://api.example.com/v1/items?api_key=', alnum(12, 32), '&page=2'),
  plant('https://maps.example.com/?key=', alnum(12, 32)),
  plant('wss://x.example.com/socket?token=', alnum(12, 32)),
  plant('Authorization: Basic ', alnum(16, 32)),
  plant('x-api-key: ', alnum(16, 32)),
];

/** A secret of any form. */
export const secrets: fc.Arbitrary<Planted> = fc.oneof(...SECRET_FORMS);

/** Words written before and after a secret, as error messages put them. */
export const surroundings = fc.tuple(
  fc.constantFrom('', 'Error: ', 'Key ', 'request to ', 'invalid credential ', 'invalid token ', 'basic '),
  fc.constantFrom('', ' was revoked', ' failed', '.'),
);

/**
 * Whether `output` shows `secret`, or any 12 characters of it in a row: a message cut short
 * (`got 'HTTP/1.1 Bearer abc…'`) must not show the start of a key either.
 */
export function shows(output: string, secret: string): boolean {
  const window = Math.min(12, secret.length);
  for (let i = 0; i + window <= secret.length; i++) if (output.includes(secret.slice(i, i + window))) return true;
  return false;
}
