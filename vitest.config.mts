import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC (not esbuild) compiles the tests so NestJS decorator metadata is emitted.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: [
      'apps/**/src/**/*.{spec,int-spec,e2e-spec}.ts',
      'libs/**/src/**/*.{spec,int-spec}.ts',
      'test/**/*.{spec,int-spec,e2e-spec}.ts',
    ],
    globalSetup: ['libs/platform/testing/src/lib/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NX_DAEMON: 'false' },
  },
});
