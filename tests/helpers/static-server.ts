import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Options for serveStatic. */
export interface ServeOptions {
  /**
   * Compress text responses (brotli quality 11, else gzip -9, as the request accepts), once per file, as
   * a host serving precompressed files would. Default: false.
   */
  compress?: boolean;
}

/** Serves the built site in `dir` on 127.0.0.1:`port` the way a static host would (dir/ → dir/index.html). */
export function serveStatic(dir: string, port: number, options: ServeOptions = {}): Promise<Server> {
  const compressed = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(dir, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html'] ?? 'text/html' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = !options.compress || !/^(text\/|application\/(json|xml)|image\/svg)/.test(type) ? undefined : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    if (encoding === undefined) {
      response.writeHead(200, { 'content-type': type });
      createReadStream(file).pipe(response);
      return;
    }
    const key = `${encoding} ${file}`;
    let body = compressed.get(key);
    if (!body) {
      const bytes = readFileSync(file);
      body = encoding === 'br' ? brotliCompressSync(bytes) : gzipSync(bytes, { level: 9 });
      compressed.set(key, body);
    }
    response.writeHead(200, { 'content-type': type, 'content-encoding': encoding, 'content-length': body.length, vary: 'accept-encoding' });
    response.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
