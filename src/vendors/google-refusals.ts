/**
 * Google's generative APIs refusing to generate under a success status: Gemini's blocked prompt, its candidates that
 * ended before any content, and Imagen's images all filtered out. Each is a 200 whose only content is the refusal.
 */
import type { FaultCode } from '../core/catalog.js';
import { asOnlyRecord, asRecord, readString } from './profile.js';

/**
 * Gemini's answer to a blocked prompt: a 200 whose `promptFeedback.blockReason` is set and whose
 * `candidates` are missing or empty (https://ai.google.dev/api/generate-content#PromptFeedback).
 * A block with candidates is an answer, not a fault.
 * @example
 * ```ts
 * promptBlock({ promptFeedback: { blockReason: 'SAFETY' } }); // 'SAFETY'
 * ```
 * @internal
 */
export function promptBlock(json: unknown): string | undefined {
  const body = asOnlyRecord(json);
  const reason = readString(asRecord(body?.promptFeedback), 'blockReason');
  const candidates = body?.candidates;
  return reason !== undefined && (candidates === undefined || (Array.isArray(candidates) && candidates.length === 0)) ? reason : undefined;
}

/**
 * Imagen's answer when every image it made was filtered: `predictions` of which each holds only a `raiFilteredReason`
 * (Vertex AI's "Responsible AI" filter, https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/imagen-api).
 * The first reason, or `undefined` when any prediction is an image (a partial filter is an answer).
 * @example
 * ```ts
 * allFiltered({ predictions: [{ raiFilteredReason: 'All images were filtered out.' }] }); // 'All images were filtered out.'
 * ```
 * @internal
 */
export function allFiltered(json: unknown): string | undefined {
  const predictions = asRecord(json)?.predictions;
  if (!Array.isArray(predictions) || predictions.length === 0 || predictions.length > 64) return undefined;
  let first: string | undefined;
  for (const prediction of predictions) {
    const record = asRecord(prediction);
    const reason = readString(record, 'raiFilteredReason');
    if (reason === undefined || record?.bytesBase64Encoded !== undefined) return undefined;
    first ??= reason;
  }
  return first;
}

/**
 * Why a Gemini generation may end with nothing to show (https://ai.google.dev/api/generate-content#FinishReason): the
 * filters' reasons, and OTHER, the model's own failure ("Model failed to generate content due to internal error.").
 * STOP and MAX_TOKENS end an answer; the rest (a malformed function call, a tool call) are the caller's to read.
 */
const FILTERS: ReadonlySet<string> = new Set('SAFETY RECITATION BLOCKLIST PROHIBITED_CONTENT SPII IMAGE_SAFETY IMAGE_PROHIBITED_CONTENT IMAGE_RECITATION'.split(' '));

/**
 * A Gemini answer whose every candidate ended, for one of {@link FILTERS}' reasons or OTHER, before any content: the first
 * one's reason, code and `finishMessage`. A candidate with content is an answer, whatever it ended for.
 * @example
 * ```ts
 * emptyFinish({ candidates: [{ finishReason: 'SAFETY', index: 0 }] }); // { reason: 'SAFETY', code: 'content_filtered', message: undefined }
 * ```
 * @internal
 */
export function emptyFinish(json: unknown): { reason: string; code: FaultCode; message: string | undefined } | undefined {
  const candidates = asOnlyRecord(json)?.candidates;
  if (!Array.isArray(candidates) || candidates.length === 0 || candidates.length > 16) return undefined;
  let first: { reason: string; code: FaultCode; message: string | undefined } | undefined;
  for (const candidate of candidates) {
    const record = asRecord(candidate);
    const reason = readString(record, 'finishReason');
    const parts = asRecord(record?.content)?.parts;
    if (reason === undefined || (reason !== 'OTHER' && !FILTERS.has(reason)) || (Array.isArray(parts) && parts.length > 0)) return undefined;
    first ??= { reason, code: reason === 'OTHER' ? 'internal' : 'content_filtered', message: readString(record, 'finishMessage') };
  }
  return first;
}
