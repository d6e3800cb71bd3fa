import { HashingBusyError, HashingPool } from '../hashing-pool.js';
import type { Faults } from './faults.js';

/** A server's view of a shared hashing pool, which a `busy` fault makes refuse as a full pool does. */
export class ControlledHashingPool extends HashingPool {
  constructor(
    readonly shared: HashingPool,
    readonly faults: Faults,
  ) {
    super();
  }

  override run<T>(task: () => Promise<T>): Promise<T> {
    if (this.faults.take('busy')) return Promise.reject(new HashingBusyError(1));
    return this.shared.run(task);
  }
}
