/**
 * A profile that claims a body but can name no code has not answered: the engine asks the later
 * profiles (the generic layer last), and the Fault is the one that answered, attributed to it.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, defineProfile } from '../../src/index.js';
import { classify } from '../../src/entry/default-classifier.js';

// Apigee's VerifyAPIKey policy fault, as a client printed it (no HTTP status);
// test/fixtures/corpus-holdout/apigee.json, from https://github.com/apigee-127/a127-samples/pull/15
const APIGEE =
  '{"error":"oauth.v2.InvalidApiKey","error_description":"com.apigee.oauth.v2.OauthAdaptorVerificationException{ code = oauth.v2.InvalidApiKey, message = Invalid ApiKey, associated contexts = []}"}';

// A profile that claims every JSON body and knows none of its codes.
const mute = defineProfile({ id: 'mute', codes: {}, detect: (s) => s.json !== undefined, parse: () => ({ vendorCode: 'X', message: 'something' }) });
// One after it that reads a code from the body.
const reader = defineProfile({ id: 'reader', codes: { X: 'rate_limited' }, detect: (s) => s.json !== undefined, parse: () => ({ vendorCode: 'X' }) });

describe('the engine falls through a profile that names no code', () => {
  it('takes the answer of a later profile, attributed to it', () => {
    const c = createClassifier({ profiles: [mute, reader] });
    expect(c.classify({ body: '{"a":1}' })).toMatchObject({ code: 'rate_limited', vendor: 'reader', vendorCode: 'X' });
  });

  it('keeps the first claimant\'s Fault when no later profile says more', () => {
    const c = createClassifier({ profiles: [mute] });
    expect(c.classify({ body: '{"a":1}' })).toMatchObject({ code: 'unknown', vendor: 'mute', vendorCode: 'X', message: 'something' });
  });

  it('does not fall through when the claimant has a code (its own status rule, or the HTTP status)', () => {
    const c = createClassifier({ profiles: [mute, reader] });
    expect(c.classify({ status: 404, body: '{"a":1}' })).toMatchObject({ code: 'not_found', vendor: 'mute' });
  });

  it('a profile the caller names is final; a host match is not', () => {
    const hosted = defineProfile({ ...mute, id: 'hosted', hosts: ['api.acme.dev'] });
    const c = createClassifier({ profiles: [hosted, reader] });
    expect(c.classify({ body: '{"a":1}' }, { vendor: 'hosted' })).toMatchObject({ code: 'unknown', vendor: 'hosted' });
    expect(c.classify({ body: '{"a":1}' }, { url: 'https://api.acme.dev/v1' })).toMatchObject({ code: 'rate_limited', vendor: 'reader' });
  });

  it('an OAuth-shaped gateway error the flat-error profile claims is read by the generic layer', () => {
    expect(classify({ body: APIGEE })).toMatchObject({ code: 'unauthenticated', vendor: 'generic', vendorCode: 'oauth.v2.InvalidApiKey' });
  });

  it('a problem+json printed without its HTTP status is read by the generic layer from the body\'s status', () => {
    // Akamai's documented 429 (https://techdocs.akamai.com/edge-diagnostics/reference/429), as a client printed it without the status.
    const body = '{"type":"requests.exceeded.error","title":"Too Many Requests","detail":"You have exceeded total number of requests configured for this API.","status":429}';
    expect(classify({ body })).toMatchObject({ code: 'rate_limited', retry: 'always', vendor: 'generic' });
  });
});
