export { type Clock, ManualClock, systemClock } from './clock.js';
export { OWASP_SCRYPT, PasswordHasher, type ScryptParams } from './password.js';
export { randomToken } from './tokens.js';
export { ExpiringStore } from './expiring-store.js';
export { type AttemptLimit, AttemptLimiter, type AttemptVerdict } from './attempt-limiter.js';
export { CredentialDirectory, type CredentialSeed } from './credential-directory.js';
export type { DemoLogin, ReferenceServer, ReferenceServerOptions } from './reference-server.js';
