export { type Clock, systemClock } from './clock.js';
export { ApiError, type ErrorFields, errorFieldsOf, errorReader, UndocumentedResponseError } from './errors.js';
