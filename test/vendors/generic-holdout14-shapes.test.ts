/**
 * What the fourteenth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: later holdouts do): a 200 whose list answer is all error objects (the Philips
 * Hue bridge); "token invalid" (Tuya); "not authorised to perform" over a `status: "unauthorized"` member
 * (Canvas); "usage reached" (Netatmo); a plan's words: "past due", "Premium functionality", "subscription …
 * has expired"; "can not find". Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT14_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT14_DIR]);

describe('words', () => {
  it.each([
    // Tuya's Python SDK: `{'code': 1010, 'msg': 'token invalid', 'success': False, …}`
    ['tuya/tuya-python-sdk-1010-token-invalid', 'unauthenticated'],
    // Canvas, a 403: `{"status": "unauthorized", "errors": [{"message": "user not authorised to perform that action"}]}`
    ['canvas-lms/canvas-403-user-not-authorised', 'permission_denied'],
    // Netatmo, as PHP prints it: `Array ( [code] => 26 [message] => User usage reached )`
    ['netatmo/netatmo-php-code26-user-usage-reached', 'rate_limited'],
    // Smartcar: "Your Smartcar account is past due and has been suspended."
    ['smartcar/smartcar-docs-billing-account-suspended-430', 'payment_required'],
    // Toggl: "Request tried to utilized Premium functionality on workspace which is not Premium!"
    ['toggl/toggl-premium-functionality-not-premium', 'payment_required'],
    // tinytuya: "No permissions. Your subscription to cloud development plan has expired."
    ['tuya/tuya-tinytuya-28841002-subscription-expired', 'payment_required'],
    // Moodle: "Can not find data record in database table external_functions."
    ['moodle/moodle-dml-missing-record-external-functions', 'not_found'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('keeps "token invalid" in the message: the word after "token" is not a secret', () => {
    expect(c('tuya/tuya-python-sdk-1010-token-invalid').message).toBe('token invalid');
  });
});

describe('a 200 whose list answer is all error objects', () => {
  it('is a fault (the Philips Hue bridge)', () => {
    expect(fieldsOf(c('philips-hue/hue-bridge-type1-unauthorized-user-200'), ['code', 'vendorCode'])).toEqual(['unauthenticated', '1']);
  });

  it('is no fault when only some entries are errors, or the list is of results', () => {
    const mixed = '[{"success":{"/lights/1/state/on":true}},{"error":{"type":201,"address":"/lights/1/state/bri","description":"parameter, bri, is not modifiable. Device is set to off."}}]';
    expect(classify({ status: 200, body: mixed }).code).toBe('unknown');
    expect(classify({ status: 200, body: '[{"id":1,"error":null}]' }).code).toBe('unknown');
    expect(classify({ status: 200, body: '[]' }).code).toBe('unknown');
  });
});
