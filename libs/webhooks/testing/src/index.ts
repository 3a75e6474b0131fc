export {
  startWebhookReceiver,
  type ReceivedWebhook,
  type Responder,
  type WebhookReceiver,
} from './lib/webhook-receiver';
