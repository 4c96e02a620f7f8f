/**
 * How the built-in profiles are made: frozen, not validated. `defineProfile`'s checks would ride
 * along in every bundle that imports one profile; the built-ins are checked once, by
 * test/vendors/builtin-profile.test.ts running `defineProfile` over every one of them.
 */
import type { VendorProfile } from './profile.js';

/**
 * Freezes a built-in profile. Users write `defineProfile`, which validates; this is for profiles
 * that ship with faultline and are validated by its tests.
 *
 * @example
 * ```ts
 * export const acmeProfile: VendorProfile = builtinProfile({ id: 'acme', detect, parse, codes: {} });
 * ```
 * @internal
 */
export const builtinProfile: <P extends VendorProfile>(profile: P) => P = Object.freeze;
