export { type Clock, ManualClock, systemClock } from './clock.js';
export { CredentialDirectory, type CredentialSeed } from './credential-directory.js';
export { HashingBusyError, type HashingLimits, HashingPool } from './hashing-pool.js';
export { type Admission, type AttemptLimitSettings, type LimitedCheck, LoginLimits, type Ticket } from './login-limits.js';
export { OWASP_SCRYPT, PasswordHasher, type ScryptParams } from './password.js';
export { type DeliveredMessage, type DemoLogin, type ReferenceServer, type ReferenceServerOptions, type ServerKit, serverKit } from './reference-server.js';
export { memoryStores } from './stores/memory.js';
export type { AttemptCounter, CountedLimit, ExpiringStore, Reservation, SessionSlots, Stores } from './stores/ports.js';
export { randomToken } from './tokens.js';
