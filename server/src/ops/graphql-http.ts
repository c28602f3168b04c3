import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import { sendJson, type GraphqlRequest } from './graphql-handler';

/**
 * The plain `POST /graphql` with a JSON body — every call the admin, the member channel and the
 * institutions make — is served straight from node's HTTP server, without Express's router and
 * body-parser in between (they cost about a third of an empty request's CPU). Anything else on
 * /graphql (another content type or encoding, a GET, a query string) still goes through Express,
 * which answers it exactly as before; both end in the same handler (graphql-handler.ts).
 *
 * Same answers as Express's path: malformed JSON or a top-level value that is not an object or
 * array → 400 BAD_REQUEST; a body over the limit → 413 PAYLOAD_TOO_LARGE (refused on its
 * Content-Length before reading when it declares one); the client's address from the same
 * `trust proxy` setting (proxy-addr, as Express's req.ip).
 */
export interface FastPathOptions {
  /** Largest body in bytes (as express.json's limit). */
  limit: number;
  /** Express's compiled `trust proxy fn`, so req.ip means the same on both paths. */
  trust: (addr: string, i: number) => boolean;
  handle: (r: GraphqlRequest) => Promise<void>;
}

/** GraphQL-shaped answers to a body that cannot be read; shared with Express's error handler on /graphql. */
export function bodyError(res: ServerResponse, status: number): void {
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  const message = status === 413 ? '请求体过大 (request body too large)' : '请求体不是有效的 JSON (malformed request body)';
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

function takesFastPath(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const enc = req.headers['content-encoding'];
  if (enc !== undefined && enc.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  if (!type) return false;
  const t = type.toLowerCase();
  return t === 'application/json' || /^application\/json\s*;\s*charset="?utf-8"?\s*$/.test(t);
}

/** Returns false when the request is not one for the fast path (the caller hands it to Express). */
export function graphqlFastPath(o: FastPathOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (!takesFastPath(req)) return false;
    const declared = Number(req.headers['content-length']);
    if (declared > o.limit) {
      bodyError(res, 413); // node discards the unread body once the response has gone
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > o.limit) {
        // No declared length (chunked) and too long: answer, and close the connection rather than read on.
        refused = true;
        chunks.length = 0;
        res.setHeader('Connection', 'close');
        bodyError(res, 413);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      let body: unknown = {};
      if (text.length) {
        // strict, as express.json: only an object or an array at the top
        const first = /\S/.exec(text)?.[0];
        try {
          if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
          body = JSON.parse(text);
        } catch {
          bodyError(res, 400);
          return;
        }
      }
      o.handle({ req, res, body, ip: proxyaddr(req, o.trust) ?? null }).catch((e) => {
        res.destroy(e as Error);
      });
    });
    req.on('error', () => res.destroy());
    return true;
  };
}
