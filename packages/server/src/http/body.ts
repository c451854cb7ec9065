/** Reading a request body within a size limit, for every module of the server. */
import type { IncomingMessage } from 'node:http';

/**
 * Reads the body within `max` bytes; `null` when larger. A declared `content-length` above `max` is refused before
 * reading; an undeclared larger body is drained (so that the client gets its 413), and the socket closed when it
 * goes past 16 × `max`.
 */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > max) {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > max) {
      if (size > max * 16) {
        req.destroy();
        return null;
      }
      continue;
    }
    chunks.push(c);
  }
  return size > max ? null : Buffer.concat(chunks);
}
