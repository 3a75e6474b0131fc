import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { PUBLIC_KEY, REQUIRES_KEY } from '@candor/platform-auth';
import { API_RESOLVERS } from './api-resolvers';

// @nestjs/graphql marks query, mutation, subscription and field resolvers with this metadata.
const RESOLVER_TYPE = 'graphql:resolver_type';

/** Every GraphQL operation of the API, as `Class.method`, with its declared permission. */
function operations(): { name: string; guarded: boolean }[] {
  const found: { name: string; guarded: boolean }[] = [];
  for (const resolver of API_RESOLVERS) {
    const proto = resolver.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const handler = proto[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      if (!Reflect.getMetadata(RESOLVER_TYPE, handler)) continue;
      const declared = (key: string) =>
        Reflect.getMetadata(key, handler) !== undefined ||
        Reflect.getMetadata(key, resolver) !== undefined;
      found.push({
        name: `${resolver.name}.${method}`,
        guarded: declared(REQUIRES_KEY) || declared(PUBLIC_KEY),
      });
    }
  }
  return found;
}

describe('resolver permissions', () => {
  it('finds the operations it checks', () => {
    expect(operations().map((o) => o.name)).toEqual(
      expect.arrayContaining(['StoreResolver.createStore', 'ViewerResolver.viewer']),
    );
  });

  it('declares @Requires or @Public on every query, mutation and field resolver', () => {
    expect(
      operations()
        .filter((o) => !o.guarded)
        .map((o) => o.name),
    ).toEqual([]);
  });
});
