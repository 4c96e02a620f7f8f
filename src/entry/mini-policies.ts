// The policies and fetch as `faultline/mini` exports them: classifying with the classifier they are
// given, else with status, headers and network errors alone (core's basic classifier).
export { bulkhead } from '../policy/bulkhead.js';
export { circuitBreaker } from '../policy/circuit-breaker.js';
export { createFetch } from '../fetch/create-fetch.js';
export { fallback } from '../policy/fallback.js';
export { hedge } from '../policy/hedge.js';
export { rateLimiter } from '../policy/rate-limiter.js';
export { retry } from '../policy/retry.js';
export { retryStream } from '../policy/retry-stream.js';
export { timeout } from '../policy/timeout.js';
export { resilientFetch } from './mini-fetch.js';
