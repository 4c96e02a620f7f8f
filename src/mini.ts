// The `faultline/mini` entry, in the spirit of `zod/mini`: the same catalog, policies and fetch as
// `faultline`, without any vendor profile. Policies classify what a call throws with the classifier
// they are given (`createClassifier({ profiles: [...] })`); by default with status, headers and
// network errors alone, so a bundle carries no vendor code it did not ask for.

export {
  CATALOG,
  FAULT_CODES,
  FAULT_SOURCES,
  REMEDIES,
  RETRY_CLASSES,
  isFaultCode,
  isRemedy,
  isRetryClass,
} from './core/catalog.js';
export type { CatalogEntry, CodeDefaults, FaultCode, FaultSource, Remedy, RetryClass } from './core/catalog.js';

export { FaultError, createFault, isFault, isFaultError, isRetryable } from './core/fault.js';
export type { Fault, FaultErrorOptions, FaultInit, FaultStream, FieldError, RateLimitInfo, IsRetryableOptions } from './core/fault.js';

export { redact } from './core/redact.js';

export { createClassifier } from './core/classifier.js';
export type { Classifier, ClassifierOptions, ClassifyOptions, ClassifyResponseOptions, ResponseInput } from './core/classifier.js';
export { defineProfile } from './vendors/define-profile.js';

export type {
  CodeRule,
  ExpressibleFaults,
  FaultDraft,
  HeaderReader,
  RenderedResponse,
  ResponseSnapshot,
  VendorProfile,
} from './core/profile.js';

export { systemClock, systemRandom } from './policy/clock.js';
export type { Clock, RandomSource } from './policy/clock.js';
export type { AttemptContext, ExecuteOptions, Policy, RetryBudget } from './policy/policy.js';
export { constantBackoff, exponentialBackoff } from './policy/backoff.js';
export type { Backoff, ExponentialBackoffOptions, Jitter } from './policy/backoff.js';
export type { PolicyEvent } from './policy/events.js';
export { bulkhead, circuitBreaker, createFetch, fallback, hedge, rateLimiter, resilientFetch, retry, retryStream, timeout } from './entry/mini-policies.js';
export type { GiveUpEvent, RetryDecisionContext, RetryEvent, RetryOptions, RetryPolicy, SuccessEvent } from './policy/retry.js';
export type { TimeoutEvent, TimeoutMode, TimeoutOptions, TimeoutPolicy } from './policy/timeout.js';
export type { OpenStream, ResumeState, RetryStreamOptions } from './policy/retry-stream.js';
export type { SseEvent } from './core/sse-decoder.js';
export type { FallbackEvent, FallbackOptions, FallbackPolicy, ValueFallbackPolicy } from './policy/fallback.js';
export type { HedgeEvent, HedgeOptions, HedgePolicy, HedgeWinEvent } from './policy/hedge.js';
export { pipeline } from './policy/pipeline.js';
export type { CreateFetchOptions, FaultlineFetch, FaultlineRequestInit, FetchAttemptInfo, FetchLike, FetchObserver, StreamFetchOptions } from './fetch/create-fetch.js';
export type { BreakerRefusedEvent, BreakerStateChangeEvent, CircuitBreakerOptions, CircuitBreakerPolicy } from './policy/circuit-breaker.js';
export { consecutiveFailures, failureRatio } from './policy/breaker-strategy.js';
export type { BreakerStrategy, ConsecutiveFailuresOptions, FailureRatioOptions } from './policy/breaker-strategy.js';
export type { BulkheadOptions, BulkheadPolicy, BulkheadRejectedEvent } from './policy/bulkhead.js';
export { retryBudget } from './policy/budget.js';
export type { MeteredRetryBudget, RatioRetryBudgetOptions, RetryBudgetOptions, TokenRetryBudgetOptions } from './policy/budget.js';
export type {
  AdjustRequest,
  Awaitable,
  BreakerOutcome,
  BreakerRule,
  BreakerSnapshot,
  BreakerStateName,
  BreakerTransition,
  StateStore,
  TakeRequest,
  TakeResult,
} from './policy/state-store.js';
export type { StoreErrorEvent } from './policy/store-guard.js';
export type { RateChangeEvent, RateLimitedEvent, RateLimiterOptions, RateLimiterPolicy } from './policy/rate-limiter.js';
