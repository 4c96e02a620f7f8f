/**
 * What the twenty-third holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): Moka's `ResultCode`/`ResultMessage`, FullContact's `reasonCode`, Cronofy's
 * list of `{key, description}` objects under a field, VNPay's whole form-encoded reply (`vnp_ResponseCode=91&…`),
 * a lone `{"error": "Unauthorized"}` as the status in words, and "taking longer than" as a server's timeout.
 * Every body is a corpus case (its `source` says where it was copied from), or a body quoted inline with its source.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT23_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT23_DIR]);

describe('envelopes', () => {
  it.each([
    ['moka/moka-dovoid-resultcode', 'invalid_request', 'PaymentDealer.DoVoid.InvalidRequest'],
    ['moka/moka-docapture-virtualposorderid', 'not_found', 'PaymentDealer.DoCapture.PaymentNotFound'],
  ])('reads `ResultCode` as the code and its words (%s)', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('reads `reasonCode` beside a message (FullContact)', () => {
    expect(c('fullcontact/fullcontact-company-enrich-domain-not-registered').vendorCode).toBe('NOT_REGISTERED');
  });

  it.each([
    ['cronofy/cronofy-create-calendar-name-clash', 'already_exists', 'errors.duplicate_calendar_name'],
    ['cronofy/cronofy-event-upsert-missing-event-id', 'validation_failed', 'errors.required'],
  ])('reads the `key` of the first error object listed under a field (%s)', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('takes no code from a lone `{"error": "Unauthorized"}`', () => {
    expect(fieldsOf(c('ticket-evolution/ticket-evolution-events-list-bare-error'), ['code', 'vendorCode'])).toEqual(['unauthenticated', undefined]);
  });
});

describe('form-encoded replies', () => {
  it.each([
    ['vnpay/vnpay-querydr-response-91', 'not_found', '91'],
    // "Parameter required" names what the request left out (test/vendors/generic-backlog-words.test.ts).
    ['vnpay/vnpay-refund-response-99-parameter', 'invalid_request', '99'],
  ])('reads a 200 whose whole body is `k=v&…` with a shared prefix (%s)', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('finds no error in a form-encoded reply whose response code is `00`', () => {
    // https://github.com/phpviet/omnipay-vnpay/blob/83bb58d4ee3625c9afdebf5473620eee51707ee5/tests/Mock/RefundSuccess.txt
    const body =
      'vnp_Amount=1000000&vnp_Message=QueryDR+Success&vnp_OrderInfo=1562314234&vnp_PayDate=20190705151100&vnp_ResponseCode=00&vnp_TmnCode=COCOSIN&vnp_TransactionNo=496558&vnp_TransactionStatus=01&vnp_TxnRef=1562314234&vnp_SecureHash=8c3f728cef087916f1f7f2995106ec27';
    const f = classify({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body }, { now: 0 });
    expect([f.code, f.vendorCode]).toEqual(['unknown', undefined]);
  });
});

describe('words', () => {
  it.each([['emailable/emailable-node-readme-slow-mail-server'], ['emailable/emailable-python-readme-status-249-printout']])(
    'reads "taking longer than normal" as a server that gave up waiting (%s)',
    (ref) => {
      expect(fieldsOf(c(ref), ['code', 'retry'])).toEqual(['gateway_timeout', 'idempotent']);
    },
  );
});
