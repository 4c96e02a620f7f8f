// The `faultline/store` entry: what a shared StateStore implements (breakers, budgets and rate
// limits kept in Redis or elsewhere for a fleet), and the in-memory store the policies use alone.

export { memoryStore } from './policy/memory-store.js';
export type { MemoryStoreOptions } from './policy/memory-store.js';
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
