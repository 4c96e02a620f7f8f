/**
 * The built-in profiles in detection order: most specific first. A profile whose envelope is
 * unmistakable (Anthropic's `type: "error"`, Google's numeric `error.code` with `status`, AWS's
 * `__type`) comes before the generic shapes several vendors share (OpenAI-style `{error:{…}}`,
 * problem+json, FastAPI's `detail`, flat `{error, message}`), and HTML pages come last.
 * Each engineer inserts their profile at its slot; order is tested by the detection property.
 */
import { anthropicProfile } from './anthropic.js';
import { awsProfile } from './aws.js';
import { azureProfile } from './azure.js';
import { cloudflareProfile } from './cloudflare.js';
import { discordProfile } from './discord.js';
import { errorObjectProfile } from './error-object.js';
import { fastapiProfile } from './fastapi.js';
import { fhirInferenceProfile } from './fhir-inference.js';
import { flatErrorProfile } from './flat-error.js';
import { githubProfile } from './github.js';
import { genericProfile } from './generic/generic.js';
import { googleProfile } from './google.js';
import { graphqlProfile } from './graphql.js';
import { htmlProfile } from './html.js';
import { impulseProfile } from './impulse.js';
import { jsonapiProfile } from './jsonapi.js';
import { llmTextProfile } from './llm-text.js';
import { problemJsonProfile } from './problem-json.js';
import { openaiProfile } from './openai.js';
import { openrouterProfile } from './openrouter.js';
import type { VendorProfile } from './profile.js';
import { pulseProfile } from './pulse.js';
import { runinfraProfile } from './runinfra.js';
import { runsApiProfile } from './runs-api.js';
import { slackProfile } from './slack.js';
import { stripeProfile } from './stripe.js';
import { springBootProfile } from './spring-boot.js';
import { twilioProfile } from './twilio.js';

/**
 * Every built-in profile, in the order the default `classify` tries them.
 * @public
 */
export const BUILTIN_PROFILES: readonly VendorProfile[] = Object.freeze([
  // -- vendors with an unmistakable envelope
  anthropicProfile,
  googleProfile,
  // azure before aws: Azure Storage sends the same <Error><Code> XML as S3
  azureProfile,
  awsProfile,
  stripeProfile,
  githubProfile,
  cloudflareProfile,
  slackProfile,
  twilioProfile,
  discordProfile,
  // OpenRouter wraps the upstream provider's error in error.metadata.raw
  openrouterProfile,
  // -- multi-error documents
  graphqlProfile,
  jsonapiProfile,
  // -- standard and framework shapes
  problemJsonProfile,
  springBootProfile,
  // -- the seed vendors (mostly picked by name or host; their detection must not steal generic shapes)
  impulseProfile,
  runsApiProfile,
  runinfraProfile,
  pulseProfile,
  fhirInferenceProfile,
  // -- generic shapes shared by many APIs
  // openai (also Azure OpenAI and OpenAI-compatible servers)
  openaiProfile,
  fastapiProfile,
  // error-object ({error:{code,message,details}})
  errorObjectProfile,
  // LLM servers' bare bodies: Ollama/Cohere sentences, Hugging Face/TGI, xAI ({code, error}), text; before flat-error, which
  // would take TGI's {error: "Overloaded", error_type} for a code
  llmTextProfile,
  // flat-error ({error:"code", message})
  flatErrorProfile,
  // -- pages from proxies and load balancers
  htmlProfile,
  // -- the generic layer: any envelope, read by meaning, for every vendor no profile above claims
  genericProfile,
]);
