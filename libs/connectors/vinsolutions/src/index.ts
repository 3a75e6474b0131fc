export { VinSolutionsConnector } from './lib/vinsolutions.connector';
export type { VinSolutionsConfig } from './lib/vinsolutions.connector';
export { parseVinSolutionsFeeds } from './lib/vinsolutions-offline';
export { VIN_FEED_NAMES } from './lib/vin-feed.mapper';
export type { VinFeedName } from './lib/vin-feed.mapper';
