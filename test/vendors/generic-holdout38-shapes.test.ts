/**
 * What the thirty-eighth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): a Kubernetes admission webhook's frame around its reason, a lockout that says when
 * to try again, mailcow's `type: "danger"` list in a 200, Postal's `status: "parameter-error"`, Ory's reason phrase as
 * `status` (read neither as a code nor as Google's envelope), the server's own code after a printed gRPC status's
 * `desc =`, Go's database/sql prefix, a printed `(code: 500)` that is the response's status, a GraphQL code whose words
 * name nothing beside a message that names a refused caller, a 402 whose limit is no throttle, and words (an object
 * modified since it was read, an aborted transaction, a failed compare, a body that cannot be decoded, a required
 * parameter, no recipients, a maximum size). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT11_DIR, HOLDOUT37_DIR, HOLDOUT38_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT38_DIR]);

describe('members and printed forms', () => {
  it.each([
    ['tekton/tekton-validation-cloudevent-resource', 'validation_failed'],
    ['tekton/tekton-mutation-unknown-field-spec', 'invalid_request'],
    ['tekton/tekton-knative-era-invalid-type-internalerror', 'validation_failed'],
  ])('reads an admission webhook’s reason, not its “denied the request” frame (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it.each([
    [HOLDOUT38_DIR, 'kavita/kavita-login-locked-out', 600_000],
    [HOLDOUT37_DIR, 'casdoor/casdoor-login-locked-out-15-minutes', 900_000],
  ])('reads a lockout after too many attempts that says when to try again as a rate limit (%s)', (dir, ref, wait) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(fieldsOf(f, ['code', 'retry', 'retryAfterMs'])).toEqual(['rate_limited', 'always', wait]);
  });

  it('reads mailcow’s list of `type: "danger"` entries in a 200 as an error, its first `msg` as the code', () => {
    for (const f of both('mailcow/mailcow-mailbox-object-exists-200')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['already_exists', 'object_exists']);
  });

  it('reads a `status` that names a kind of error in a 200 as the code (Postal’s `parameter-error`)', () => {
    for (const f of both('postal/postal-parameter-error-missing-id')) expect(f.vendorCode).toBe('parameter-error');
  });

  it.each([
    [HOLDOUT38_DIR, 'ory-kratos/ory-kratos-whoami-401-no-session', 'unauthenticated'],
    [HOLDOUT38_DIR, 'ory-kratos/ory-kratos-recovery-csrf-missing-400', 'invalid_request'],
    [HOLDOUT38_DIR, 'ory-kratos/ory-kratos-settings-flow-expired-410', 'gone'],
    [HOLDOUT11_DIR, 'ory/oathkeeper-404-no-matching-rule-curl', 'not_found'],
  ])('takes no code from Ory’s `status`, the reason phrase beside its `code` (%s)', (dir, ref, code) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, undefined]);
  });

  it.each([
    ['grafana-tempo/tempo-ingest-rate-limited-grpc', 'RATE_LIMITED'],
    ['grafana-tempo/tempo-live-traces-exceeded-grpc', 'LIVE_TRACES_EXCEEDED'],
  ])('reads the server’s own code after a printed gRPC status’s `desc =` (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('takes no code from Go’s `sql:` prefix (Drone)', () => {
    for (const f of both('drone/drone-cli-build-last-sql-no-rows')) expect(f.vendorCode).toBeUndefined();
  });

  it('passes over a printed `(code: 500)` that is the response’s own status to the printout’s members (Pterodactyl’s print_r)', () => {
    for (const f of both('pterodactyl/pterodactyl-daemon-connection-500-request-id')) expect(f.vendorCode).toBe('DaemonConnectionException');
  });

  it('reads a refused caller in a GraphQL message over a code whose words name nothing (Dgraph’s ErrorInvalidRequest)', () => {
    expect(fieldsOf(c('dgraph/dgraph-acl-token-expired-mutate'), ['code', 'vendorCode'])).toEqual(['unauthenticated', 'ErrorInvalidRequest']);
  });

  it('reads a 402 whose limit names no throttle by its status (Drone’s “Repository limit exceeded”)', () => {
    for (const f of both('drone/drone-repo-limit-exceeded-402')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['payment_required', 'never']);
  });
});

describe('words', () => {
  it.each([
    ['argocd/argocd-cli-object-modified-conflict', 'conflict'],
    ['dgraph/dgraph-txn-aborted-commit', 'conflict'],
    ['etcd/etcd-v2-cas-compare-failed', 'precondition_failed'],
    ['zipkin/zipkin-cannot-decode-spans', 'invalid_request'],
    ['funkwhale/funkwhale-subsonic-missing-id', 'invalid_request'],
    ['postal/postal-no-recipients-php-client', 'invalid_request'],
    ['grafana-tempo/tempo-trace-too-large', 'payload_too_large'],
    ['grafana-tempo/tempo-grafana-trace-exceeds-max-size', 'payload_too_large'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['lockouts that never name their attempts', 401, (n: number) => `Please wait 10 minutes. ${'too many more more more '.repeat(n / 24)}`],
    ['admission webhook frames with no reason', 400, (n: number) => 'admission webhook "a" denied the request:'.repeat(n / 41)],
    ['gRPC descriptions that never close their code', 500, (n: number) => `rpc error: code = Unknown desc = ${'AB_'.repeat(n / 3)}`],
  ])('classify reads a bounded head of %s', (_name, status, make) => {
    expectBoundedHead(status, make);
  });
});
