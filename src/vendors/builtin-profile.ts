/**
 * How the built-in profiles are made: frozen, not validated. `defineProfile`'s checks would ride
 * along in every bundle that imports one profile; the built-ins are checked once, by
 * test/vendors/builtin-profile.test.ts running `defineProfile` over every one of them.
 *
 * Each built-in comes in two halves (issue 17, size): the reader (detection, tables, parse), which
 * the default classify carries, and the exported profile, the reader plus its renderer. Rendering
 * is for tests and the chaos server, and is about a tenth of the default classify's bundle.
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

/** A profile's renderer and what it can express. @internal */
export type Renderer = Required<Pick<VendorProfile, 'render'>> & Pick<VendorProfile, 'expressible'>;

/**
 * The full built-in profile: `reader`'s members (the same functions and tables) and a renderer.
 * Call it with `@__PURE__`, so a bundle that uses the reader alone drops the renderer.
 *
 * @example
 * ```ts
 * export const acmeReader: VendorProfile = builtinProfile({ id: 'acme', detect, parse, codes: {} });
 * export const acmeProfile: VendorProfile = withRender(acmeReader, { render: (fault) => ({ status: 500, headers: {}, body: '' }) });
 * ```
 * @internal
 */
export function withRender(reader: VendorProfile, renderer: Renderer): VendorProfile {
  return Object.freeze({ ...reader, ...renderer });
}
