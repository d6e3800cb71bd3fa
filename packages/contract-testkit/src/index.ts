export { type ExampleExchange, exampleExchanges } from './examples.js';
export { ContractRecorder, ContractViolation, type RecorderOptions } from './recorder.js';
export { clockOf, defineSuite, type Scenario, type ScenarioContext, type ScenarioSuite, type ServerClock } from './scenario.js';
export { type RunningServer, serveOnLoopback } from './serve.js';
