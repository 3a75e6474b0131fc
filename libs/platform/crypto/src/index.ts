export { SecretBox, type SealedSecret } from './lib/secret-box';
