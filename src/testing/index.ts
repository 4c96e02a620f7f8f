// The `faultline/testing` entry: virtual time, arbitraries, the chaos server. Hand-picked exports only.
export {};
