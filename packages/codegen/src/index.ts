export { type GeneratedFile, generateApi, generatedDir, listApis } from './generate.js';
export { type Drift, findDrift, writeGenerated } from './sync.js';
