// Listening with limits is shared with each server package's own command: it lives in login-kit.
export { type ConnectionLimits, type Listening, listen } from '@loginspec/login-kit/serve';
