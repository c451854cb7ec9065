/** Matches a request to one of the mounted `Route`s (`:name` path parameters). */
import type { Route } from './types.js';

interface Compiled {
  route: Route;
  re: RegExp;
  names: string[];
}

/** The result of a match: the route and its parameters, or the allowed methods of the path (405), or nothing (404). */
export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] } | null;

/** A router over lists of routes (each module exports its own list). */
export class Router {
  private readonly routes: Compiled[] = [];

  constructor(...lists: ReadonlyArray<readonly Route[]>) {
    for (const list of lists) for (const r of list) this.add(r);
  }

  /** Adds a route; two routes with the same method and path are a programming error. */
  add(route: Route): void {
    const names: string[] = [];
    const pattern = route.path
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          names.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    if (this.routes.some((c) => c.route.method === route.method && c.route.path === route.path)) throw new Error(`Route en double : ${route.method} ${route.path}`);
    this.routes.push({ route, re: new RegExp(`^${pattern}$`), names });
  }

  /** Finds the route of a method and path. */
  match(method: string, path: string): Match {
    const allowed: string[] = [];
    for (const c of this.routes) {
      const m = c.re.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        allowed.push(c.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      let ok = true;
      c.names.forEach((n, i) => {
        try {
          params[n] = decodeURIComponent(m[i + 1]!);
        } catch {
          ok = false;
        }
      });
      if (ok) return { route: c.route, params };
    }
    return allowed.length ? { allowed } : null;
  }
}
