import { contractTests } from '@loginspec/contract-testkit/vitest';
import { eosSuite } from './scenarios.js';
import { server } from './server.js';

// A low scrypt cost keeps the suite fast; the default is OWASP's (see login-kit).
const contract = contractTests(eosSuite, { start: (clock) => server.create({ clock, scrypt: { N: 2 ** 10, r: 8, p: 1 } }) });

contract.expectFullCoverage();
