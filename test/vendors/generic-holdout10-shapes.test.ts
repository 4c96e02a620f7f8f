/**
 * What the tenth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: the eleventh holdout does): a unique constraint is a duplicate, and so is a workflow already started; a
 * connection that timed out was never made; a server that answers "connection refused" or "timed
 * out" is a gateway speaking of its upstream; "No … found"; "General Error"; "not valid";
 * insufficient storage; ArangoDB's `errorNum`, an OCS reply's `<statuscode>`, PHP's print_r on one
 * line. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { codeByMeaning } from '../../src/vendors/generic/decide.js';
import { corpusResponse, HOLDOUT9_DIR, HOLDOUT10_DIR, loadCorpus } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT10_DIR]);

describe('words', () => {
  it.each([
    // arangojs: 500 `{ [ArangoError: unique constraint violated (while executing)] … errorNum: 1210 }`
    ['arangodb/arangojs-unique-constraint-1210-code-500', 'already_exists'],
    // R's curl: "Timeout was reached: [api.crossref.org] Connection timed out after 10013 milliseconds", no status
    ['crossref/crossref-rcrossref-connect-timeout', 'connect_failed'],
    // active_shipping: "ERROR - 0105: General Error", no status
    ['fedex/general-error-0105-intermittent', 'internal'],
    // NATS JetStream: `{"error":{"code":500,"description":"no message found"}}`
    ['nats/nats-msg-get-no-message-found-500', 'not_found'],
    // nats CLI: "insufficient storage resources available (10047)"
    ['nats/nats-cli-insufficient-storage-10047', 'quota_exhausted'],
    // UPS: "The XML document is well formed but the document is not valid", no status
    ['ups/xml-document-not-valid-python-repr', 'invalid_request'],
    // Temporal's Go SDK: "workflow execution already started" (gRPC's ALREADY_EXISTS), no status
    ['temporal/temporal-go-child-workflow-already-started', 'already_exists'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads "No … found" as not found (clerk-js: "No session was found with id sess_…", from the ninth set)', () => {
    expect(classify(corpusResponse(loadCorpus(HOLDOUT9_DIR), 'clerk/clerk-js-session-not-found')).code).toBe('not_found');
    expect(codeByMeaning(undefined, undefined, 'No records found for this query')).toBe('not_found');
  });

  it('reads a 5xx that says a connection failed as a gateway’s failure (proxmoxer’s 595 and 596)', () => {
    expect(c('proxmox/proxmoxer-595-proxy-handshake-refused').code).toBe('bad_gateway');
    expect(c('proxmox/proxmoxer-596-tls-negotiation-timeout').code).toBe('gateway_timeout');
    // Under a 502–504 the proxy's status already says so, and with no status the connection was the caller's own.
    expect(codeByMeaning(503, undefined, 'connection refused')).toBeUndefined();
    expect(codeByMeaning(undefined, undefined, 'Connection timed out after 10013 milliseconds')).toBe('connect_failed');
  });
});

describe('members', () => {
  it('reads ArangoDB’s `errorNum` before its `code`, which restates the status', () => {
    expect(c('arangodb/arangojs-collection-not-found-1203').vendorCode).toBe('1203');
  });

  it('reads an OCS reply’s `<statuscode>` (Nextcloud, ownCloud)', () => {
    expect(fieldsOf(c('nextcloud/nextcloud-ocs-102-user-already-exists'), ['code', 'vendorCode'])).toEqual(['already_exists', '102']);
  });

  it('reads PHP’s print_r on one line: a `[` that opens the next key is not part of the value (SumUp)', () => {
    expect(c('sumup/checkout-403-forbidden-print-r').vendorCode).toBe('FORBIDDEN');
  });
});
