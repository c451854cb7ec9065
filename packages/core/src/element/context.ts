import { createContext } from '@lit/context';
import type { RelaisClient } from '../client/client.js';
import type { RelaisStore } from './store.js';

/**
 * Context keys are global symbols with a version, so that two copies of the SDK on one page
 * share a provider only when their protocol version matches.
 */
export const clientContext = createContext<RelaisClient | undefined>(Symbol.for('relais.client.v1'));
/** The shared selection and filter store. */
export const storeContext = createContext<RelaisStore | undefined>(Symbol.for('relais.store.v1'));
