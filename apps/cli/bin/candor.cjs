#!/usr/bin/env node
// `candor` runs the TypeScript sources through the repository's SWC hook (tools/register.cjs).
const path = require('node:path');
require(path.join(__dirname, '..', '..', '..', 'tools', 'register.cjs'));
require('../src/main.ts');
