export { type ExampleExchange, exampleExchanges } from './examples.js';
export { ContractRecorder, ContractViolation, type RecorderOptions } from './recorder.js';
export { clockOf, defineSuite, fromAddress, inboxOf, type Scenario, type ScenarioContext, type ScenarioNeed, type ScenarioSuite, type ServerClock } from './scenario.js';
export { type RunningServer, serveOnLoopback } from './serve.js';
