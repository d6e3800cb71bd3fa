export { type CampaignFailure, type CampaignOptions, type CampaignResult, DEFAULT_ADDRESSES, formatCampaign, formatFailure, runCampaign } from './campaign.js';
export { negativeCampaign, type NegativeCampaignOptions } from './campaign-adapter.js';
export { demoCredentials } from './demo-credentials.js';
export {
  apiRequestArbitrary,
  applicableKinds,
  credentialSchemes,
  type GeneratedRequest,
  MUTATION_KINDS,
  type MutationKind,
  positiveRequestArbitrary,
  printable,
  requestArbitraries,
  requestArbitrary,
  type RequestOptions,
  summarize,
  withCredential,
} from './requests.js';
export { allowedTypes, type JsonType, validValue, type ValueTarget, valueTargets } from './schema-values.js';
