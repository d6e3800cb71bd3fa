export { type GeneratedFile, type GenerateOptions, generateApi, generateFixture, listFixtures } from './generate.js';
export { type Generation, generateAll } from './generate-all.js';
export { type RegisteredApi, readRegistry } from './registry.js';
export { type Drift, findDrift, writeGenerated } from './sync.js';
export {
  type Change,
  type Release,
  type ReleaseOptions,
  type Verdict,
  baselineOf,
  checkApi,
  describeLocation,
  formatVerdict,
  majorOf,
  releaseApi,
} from './release-gate.js';
