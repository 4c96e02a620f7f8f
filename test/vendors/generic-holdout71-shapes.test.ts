/**
 * What the seventy-first holdout's misses showed, once it had measured the tree blind: the nested error object's profile
 * leaves a code its table does not know to the generic layer, which reads the words too (AutoPrintFarm's 409
 * `EMAIL_EXISTS` "An account with this email already exists"); an `error` name beside a `msg` is the code (WordPress'
 * admin-ajax `{"success": false, "data": {"error": "booking_not_found", "msg": …}}`); a number alone as `code` in a 200 is
 * an error (SRS's `{"code": 2048}`). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT30_DIR, HOLDOUT71_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT71_DIR, HOLDOUT30_DIR]);

describe('the nested error object', () => {
  it.each([
    ['autoprintfarm/autoprintfarm-email-exists', 'already_exists', 'EMAIL_EXISTS'],
    ['autoprintfarm/autoprintfarm-assembly-task-already-completed', 'conflict', 'TASK_ALREADY_COMPLETED'],
    ['giftbit/giftbit-brand-not-found-422', 'not_found', undefined],
  ])('with a code its table does not know, %s is read by its words: %s', (ref, code, vendorCode) => {
    const f = c(ref);
    expect(f.code).toBe(code);
    if (vendorCode !== undefined) expect(fieldsOf(f, ['vendor', 'vendorCode'])).toEqual(['generic', vendorCode]);
  });

  it('with a code the table knows it is still the profile’s', () => {
    const f = classify({ status: 429, body: '{"error": {"code": "RATE_LIMITED", "message": "Too many requests"}}' });
    expect(fieldsOf(f, ['code', 'vendor'])).toEqual(['rate_limited', 'error-object']);
  });
});

describe('envelopes', () => {
  it.each([
    ['restaurant-reservations-wp/restaurant-reservations-wp-booking-not-found', 'not_found', 'booking_not_found'],
    ['restaurant-reservations-wp/restaurant-reservations-wp-email-missing-message', 'invalid_request', 'email_missing_message'],
  ])("an `error` name beside a `msg`: %s is %s (%s)", (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it.each([
    ['srs/srs-stream-not-found', '2048'],
    ['srs/srs-raw-api-disabled', '1061'],
  ])('a number alone as `code` in a 200: %s names %s', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('a success says so: `{"code": 0}` and `{"code": 200}` alone are none', () => {
    expect(classify({ status: 200, body: '{"code": 0}' }).vendorCode).toBeUndefined();
    expect(classify({ status: 200, body: '{"code": 200}' }).vendorCode).toBeUndefined();
  });
});
