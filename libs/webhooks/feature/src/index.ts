export { WebhooksModule, WEBHOOKS_RESOLVERS } from './lib/webhooks.module';
export { WEBHOOKS_OPTIONS, type WebhooksOptions } from './lib/webhooks.options';
