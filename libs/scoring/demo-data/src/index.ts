export type { Habit } from './lib/agent-habits';
export type { DemoOptions } from './lib/demo-options';
export type { DemoAgent, DemoManifest } from './lib/demo-evidence';
export { demoManifest, generateDemoEvidence } from './lib/demo-evidence';
export { toBundleLine } from './lib/bundle-line';
