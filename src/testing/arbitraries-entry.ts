// The `faultline/arbitraries` entry: fast-check arbitraries for faults and vendor responses.
// fast-check is an optional peer dependency needed only by this entry.
export { arbFault, arbResponse, arbResponseSequence } from './arbitraries.js';
export type { ArbFaultOptions, ArbResponseOptions, ArbResponseSequenceOptions } from './arbitraries.js';
export type { ScriptedResponse, ScriptedStep } from './scripted.js';
