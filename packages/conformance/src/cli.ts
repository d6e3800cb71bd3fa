#!/usr/bin/env node
import { main } from './command.js';

const code = await main(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text), env: process.env });
process.exit(code);
