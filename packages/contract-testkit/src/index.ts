export { ContractRecorder, ContractViolation, type RecorderOptions } from './recorder.js';
export { type ExampleExchange, exampleExchanges } from './examples.js';
export { type RunningServer, serveOnLoopback } from './serve.js';
