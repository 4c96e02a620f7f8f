/**
 * Google's generative APIs refusing to generate under a success status: Gemini's blocked prompt and Imagen's images all
 * filtered out. Each is a 200 whose only content is the refusal. (Gemini's candidates its filters stopped are
 * ../core/gemini-finish.ts', which the stream reader reads too.)
 */
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
