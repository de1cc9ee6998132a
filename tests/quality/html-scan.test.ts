import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../src/lib/security/html-scan.ts';
import { referenceScan } from '../helpers/html-reference.ts';
import { builtHtml } from './dist.ts';

// The CSP narrowing and the address guard read every page with the fast scanner; on every page this
// build wrote, it must find exactly the ids and inline code a full parse finds.
describe('the fast HTML scan reads every built page as a full parse does', () => {
  for (const { url, html } of builtHtml()) {
    it(url, () => {
      expect(scanHtml(html)).toEqual(referenceScan(html));
    });
  }
});
