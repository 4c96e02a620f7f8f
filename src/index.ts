// The public API of faultline, hand-picked: every export is named here, nothing else is reachable.

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
export type { Fault, FaultErrorOptions, FaultInit, FieldError, RateLimitInfo, IsRetryableOptions } from './core/fault.js';

export { redact } from './core/redact.js';

export { classify, classifyResponse } from './core/classify.js';
export { createClassifier } from './core/classifier.js';
export type { Classifier, ClassifierOptions, ClassifyOptions, ClassifyResponseOptions, ResponseInput } from './core/classifier.js';
export { faultFromThrown, toFaultError } from './core/network.js';
export { parseRetryAfter, readHeaders } from './core/headers.js';
export type { RetryAfterOptions } from './core/headers.js';
export { parseDuration, parseRateLimit } from './core/rate-limit.js';
export { codeForStatus } from './core/status.js';
export { DEFAULT_MAX_BODY_BYTES } from './core/body.js';
export { defineProfile } from './vendors/define-profile.js';
export { BUILTIN_PROFILES } from './vendors/registry.js';

export type {
  CodeRule,
  ExpressibleFaults,
  FaultDraft,
  HeaderReader,
  RenderedResponse,
  ResponseSnapshot,
  VendorProfile,
} from './vendors/profile.js';

export { anthropicProfile } from './vendors/anthropic.js';
export { awsProfile } from './vendors/aws.js';
export { azureProfile } from './vendors/azure.js';
export { cloudflareProfile } from './vendors/cloudflare.js';
export { discordProfile } from './vendors/discord.js';
export { githubProfile } from './vendors/github.js';
export { googleProfile } from './vendors/google.js';
export { graphqlProfile } from './vendors/graphql.js';
export { htmlProfile } from './vendors/html.js';
export { jsonapiProfile } from './vendors/jsonapi.js';
export { problemJsonProfile } from './vendors/problem-json.js';
export { slackProfile } from './vendors/slack.js';
export { springBootProfile } from './vendors/spring-boot.js';
export { stripeProfile } from './vendors/stripe.js';
export { twilioProfile } from './vendors/twilio.js';
export { impulseProfile } from './vendors/impulse.js';
export { runsApiProfile } from './vendors/runs-api.js';
export { runinfraProfile } from './vendors/runinfra.js';
export { pulseProfile } from './vendors/pulse.js';
export { fhirInferenceProfile } from './vendors/fhir-inference.js';
export { openaiProfile } from './vendors/openai.js';
export { fastapiProfile } from './vendors/fastapi.js';
export { errorObjectProfile } from './vendors/error-object.js';
export { flatErrorProfile } from './vendors/flat-error.js';

export { systemClock, systemRandom } from './policy/clock.js';
export type { Clock, RandomSource } from './policy/clock.js';
export type { AttemptContext, ExecuteOptions, Policy, RetryBudget } from './policy/policy.js';
export { constantBackoff, exponentialBackoff } from './policy/backoff.js';
export type { Backoff, ExponentialBackoffOptions, Jitter } from './policy/backoff.js';
export type { PolicyEvent } from './policy/events.js';
export { retry } from './policy/retry.js';
export type { GiveUpEvent, RetryDecisionContext, RetryEvent, RetryOptions, RetryPolicy, SuccessEvent } from './policy/retry.js';
export { timeout } from './policy/timeout.js';
export type { TimeoutMode, TimeoutOptions } from './policy/timeout.js';
export { fallback } from './policy/fallback.js';
export type { FallbackOptions, FallbackPolicy } from './policy/fallback.js';
export { hedge } from './policy/hedge.js';
export type { HedgeEvent, HedgeOptions, HedgePolicy, HedgeWinEvent } from './policy/hedge.js';
export { pipeline } from './policy/pipeline.js';
export { createFetch, resilientFetch } from './fetch/create-fetch.js';
export type { CreateFetchOptions, FaultlineFetch, FaultlineRequestInit, FetchLike } from './fetch/create-fetch.js';
export { circuitBreaker } from './policy/circuit-breaker.js';
export type { BreakerStateChangeEvent, CircuitBreakerOptions, CircuitBreakerPolicy } from './policy/circuit-breaker.js';
export { consecutiveFailures, failureRatio } from './policy/breaker-strategy.js';
export type { BreakerStrategy, ConsecutiveFailuresOptions, FailureRatioOptions } from './policy/breaker-strategy.js';
export { bulkhead } from './policy/bulkhead.js';
export type { BulkheadOptions, BulkheadPolicy } from './policy/bulkhead.js';
export { retryBudget } from './policy/budget.js';
export type { MeteredRetryBudget, RatioRetryBudgetOptions, RetryBudgetOptions, TokenRetryBudgetOptions } from './policy/budget.js';
export { memoryStore } from './policy/state-store.js';
export type {
  AdjustRequest,
  Awaitable,
  BreakerOutcome,
  BreakerRule,
  BreakerSnapshot,
  BreakerStateName,
  BreakerTransition,
  MemoryStoreOptions,
  StateStore,
  TakeRequest,
  TakeResult,
} from './policy/state-store.js';
export type { StoreErrorEvent } from './policy/store-guard.js';
export { rateLimiter } from './policy/rate-limiter.js';
export type { RateChangeEvent, RateLimiterOptions, RateLimiterPolicy } from './policy/rate-limiter.js';
