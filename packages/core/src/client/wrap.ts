/**
 * `wrapClient(client, overrides)`: a client that answers some calls itself (to log, count, rewrite or stub them) and
 * forwards everything else to `client` — its other methods, its properties (`source`, `diagnostics`, `indexedIn`) and
 * its events: it is still the client's EventTarget, so a widget given the wrapper follows the client's `diagnostics`.
 * (A wrapper made with `Object.create(client)` is not: the browser refuses to listen on it.)
 */
import type { RelaisClient } from './types.js';

/** The calls a wrapper may answer itself. */
export type ClientOverrides = Partial<Pick<RelaisClient, 'search' | 'points' | 'get' | 'ready' | 'refresh'>>;

/**
 * Wraps a client: the `overrides` answer their calls (each may call the client's own method), the client answers the
 * rest, with `this` the client itself.
 *
 * @example
 * const logged = wrapClient(client, { search: (q, o) => (console.log(q), client.search(q, o)) });
 * directory.client = logged;
 */
export function wrapClient(client: RelaisClient, overrides: ClientOverrides): RelaisClient {
  return new Proxy(client, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof ClientOverrides];
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
