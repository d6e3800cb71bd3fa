#!/usr/bin/env node
// `npx @loginspec/eos-server --port 4011`: this one API at the root of its own origin (`--help` for the settings).
import { serverCommand } from '@loginspec/login-kit/serve';
import { server } from './server.js';

await serverCommand(server);
