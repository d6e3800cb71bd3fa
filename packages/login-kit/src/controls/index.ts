export { ControlledClock } from './controlled-clock.js';
export { ControlledHashingPool } from './controlled-hashing.js';
export { type ControlledStores, controlledStores } from './controlled-stores.js';
export { type FaultKind, type FaultRequest, Faults, InjectedFault } from './faults.js';
