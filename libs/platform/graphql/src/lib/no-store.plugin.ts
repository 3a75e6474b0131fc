import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Every answer belongs to its caller and is never cached: `Cache-Control: no-store` on every
 * response. Candor sets no cache hints, so Apollo's cache-control plugin, which would work out
 * the same header by wrapping every field resolver of every request, stays off.
 */
export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      requestDidStart({ response }) {
        response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    },
  ];
}
