/**
 * Groq (`api.groq.com`): OpenAI's error shape (read by the OpenAI reader), with one status of its
 * own: 498 "Flex Tier Capacity Exceeded" (https://console.groq.com/docs/errors, /docs/flex-processing):
 * the flex tier is at capacity and the request was not processed — `overloaded`, retried with
 * backoff. Picked by host only: other vendors give 498 other meanings (Cohere: invalid token).
 */
import { builtinProfile } from './builtin-profile.js';
import { OPENAI_CODES, openaiProfile, readOpenAi } from './openai.js';
import type { VendorProfile } from './profile.js';

/**
 * Groq.
 *
 * @example
 * ```ts
 * classify({ status: 498, body: '' }, { url: 'https://api.groq.com/openai/v1/chat/completions' });
 * // { code: 'overloaded', retry: 'always', vendor: 'groq', … }
 * ```
 * @public
 */
export const groqProfile: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'groq',
  hosts: ['api.groq.com'],
  codes: { ...OPENAI_CODES, capacity_exceeded: { code: 'overloaded', retry: 'always' } },
  statuses: { ...openaiProfile.statuses, 498: { code: 'overloaded', retry: 'always' } },
  expressible: { vendorCodes: ['rate_limit_exceeded', 'capacity_exceeded', 'context_length_exceeded'] },
  // Only its host picks it: the body is OpenAI's, which the OpenAI profile reads the same way.
  detect: () => false,
  parse: readOpenAi,
  render(fault) {
    const r = openaiProfile.render!(fault);
    if (fault.vendorCode !== 'capacity_exceeded') return r;
    return { ...r, status: 498, body: JSON.stringify({ error: { message: fault.message, type: 'capacity_exceeded', code: 'capacity_exceeded' } }) };
  },
});
