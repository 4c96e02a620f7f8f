/**
 * Gemini's candidates that the API refused to finish: the one rule classify's stream reader (./sse.ts), the Google
 * profile and the generic layer read a `finishReason` by, so a refusal inside a stream and in a body mean the same, and
 * an event the stream reader calls an error is one every reader can name.
 */
import type { FaultCode } from './catalog.js';

/**
 * Why a Gemini generation may end with nothing to show (https://ai.google.dev/api/generate-content#FinishReason): the
 * filters' reasons, and OTHER, the model's own failure ("Model failed to generate content due to internal error.").
 * STOP and MAX_TOKENS end an answer; the rest (a malformed function call, a tool call) are the caller's to read.
 */
const FILTERS: ReadonlySet<string> = new Set('SAFETY RECITATION BLOCKLIST PROHIBITED_CONTENT SPII IMAGE_SAFETY IMAGE_PROHIBITED_CONTENT IMAGE_RECITATION OTHER'.split(' '));

/**
 * The reasons Google's own SDKs refuse to hand over a candidate's text, whatever it already holds: the output was stopped
 * (`badFinishReasons` in @google/generative-ai and the Firebase AI SDK, whose test data answer a 200 with partial text
 * and `finishReason: "SAFETY"`).
 */
const STOPPED: ReadonlySet<string> = new Set(['SAFETY', 'RECITATION']);

/** The `finishReason` a Gemini candidate was refused for, or `undefined` for an answer or a value that is no candidate. */
function refusedReason(candidate: unknown): string | undefined {
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { finishReason: reason, content } = candidate as { readonly finishReason?: unknown; readonly content?: unknown };
  if (typeof reason !== 'string' || !FILTERS.has(reason)) return undefined;
  const parts = typeof content === 'object' && content !== null ? (content as { readonly parts?: unknown }).parts : undefined;
  return Array.isArray(parts) && parts.length > 0 && !STOPPED.has(reason) ? undefined : reason;
}

/**
 * A Gemini answer (a body, a one-element list of one, or a stream chunk) whose every candidate was refused: ended, for
 * one of the filters' reasons or OTHER, before any content, or stopped by the safety or recitation check after some.
 * The first one's reason, code (OTHER is the model failing) and `finishMessage`.
 * @example
 * ```ts
 * refusedFinish({ candidates: [{ finishReason: 'SAFETY', content: { parts: [{ text: 'partial' }] } }]);
 * // { reason: 'SAFETY', code: 'content_filtered', message: undefined }
 * refusedFinish({ candidates: [{ finishReason: 'MAX_TOKENS', content: { parts: [{ text: 'partial' }] } }] }); // undefined
 * ```
 * @internal
 */
export function refusedFinish(json: unknown): { reason: string; code: FaultCode; message: string | undefined } | undefined {
  const body = Array.isArray(json) && json.length === 1 ? (json[0] as unknown) : json;
  const candidates = typeof body === 'object' && body !== null ? (body as { readonly candidates?: unknown }).candidates : undefined;
  if (!Array.isArray(candidates) || candidates.length === 0 || candidates.length > 16) return undefined;
  const reason = refusedReason(candidates[0]);
  if (reason === undefined || !candidates.every((c) => refusedReason(c) !== undefined)) return undefined;
  const message = (candidates[0] as { readonly finishMessage?: unknown }).finishMessage;
  return { reason, code: reason === 'OTHER' ? 'internal' : 'content_filtered', message: typeof message === 'string' && message !== '' ? message : undefined };
}
