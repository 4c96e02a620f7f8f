// The `faultline/testing` entry: virtual time, arbitraries, the chaos server. Hand-picked exports only.
export { VirtualClock } from './virtual-clock.js';
export { startChaosServer } from './chaos-server.js';
export type { ChaosAction, ChaosBehaviours, ChaosCommon, ChaosRequest, ChaosServer, ChaosServerOptions, ChaosStep } from './chaos-server.js';
export { seededRandom } from './seeded-random.js';
export { testProfile } from './test-profile.js';
export type { ProfileFixture, ProfileMismatch, ProfileTestReport, TestProfileOptions } from './test-profile.js';
export { arbFault, arbResponse, arbResponseSequence, scripted } from './arbitraries.js';
export type { ArbFaultOptions, ArbResponseOptions, ArbResponseSequenceOptions, ScriptedCall, ScriptedResponse, ScriptedStep } from './arbitraries.js';
