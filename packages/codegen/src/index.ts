export { type GeneratedFile, generateApi, generateFixture, listFixtures } from './generate.js';
export { type Generation, generateAll } from './generate-all.js';
export { type RegisteredApi, readRegistry } from './registry.js';
export { type Drift, findDrift, writeGenerated } from './sync.js';
