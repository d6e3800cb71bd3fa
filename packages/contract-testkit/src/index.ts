export { type ExampleExchange, exampleExchanges } from './examples.js';
export { type RawRequest, sendRaw } from './raw-request.js';
export { ContractRecorder, ContractViolation, type RecorderOptions } from './recorder.js';
export { clockOf, defineSuite, faultsOf, fromAddress, inboxOf, type Scenario, type ScenarioContext, type ScenarioNeed, type ScenarioSuite, type ServerClock, type ServerFaults } from './scenario.js';
export { type RunningServer, serveOnLoopback } from './serve.js';
export { invalidBodyProblem } from './invalid-body.js';
