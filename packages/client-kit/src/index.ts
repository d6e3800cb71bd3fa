export { type Clock, systemClock } from './clock.js';
export { type ErrorFields, errorFieldsOf } from '@loginspec/codec';
export { ApiError, errorReader, UndocumentedResponseError } from './errors.js';
