/**
 * The built-in profiles in detection order: most specific first. A profile whose envelope is
 * unmistakable (Anthropic's `type: "error"`, JSON-RPC's `jsonrpc: "2.0"`, Google's numeric `error.code` with `status`, AWS's
 * `__type`) comes before the generic shapes several vendors share (OpenAI-style `{error:{…}}`,
 * problem+json, FastAPI's `detail`, flat `{error, message}`), and HTML pages come last.
 * Each engineer inserts their profile's reader at its slot in BUILTIN_READERS, and the profile at the
 * same slot in BUILTIN_PROFILES; order is tested by the detection property.
 */
import { anthropicProfile, anthropicReader } from './anthropic.js';
import { awsProfile, awsReader } from './aws.js';
import { azureProfile, azureReader } from './azure.js';
import { cloudflareProfile, cloudflareReader } from './cloudflare.js';
import { discordProfile, discordReader } from './discord.js';
import { errorObjectProfile, errorObjectReader } from './error-object.js';
import { fastapiProfile, fastapiReader } from './fastapi.js';
import { fhirInferenceProfile, fhirInferenceReader } from './fhir-inference.js';
import { flatErrorProfile, flatErrorReader } from './flat-error.js';
import { githubProfile, githubReader } from './github.js';
import { genericProfile } from './generic/generic.js';
import { googleProfile, googleReader } from './google.js';
import { graphqlProfile, graphqlReader } from './graphql.js';
import { htmlProfile, htmlReader } from './html.js';
import { impulseProfile, impulseReader } from './impulse.js';
import { jsonapiProfile, jsonapiReader } from './jsonapi.js';
import { jsonrpcProfile, jsonrpcReader } from './jsonrpc.js';
import { llmTextProfile, llmTextReader } from './llm-text.js';
import { problemJsonProfile, problemJsonReader } from './problem-json.js';
import { openaiProfile, openaiReader } from './openai.js';
import { openrouterProfile, openrouterReader } from './openrouter.js';
import type { VendorProfile } from './profile.js';
import { pulseProfile, pulseReader } from './pulse.js';
import { runinfraProfile, runinfraReader } from './runinfra.js';
import { runsApiProfile, runsApiReader } from './runs-api.js';
import { slackProfile, slackReader } from './slack.js';
import { stripeProfile, stripeReader } from './stripe.js';
import { springBootProfile, springBootReader } from './spring-boot.js';
import { twilioProfile, twilioReader } from './twilio.js';

/**
 * The built-in profiles without their renderers, in the order the default `classify` tries them:
 * what it carries (see builtin-profile.ts).
 * @internal
 */
export const BUILTIN_READERS: readonly VendorProfile[] = Object.freeze([
  // -- vendors with an unmistakable envelope
  anthropicReader,
  // `jsonrpc: "2.0"` marks the envelope; its `error: {code, message}` would otherwise read as Google's or OpenAI's
  jsonrpcReader,
  googleReader,
  // azure before aws: Azure Storage sends the same <Error><Code> XML as S3
  azureReader,
  awsReader,
  stripeReader,
  githubReader,
  cloudflareReader,
  slackReader,
  twilioReader,
  discordReader,
  // OpenRouter wraps the upstream provider's error in error.metadata.raw
  openrouterReader,
  // -- multi-error documents
  graphqlReader,
  jsonapiReader,
  // -- standard and framework shapes
  problemJsonReader,
  springBootReader,
  // -- the seed vendors (mostly picked by name or host; their detection must not steal generic shapes)
  impulseReader,
  runsApiReader,
  runinfraReader,
  pulseReader,
  fhirInferenceReader,
  // -- generic shapes shared by many APIs
  // openai (also Azure OpenAI and OpenAI-compatible servers)
  openaiReader,
  fastapiReader,
  // error-object ({error:{code,message,details}})
  errorObjectReader,
  // LLM servers' bare bodies: Ollama/Cohere sentences, Hugging Face/TGI, xAI ({code, error}), text; before flat-error, which
  // would take TGI's {error: "Overloaded", error_type} for a code
  llmTextReader,
  // flat-error ({error:"code", message})
  flatErrorReader,
  // -- pages from proxies and load balancers
  htmlReader,
  // -- the generic layer: any envelope, read by meaning, for every vendor no profile above claims
  genericProfile,
]);

/**
 * The vendors' readers that read the body an SDK's printout holds before anything reads the printout whole (see
 * `PrintedReader` in core/printed.ts), in detection order: each knows its vendor's envelope, so its table decides the
 * code. The shapes many vendors share are left to the generic layer, which reads the printout with the words around it.
 * @internal
 */
export const PRINTED_READERS: readonly VendorProfile[] = Object.freeze([
  anthropicReader, googleReader, azureReader, awsReader, stripeReader, githubReader, cloudflareReader, slackReader,
  twilioReader, discordReader, openrouterReader, openaiReader,
]);

/**
 * Every built-in profile, in the order the default `classify` tries them (the order of
 * {@link BUILTIN_READERS}, whose comments give the reasons; test/vendors/builtin-profile.test.ts checks
 * the two lists agree).
 * @public
 */
export const BUILTIN_PROFILES: readonly VendorProfile[] = /* @__PURE__ */ Object.freeze([
  anthropicProfile,
  jsonrpcProfile,
  googleProfile,
  azureProfile,
  awsProfile,
  stripeProfile,
  githubProfile,
  cloudflareProfile,
  slackProfile,
  twilioProfile,
  discordProfile,
  openrouterProfile,
  graphqlProfile,
  jsonapiProfile,
  problemJsonProfile,
  springBootProfile,
  impulseProfile,
  runsApiProfile,
  runinfraProfile,
  pulseProfile,
  fhirInferenceProfile,
  openaiProfile,
  fastapiProfile,
  errorObjectProfile,
  llmTextProfile,
  flatErrorProfile,
  htmlProfile,
  genericProfile,
]);
