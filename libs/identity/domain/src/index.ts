export {
  newApiKey,
  newRefreshToken,
  parseApiKey,
  parseRefreshToken,
  passwordProblem,
  randomSecret,
  sameHash,
  sha256,
} from './lib/secrets';
