import { ContextRoot, createContext } from '@lit/context';
import type { RelaisClient } from '../client/types.js';
import type { RelaisStore } from './store.js';

/**
 * Context keys are global symbols with a version, so that two copies of the SDK on one page
 * share a provider only when their protocol version matches.
 */
export const clientContext = createContext<RelaisClient | undefined>(Symbol.for('relais.client.v1'));
/** The shared selection and filter store. */
export const storeContext = createContext<RelaisStore | undefined>(Symbol.for('relais.store.v1'));

/** Where the document keeps its context root: one per document, shared by every copy of the SDK on the page. */
const ROOT = Symbol.for('relais.context-root.v1');

/**
 * Attaches a `ContextRoot` (from `@lit/context`) to the document, once. A widget asks for the provider's client when it
 * is connected; when the `<relais-provider>` around it is not defined yet (the CDN autoloader defines each element when
 * its chunk arrives, in any order), nothing answers and the request would be lost. The root keeps such unanswered
 * requests and sends them again when a provider of that context is connected, so every widget gets the client whatever
 * the order the elements are defined in. Called when this module is evaluated and, as a safety net, before any Relais
 * element connects; the root answers to the context protocol's events, so it serves every copy of the SDK.
 */
export function attachContextRoot(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (!doc || (doc as Document & { [ROOT]?: ContextRoot })[ROOT]) return;
  const root = new ContextRoot();
  // the document itself, not <body>: it receives the (composed) events of every element and exists before <body>
  root.attach(doc as unknown as HTMLElement);
  Object.defineProperty(doc, ROOT, { value: root });
}

attachContextRoot();
