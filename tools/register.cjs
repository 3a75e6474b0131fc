// Runs the TypeScript sources directly with SWC, which (unlike esbuild) emits the decorator
// metadata NestJS and its GraphQL code-first schema rely on.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
