import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Vite's content-hashed file names (`index-3fqGBfyN.js`): safe to cache for a year. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp)$/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Which precompressed sibling to send for an Accept-Encoding header ('' = the plain file). */
export function pickEncoding(acceptEncoding: string | undefined): '' | 'br' | 'gzip' {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return '';
}

/**
 * The admin build (`admin/dist`): precompressed `.br` / `.gz` siblings (written by the vite build)
 * go to browsers that accept them; hashed assets are cached for a year (immutable), index.html is
 * revalidated every time so a new release is picked up at once. Unknown paths outside the API fall
 * back to index.html (client-side routes).
 */
export function adminStatic(dist: string): express.Router {
  const router = express.Router();
  const setHeaders = (res: express.Response, file: string) => {
    res.setHeader('Cache-Control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const rel = decodeURIComponent(req.path);
    const ext = path.extname(rel);
    if (!TYPES[ext] || ext === '.html') return next();
    const file = path.join(dist, path.normalize(rel).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dist + path.sep)) return next();
    const enc = pickEncoding(req.headers['accept-encoding']);
    const sibling = enc === 'br' ? `${file}.br` : enc === 'gzip' ? `${file}.gz` : '';
    res.setHeader('Vary', 'Accept-Encoding');
    if (sibling && existsSync(sibling)) {
      res.setHeader('Content-Encoding', enc);
      res.setHeader('Content-Type', TYPES[ext]);
      setHeaders(res, file);
      return res.sendFile(sibling, (err) => err && next(err));
    }
    next();
  });
  router.use(express.static(dist, { index: false, setHeaders: (res, file) => setHeaders(res, file) }));
  const sendIndex = (_req: express.Request, res: express.Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dist, 'index.html'));
  };
  router.get('/', sendIndex);
  router.get(/^\/(?!graphql|files|healthz|readyz|metrics|export\/).*/, sendIndex);
  return router;
}
