import type { TestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    candorDb: TestDatabase;
  }
}
