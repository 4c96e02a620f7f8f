/**
 * The classifier policies use when none is given in `faultline/mini`: no vendor profile, so it
 * reads status, headers (Retry-After, rate-limit headers, request ids), the responses SDK and
 * HTTP-client errors carry, and network errors. The root entry passes the one with every profile.
 */
import { type Classifier, createClassifier } from './classifier.js';

/**
 * A classifier with no vendor profile: status, headers and network errors.
 * @internal
 */
export const basicClassifier: Classifier = /* @__PURE__ */ createClassifier({ profiles: [] });
