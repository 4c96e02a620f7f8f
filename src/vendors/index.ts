// The `faultline/vendors` entry: every built-in profile by name, to build a classifier that carries
// only the vendors an app talks to (`createClassifier({ profiles: [openaiProfile] })`), or to
// extend the built-in list with a profile of your own.

export { BUILTIN_PROFILES } from './registry.js';
export { anthropicProfile } from './anthropic.js';
export { awsProfile } from './aws.js';
export { azureProfile } from './azure.js';
export { cloudflareProfile } from './cloudflare.js';
export { discordProfile } from './discord.js';
export { githubProfile } from './github.js';
export { googleProfile } from './google.js';
export { graphqlProfile } from './graphql.js';
export { htmlProfile } from './html.js';
export { jsonapiProfile } from './jsonapi.js';
export { jsonrpcProfile } from './jsonrpc.js';
export { problemJsonProfile } from './problem-json.js';
export { slackProfile } from './slack.js';
export { springBootProfile } from './spring-boot.js';
export { stripeProfile } from './stripe.js';
export { twilioProfile } from './twilio.js';
export { impulseProfile } from './impulse.js';
export { runsApiProfile } from './runs-api.js';
export { runinfraProfile } from './runinfra.js';
export { pulseProfile } from './pulse.js';
export { fhirInferenceProfile } from './fhir-inference.js';
export { openaiProfile } from './openai.js';
export { fastapiProfile } from './fastapi.js';
export { errorObjectProfile } from './error-object.js';
export { flatErrorProfile } from './flat-error.js';
export { openrouterProfile } from './openrouter.js';
export { llmTextProfile } from './llm-text.js';
export { genericProfile } from './generic/generic.js';

export type {
  CodeRule,
  ExpressibleFaults,
  FaultDraft,
  HeaderReader,
  RenderedResponse,
  ResponseSnapshot,
  VendorProfile,
} from '../core/profile.js';
