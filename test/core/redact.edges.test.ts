/**
 * Secrets that only an assignment gives away (`password=…`, `client_secret: …`): no keyword of the
 * first trigger list is in them, so they are found only through the `=` / `:` check.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/redact.js';

describe('redact: assigned secrets without any other trigger', () => {
  it.each([
    ['password= with an equals sign', 'password=hunter2hunter2', 'password=[REDACTED]'],
    ['client_secret: with a colon', 'client_secret: q8Zt0pLmN3vX', 'client_secret: [REDACTED]'],
    ['a signature in a query string', 'GET /download?file=a.txt&sig=Zm9vYmFyYmF6', 'GET /download?file=a.txt&sig=[REDACTED]'],
    ['pwd: in a config dump', 'user=alice pwd: s3cr3t!', 'user=alice pwd: [REDACTED]'],
  ])('masks %s', (_name, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('leaves text with = or : but nothing secret as it is', () => {
    for (const text of ['status: BUILDING', 'a=1&b=2', 'retry in 2s: limit=60/min', '']) expect(redact(text)).toBe(text);
  });
});
