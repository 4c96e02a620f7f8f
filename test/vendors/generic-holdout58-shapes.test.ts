/**
 * What the fifty-eighth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a `saved: false` or a `status: "invalid"` beside a message in a 200 is a failure; a
 * Flask-RESTful `message` object keyed by field names the fields; Passky's `info` beside a numbered `error` is the
 * message; V8's "… is not valid JSON" for an HTML page is the client failing to read it; and words. Every body is a
 * corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT58_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT58_DIR]);

describe('errors inside a 200', () => {
  it.each([
    ['paisa/paisa-sheet-create-file-already-exists-200', 'already_exists'],
    ['paisa/paisa-sheet-save-file-does-not-exist-200', 'not_found'],
    ['paisa/paisa-sheet-save-invalid-file-name-200', 'invalid_request'],
    ['paisa/paisa-sheet-save-failed-to-write-200', 'internal'],
    ['paisa/paisa-editor-save-readonly-200', 'permission_denied'],
    ['mail-in-a-box/mail-in-a-box-login-invalid-in-200', 'unauthenticated'],
    ['passky/passky-password-incorrect', 'unauthenticated'],
    ['passky/passky-username-already-registered', 'already_exists'],
    ['passky/passky-max-passwords-reached', 'quota_exhausted'],
    ['passky/passky-not-owner-of-password', 'permission_denied'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it.each([
    ['a resource whose `saved` is false', '{"id": 4, "saved": false, "message": "Draft kept"}'],
    ['a `status: "invalid"` in a record with more', '{"id": 4, "status": "invalid", "reason": "expired card", "amount": 5}'],
  ])('%s is no failure', (_what, body) => {
    expect(classify({ status: 200, body }).code).toBe('unknown');
  });
});

describe('fields named in a `message` object', () => {
  it('a Flask-RESTful reqparse error is validation_failed', () => {
    for (const f of both('lemur/lemur-issue-219-invalid-pem')) expect(f.code).toBe('validation_failed');
  });

  it('a `message` of objects is a wrapper, not fields (Musixmatch\'s `{header, body}`)', () => {
    expect(classify({ body: '{"message": {"header": {"status_code": 404}, "body": {}}}' }).code).not.toBe('validation_failed');
  });

  it("OData's `{lang, value}` stays one message", () => {
    expect(classify({ status: 400, body: '{"error": {"code": "BadRequest", "message": {"lang": "en-us", "value": "Invalid value for field"}}}' }).message).toBe('Invalid value for field');
  });
});

describe('words', () => {
  it.each([
    ['silverbullet/silverbullet-sync-html-instead-of-json', 'malformed_response'],
    ['mailtrain/mailtrain-issue-690-reference-error', 'internal'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a server\'s "not valid JSON" about the request stays the request\'s (FarmBot\'s 422)', () => {
    expect(classify({ status: 422, body: '{"error": "That request was not valid JSON."}' }).code).toBe('invalid_request');
  });
});
