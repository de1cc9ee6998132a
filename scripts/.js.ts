import { readFileSync } from 'node:fs';
import { brotliSize, gzipSize } from './lib/bench/page-weight.ts';
const h = readFileSync('dist/timeline/index.html', 'utf8');
let t = 0;
for (const m of h.matchAll(/<script(?: type="module")?>(.*?)<\/script>/gs)) { const b = brotliSize(Buffer.from(m[1]!)); t += b; console.log(m[1]!.length, b, m[1]!.slice(0, 60)); }
console.log('total', t);
