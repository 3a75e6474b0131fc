export { appConfigSchema, loadConfig, ConfigError, type AppConfig } from './lib/app-config';
