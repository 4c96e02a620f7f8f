// The `faultline/testing` entry: virtual time, arbitraries, the chaos server. Hand-picked exports only.
export { VirtualClock } from './virtual-clock.js';
