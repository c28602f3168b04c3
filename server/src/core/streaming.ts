import type { ServerResponse } from 'node:http';

/**
 * Write a chunk; when the socket is full, wait until it drains — or closes: a client that went away
 * (a cancelled download, a closed tab) never drains, and the writer must then stop (an export gives back its slot).
 */
export function writeChunk(res: Pick<ServerResponse, 'write' | 'once' | 'off' | 'destroyed' | 'writableEnded'>, chunk: string): Promise<void> {
  if (res.destroyed || res.writableEnded) return Promise.resolve();
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
