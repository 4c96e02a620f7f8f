// The `faultline/testing` entry: virtual time, the chaos server, scripted calls, profile checks.
// Hand-picked exports only. The fast-check arbitraries are the separate `faultline/arbitraries` entry,
// so using VirtualClock does not require fast-check.
export { VirtualClock } from './virtual-clock.js';
export { startChaosServer } from './chaos-server.js';
export type { ChaosAction, ChaosBehaviours, ChaosCommon, ChaosRequest, ChaosServer, ChaosServerOptions, ChaosStep, ChaosStreamAction, ChaosStreamShape } from './chaos-server.js';
export { seededRandom } from './seeded-random.js';
export { testProfile } from './test-profile.js';
export type { ProfileFixture, ProfileMismatch, ProfileTestReport, TestProfileOptions } from './test-profile.js';
export { scripted } from './scripted.js';
export type { ScriptedCall, ScriptedResponse, ScriptedStep } from './scripted.js';
