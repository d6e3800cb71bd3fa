export { ControlledClock } from './controlled-clock.js';
export { ControlledHashingPool } from './controlled-hashing.js';
export { type ControlledStores, controlledStores } from './controlled-stores.js';
export { type FaultKind, type FaultRequest, Faults, InjectedFault } from './faults.js';
export { CONTROLS_TOKEN_ENV, CONTROLS_TOKEN_HEADER, checkControlsToken, controlsTokenFile, forwardedFrom, newControlsToken, readControlsToken, writeControlsToken } from './token-file.js';
