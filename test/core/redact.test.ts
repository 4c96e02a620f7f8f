import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/redact.js';

describe('redact', () => {
  it.each([
    ['a bearer token', 'Authorization: Bearer abcdef123456.xyz', 'abcdef123456'],
    ['a bearer token after the word token', 'invalid token Bearer abcdef123456xyz', 'abcdef123456xyz'],
    ['a bearer token after the word basic', 'basic Bearer zyxw98765432', 'zyxw98765432'],
    ['a Stripe live key', 'Key sk_live_4eC39HqLyjWDarjtT1zdp7dc was revoked', '4eC39HqLyjWDarjtT1zdp7dc'],
    ['a Stripe restricted key', 'rk_live_51Habcdefghijklmnop', '51Habcdefghijklmnop'],
    ['an OpenAI project key', 'Incorrect API key provided: sk-proj-abcdefghij1234567890', 'abcdefghij1234567890'],
    ['an Anthropic key', 'x sk-ant-api03-abcdefghijklmnop', 'api03-abcdefghijklmnop'],
    ['an AWS access key id', 'The key AKIAIOSFODNN7EXAMPLE is invalid', 'IOSFODNN7EXAMPLE'],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig_nature-x', 'eyJzdWIiOiIxMjM0In0'],
    ['an api_key in a URL', 'GET https://api.example.com/v1?api_key=s3cr3tvalue&x=1', 's3cr3tvalue'],
    ['a key= in a URL', 'https://maps.example.com/?key=AIzaSyD-abc123456', 'AIzaSyD-abc123456'],
    ['a token= in a URL', 'https://h/?a=1&token=tok_9876543210', 'tok_9876543210'],
    ['an x-api-key header', 'x-api-key: 0123456789abcdef', '0123456789abcdef'],
    ['credentials in a URL', 'https://user:hunter2@example.com/path', 'hunter2'],
    ['a key after dashes, as in a command line', 'unknown option -sk-ant-api03-abcdefghijklmnop', 'abcdefghijklmnop'],
    ['a header after dashes', "got '--x-api-key: 0123456789abcdef'", '0123456789abcdef'],
    ['a JWT after dashes', '--eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig', 'eyJzdWIiOiIxMjM0In0'],
  ])('removes %s', (_name, text, secret) => {
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED]');
  });

  it('leaves ordinary messages alone', () => {
    const text = "Rate limit exceeded: try again in 26.604s. Deployment 'my-model' is not active (status: BUILDING)";
    expect(redact(text)).toBe(text);
  });

  // A scheme word followed by the sentence it is part of: masking the next word would take the meaning out
  // of the message (Tuya's `{'code': 1010, 'msg': 'token invalid'}` read as "token [REDACTED]").
  it.each([
    'token invalid',
    'Token expired, sign in again',
    'Basic auth failed',
    'Bearer token missing',
    'token revoked',
    // privacyIDEA's `ERR905: The token does not exist`, and other sentences that go on after "token".
    'ERR905: The token does not exist',
    'Token verification failed',
    'The refresh token provided has expired',
    'Bearer token mismatch',
    // postmark.js' tests' 500 body, and Telegram's 409 description.
    'Basic error',
    'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    // Clock times and ids with colons are no bot tokens.
    'at 12:30:45, job 123456:retry-later',
  ])('keeps the words of %j', (text) => {
    expect(redact(text)).toBe(text);
  });

  it.each([
    ['a token that starts like a word', 'Token invalid_9f8e7d6c5b4a', 'invalid_9f8e7d6c5b4a'],
    ['a token that starts like a word, joined by a dash', 'Token expired-9f8e7d6c5b4a', 'expired-9f8e7d6c5b4a'],
    ['a token that starts like a sentence word', 'Token does9f8e7d6c5b4a', 'does9f8e7d6c5b4a'],
    ['a Telegram bot token in the URL a client called (the Bot API docs\' example token)', 'request to https://api.telegram.org/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/getMe failed, reason: connect ECONNREFUSED', 'ABC-DEF1234ghIkl-zyx57W2v1u123ew11'],
    ['a Telegram bot token alone', 'token 110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw was revoked', 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw'],
  ])('still removes %s', (_name, text, secret) => {
    expect(redact(text)).not.toContain(secret);
  });

  it('returns an empty string for non-strings', () => {
    expect(redact(undefined as never)).toBe('');
    expect(redact(42 as never)).toBe('');
  });
});
