export * from './lib/records';
export * from './lib/store-evidence';
