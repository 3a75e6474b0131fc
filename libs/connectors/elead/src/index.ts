export { EleadConnector } from './lib/elead.connector';
export type { EleadConfig } from './lib/elead.connector';
export { parseEleadResponses } from './lib/elead-offline';
export { ELEAD_ACTIVITY_TYPES, eleadActivityMeaning } from './lib/elead-activity-types';
export type { EleadMeaning } from './lib/elead-activity-types';
