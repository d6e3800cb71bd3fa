export { type CoverageRow, coverageOf, coveredPercent, projectCodes } from './coverage.js';
export { type Exchange, ExchangeLog } from './exchange-log.js';
export { maskBody, maskHeaders, maskValue } from './mask.js';
export { type ControlsState, RemoteControls } from './remote-controls.js';
export { type ConformanceReport, renderApi, renderSummary } from './report.js';
export { type ConformanceOptions, runConformance } from './run.js';
export { type ApiReport, type ApiRunOptions, type CaseResult, type NegativeCampaign, runApi } from './run-api.js';
