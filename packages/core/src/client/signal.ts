/** Abort signals of the client's calls: one helper shared by the HTTP layer (http.ts) and the clients (base.ts). */
import { RelaisError } from '../errors.js';

/** Races a promise against an AbortSignal, rejecting with RelaisError('aborted'). */
export function withSignal<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new RelaisError('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RelaisError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
