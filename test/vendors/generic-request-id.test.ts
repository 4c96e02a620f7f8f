/**
 * Request ids the generic layer finds in printed text (./src/vendors/generic/request-id.ts), in the
 * envelope members vendors document for them, and in the headers the engine's list leaves out.
 * Every body is a corpus case (test/fixtures/corpus/<family>.json, each with its source) or copied
 * from the vendor's docs; the negatives and the hostile inputs are made up, and say so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { classify } from '../../src/entry/default-classifier.js';
import { readEnvelope } from '../../src/vendors/generic/envelope.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { idToken, requestIdInText } from '../../src/vendors/generic/request-id.js';
import type { CorpusFile } from '../corpus/corpus.js';
import { stringWork } from '../support/string-work.js';

const generic = createClassifier({ profiles: [genericProfile] });

/** A corpus case's response, by family and id. */
function corpus(family: string, id: string): { status?: number; headers?: Record<string, string>; body?: string } {
  const file = JSON.parse(readFileSync(new URL(`../fixtures/corpus/${family}.json`, import.meta.url), 'utf8')) as CorpusFile;
  const found = file.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no corpus case ${family}/${id}`);
  return found.response;
}
const body = (family: string, id: string): string => corpus(family, id).body ?? '';

describe('a request id printed after its label', () => {
  it.each([
    // AWS SDK for Java: `(Service: …; Status Code: …; Error Code: …; Request ID: …)`
    ['Request ID (AWS Java printout)', 's3', 's3-java-slow-down', '03D8D00FA3AD0455'],
    ['Request ID before S3 Extended Request ID', 's3', 's3-java-access-denied', '25B458BA4187FD7E'],
    ['Request ID (AWS AppSync printout)', 'dynamodb', 'ddb-appsync-conditional-check-failed', 'MCJ872GCFE7ULCC8Q9ACQHM3S7VV4KQNSO5AEMVJF66Q9ASUAAJG'],
    // CloudFront's error page, as HTML and as rendered text
    ['Request ID (CloudFront HTML)', 'cloudfront', 'cloudfront-503-lambda-invalid-html', '3Ibv7uyyHp5s-gaTbJTx4DqfdTQMU9hkeC4haV-rG6fmh3mqmtlllw=='],
    ['Request ID (CloudFront text)', 'cloudfront', 'cloudfront-502-cannot-connect-origin-rendered', 'dUYLtFHRYW14scXUloFkR-a2GAXJg6Y9Vj_cLsZlIRORW2mka5jfzg=='],
    // Azure Storage puts `RequestId:<uuid>` inside its <Message>, also in a Node printout's JS string
    ['RequestId: (Azure Storage XML message)', 'azure-blob', 'azblob-cli-container-not-found', '0a1be848-901e-0035-0611-5ac274000000'],
    ['RequestId: (Azure Storage, in a printed string)', 'azure-blob', 'azblob-node-403-date-too-old', 'bf44f61b-0001-000a-1f8c-48639c000000'],
    // Microsoft identity: `Trace ID: … Correlation ID: … Timestamp: …`: the trace id is the request's own
    ['Trace ID before Correlation ID', 'microsoft-identity', 'invalid-client-secret-text', '02f6f1c8-78b8-44f9-9576-66a55b4aa100'],
    ['Trace ID on its own line (tab-indented MSAL printout)', 'microsoft-identity', 'public-client-secret-msal-printout', 'abdc4945-8a1c-4f70-b891-1c6f69207b00'],
    // Azure Cosmos DB SDKs: `ActivityId: …,` and `;ActivityId=…;`
    ['ActivityId: (Cosmos .NET v2)', 'azure-cosmos-db', 'cosmos-dotnet-v2-not-found', 'caed3ac7-ab9d-4e39-8591-ea179c18842a'],
    ['ActivityId= (Cosmos .NET v3)', 'azure-cosmos-db', 'cosmos-dotnet-v3-429-substatus-3200', '88d1420d-9345-4510-bf1b-c4943d23ace9'],
    // Akamai's pages: `Reference #18.…`, the errors.edgesuite.net link after it ignored
    ['Reference # (Akamai, rendered)', 'akamai', 'akamai-access-denied-rendered-text', '18.2f580317.1772098100.2b6a23ca'],
    ['Reference # (Akamai HTML)', 'akamai', 'akamai-403-access-denied-hsts', '18.eb5e8c4f.1620973349.187d926b'],
    // Varnish's Guru Meditation: `XID: <number>` (a 5-digit one too: Varnish's counter starts low)
    ['XID (Varnish text)', 'varnish-fastly', 'varnish-503-backend-fetch-failed-text', '32771'],
    ['XID (Varnish HTML)', 'varnish-fastly', 'varnish-503-backend-fetch-failed-html', '129238619'],
    // Vercel's edge page: `Code: …` then `ID: <region>::…` on a line of its own
    ['ID: line (Vercel)', 'vercel', 'vercel-function-timeout-page-cdg1', 'cdg1::sr6rx-1695582672275-03be1404db59'],
    ['ID: line (Vercel, two regions)', 'vercel', 'vercel-function-timeout-page-bom1', 'bom1:bom1::mhp76-1733494531544-de5962421606'],
  ])('%s: %s/%s', (_label, family, id, want) => {
    expect(requestIdInText(body(family, id))).toBe(want);
  });

  it('reads RequestID: in the AWS SDK for Go printout, and takes *redacted* for no id (corpus dynamodb/ddb-go-v2-throttling-hot-key)', () => {
    const text = body('dynamodb', 'ddb-go-v2-throttling-hot-key');
    expect(text).toContain('RequestID: *redacted*');
    expect(requestIdInText(text)).toBeUndefined();
    // The same printout as AWS's Go SDK docs show it, with an id in place.
    expect(requestIdInText(text.replace('*redacted*', 'EXAMPLE0REQUEST0ID'))).toBe('EXAMPLE0REQUEST0ID');
  });

  it('a request id outranks a trace or correlation id printed before it', () => {
    // Made up from the Microsoft identity corpus text with a Request Id line appended, as MSAL prints one.
    const text = `${body('microsoft-identity', 'invalid-client-secret-text')}\nRequest Id: 0b5c5a3e-2c43-4c79-9f43-6d1b2b2b9a00`;
    expect(requestIdInText(text)).toBe('0b5c5a3e-2c43-4c79-9f43-6d1b2b2b9a00');
  });

  it('classify reports them: the generic layer for text, the html profile for pages', () => {
    const cases: readonly [string, string, string][] = [
      ['dynamodb', 'ddb-java-ptee-gsi', '04Q459L2R2GU6K5ORR154DUIJVVV4KQNSO5AEMVJF66Q9ASUAAJG'],
      ['azure-cosmos-db', 'cosmos-python-429-request-rate-large', '10fe70da-b5b8-4aeb-969a-1dc6576578fa'],
      ['akamai', 'akamai-403-access-denied-plain-headers', '18.2d00a81f.1619434395.4395aa2'],
      ['varnish-fastly', 'varnish-503-service-unavailable-text-2', '631911360'],
    ];
    for (const [family, id, want] of cases) expect(classify(corpus(family, id)).requestId).toBe(want);
    expect(classify(corpus('akamai', 'akamai-403-access-denied-plain-headers')).vendor).toBe('html');
  });
});

describe('what is never taken for a request id', () => {
  // Made-up lines, each a secret under its usual label: no label the reader knows, so nothing is read.
  it.each([
    'Authorization: Bearer sk-live-4f9a8b7c6d5e4f3a2b1c',
    'api_key=AKIA1234567890EXAMPLE',
    'x-api-key: 3f8e2a9c-1b7d-4e6f-8a5c-2d9b0e1f7a36',
    'token: ghp_1234567890abcdefghijklmnopqrstuvwxyz',
    'client_secret=Zx8~Qw3.Er5_Ty7-Ui9',
    'password: hunter2hunter2',
    'access_key_id: AKIA1234567890EXAMPLE',
    'session_token_id: 1234567890abcdef',
  ])('%s', (text) => {
    expect(requestIdInText(text)).toBeUndefined();
  });

  it('takes the id the server gave, not the one the client sent (x-ms-client-request-id)', () => {
    // Made up: an Azure printout's client id beside the service's own x-ms-request-id.
    expect(requestIdInText('x-ms-client-request-id: 7a1c0d3e-0000-4000-8000-000000000001')).toBeUndefined();
    expect(requestIdInText('x-ms-client-request-id: 7a1c0d3e-0000-4000-8000-000000000001\nx-ms-request-id: 5d4c3b2a-0000-4000-8000-000000000002')).toBe(
      '5d4c3b2a-0000-4000-8000-000000000002',
    );
  });

  it('a word, a URL, a too-short or too-long value, or a label inside a longer word is no id', () => {
    expect(requestIdInText('Request ID: unavailable')).toBeUndefined();
    expect(requestIdInText('Request ID: https://example.com/r/12345')).toBeUndefined();
    expect(requestIdInText('Request ID: 1234')).toBeUndefined();
    expect(requestIdInText(`Request ID: ${'a1'.repeat(65)}`)).toBeUndefined();
    expect(requestIdInText('Grid: 12345678, Valid: 99887766, Client ID: 55443322')).toBeUndefined();
    expect(requestIdInText('Your ID: 123456789')).toBeUndefined();
    // Made up: a resource's own `id:` line in a printed object is not the edge page's upper-case `ID:` line.
    expect(requestIdInText('Error: not found\nid: 1234567890')).toBeUndefined();
  });
});

describe('request ids in envelope members vendors document', () => {
  it.each([
    // Meta Graph API: error.fbtrace_id, "the internal support identifier"
    ['fbtrace_id (Meta)', 'meta-graph', 'messenger-invalid-token-no-status', 'BLBz/WZt8dN'],
    // Adyen: pspReference, the reference support asks for
    ['pspReference (Adyen)', 'adyen', 'internal-701', '881615392704097H'],
    // Okta: errorId, "a unique identifier for this error … used by Okta Support"
    ['errorId (Okta)', 'okta', 'validation-failed-no-status', 'oaej1XXQlk6SbCEFIkBzAge-A'],
    // Paddle: the request id beside the error, in meta.request_id
    ['meta.request_id (Paddle)', 'paddle', 'not-found-404', 'f00bb3ca-399d-4686-889c-50b028f4c912'],
  ])('%s: %s/%s', (_label, family, id, want) => {
    expect(readEnvelope(JSON.parse(body(family, id))).requestId).toBe(want);
    expect(generic.classify(corpus(family, id)).requestId).toBe(want);
  });

  it('an error object’s own id still wins over meta’s (Paddle docs shape with a request_id in the error)', () => {
    // Made up: both places filled, to pin the order.
    expect(readEnvelope({ error: { code: 'not_found', request_id: 'err-req-123456' }, meta: { request_id: 'meta-req-654321' } }).requestId).toBe('err-req-123456');
  });

  it('problem+json `instance` is the id when it is a bare id (Mailchimp), never when it is a path', () => {
    expect(classify(corpus('mailchimp', 'member-exists-400')).requestId).toBe('85c2fcb7-c094-4d00-85d8-3db71bff8622');
    // RFC 9457 §3.1.5's own example instance is a path.
    expect(idToken('/account/12345/msgs/abc')).toBeUndefined();
    expect(idToken('85c2fcb7-c094-4d00-85d8-3db71bff8622')).toBe('85c2fcb7-c094-4d00-85d8-3db71bff8622');
    expect(idToken('not an id')).toBeUndefined();
  });
});

describe('request ids in headers the engine leaves to the generic layer', () => {
  it('x-vercel-id on a body-less Vercel checkpoint 403 (corpus vercel/vercel-security-checkpoint-403-headers)', () => {
    const response = corpus('vercel', 'vercel-security-checkpoint-403-headers');
    expect(generic.classify(response).requestId).toBe('bom1::1790085406-8pr0ECHp2SQGnMkfrcbejoe3ZKxN24Yu');
    expect(classify(response).requestId).toBe('bom1::1790085406-8pr0ECHp2SQGnMkfrcbejoe3ZKxN24Yu');
  });
});

describe('linear time on hostile text (string work counted, not timed)', () => {
  const MIB = 1024 * 1024;
  // Made-up inputs: each the worst repetition of a label, a separator or an id character. The
  // reader's one regular expression has bounded quantifiers only and takes the id token atomically,
  // so each match attempt is bounded; what is counted here is that it runs at most 16 times per text.
  const hostile: readonly (readonly [string, (n: number) => string])[] = [
    ['labels with no value', (n) => 'request id: '.repeat(n / 12)],
    ['labels with an over-long value', (n) => `request_id=${'a1'.repeat(70)} `.repeat(n / 152)],
    ['xid chains', (n) => 'xid:'.repeat(n / 4)],
    ['id characters', (n) => 'id'.repeat(n / 2)],
    ['references', (n) => 'Reference #'.repeat(n / 11)],
    ['one long id-character run after a label', (n) => `Trace ID: ${'9'.repeat(n)}`],
    ['line ids', (n) => '\nID: '.repeat(n / 5)],
    ['label prefixes', (n) => 'r'.repeat(n)],
    ['words run together', (n) => 'referencerequesttrace'.repeat(n / 21)],
    ['correlation ids after a trace id', (n) => `Trace ID: 0123456789 ${'correlation_id=9876543210 '.repeat(n / 26)}`],
    ['ids too short, each a match', (n) => 'Request ID: 1234 '.repeat(n / 17)],
    // The pre-check's worst: `id` and all of its separator but the `:`, and `reference` short of its `#`.
    ['id labels with no separator', (n) => 'id\\"   '.repeat(n / 7)],
    ['references with no mark', (n) => 'reference &#32'.repeat(n / 14)],
    // An X-Ray root cut short, over and over: the unlabelled look is one pass, its fixed-width form another.
    ['x-ray roots cut short', (n) => 'Root=1-0123abcd-'.repeat(n / 16)],
    ['Azure report ids cut short', (n) => "Report '0123abcd-".repeat(n / 18)],
    ['Teams ContextIds with no cv', (n) => 'ContextId tcid=0,server=a,'.repeat(n / 26)],
  ];

  it.each(hostile)('string work grows with the text, never with its square: %s', (_name, make) => {
    const one = make(MIB);
    const four = make(4 * MIB);
    const a = stringWork(() => requestIdInText(one));
    const b = stringWork(() => requestIdInText(four));
    expect(b.result).toEqual(a.result);
    // One pre-check, then at most 16 matches, each handing the regex the text, then one look for the unlabelled forms
    // (an X-Ray root, Dropwizard's "logged (ID …)"): 19 passes at most, whatever the size.
    expect(a.chars).toBeLessThanOrEqual(19 * one.length);
    expect(b.chars).toBeLessThanOrEqual(19 * four.length);
  });

  it('the generic layer reads only the head of a hostile text body', () => {
    const one = 'Request ID: 1234 '.repeat(MIB / 17);
    const four = 'Request ID: 1234 '.repeat((4 * MIB) / 17);
    const a = stringWork(() => generic.classify({ status: 503, body: one }));
    const b = stringWork(() => generic.classify({ status: 503, body: four }));
    // Bounded by maxBodyBytes, not by the body: four times the text, no more work.
    expect(a.chars).toBeLessThanOrEqual(32 * 65_536);
    expect(b.chars).toBeLessThanOrEqual(32 * 65_536);
    expect(b.result.requestId).toBeUndefined();
  });
});
