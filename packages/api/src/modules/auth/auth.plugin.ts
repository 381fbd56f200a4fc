import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Responses to requests that carry credentials are never stored by browsers or shared caches:
 * `Cache-Control: private, no-store`, whatever cache hints the fields gave. Public responses
 * keep their hints (Apollo's cache-control plugin), so the catalog stays cacheable.
 */
export function privateWhenAuthorized<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request, response, overallCachePolicy }) {
      if (!request.http?.headers.get('authorization')) return;
      overallCachePolicy.restrict({ scope: 'PRIVATE', maxAge: 0 });
      response.http.headers.set('cache-control', 'private, no-store');
    },
  };
}
