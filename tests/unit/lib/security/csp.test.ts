import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cachedHashCount,
  HASH_CACHE_LIMIT,
  narrowPolicyToPage,
  placePolicyFirst,
} from '../../../../src/lib/security/csp.ts';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (policy: string, body: string): string =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}">${body}</head><body></body></html>`;
const policyOf = (html: string): string => /content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('narrowPolicyToPage', () => {
  const style = 'p{color:red}';
  const script = 'console.log(1)';
  const policy = `default-src 'none';img-src 'self'; script-src 'self' ${hash(script)} ${hash('other()')}; style-src 'self' ${hash(style)} ${hash('a{}')} ${hash('b{}')}`;

  it("keeps only the hashes of the page's own inline scripts and styles", () => {
    const html = page(policy, `<style>${style}</style><script type="module">${script}</script>`);
    expect(policyOf(narrowPolicyToPage(html))).toBe(
      `default-src 'none'; img-src 'self'; script-src 'self' ${hash(script)}; style-src 'self' ${hash(style)}`,
    );
  });

  it('drops every hash from a page without inline code, and ignores scripts with src', () => {
    const html = page(
      policy,
      '<link rel="stylesheet" href="/_astro/x.css"><script type="module" src="/_astro/x.js"></script>',
    );
    expect(policyOf(narrowPolicyToPage(html))).toBe(
      `default-src 'none'; img-src 'self'; script-src 'self'; style-src 'self'`,
    );
  });

  it('keeps its cache of hashes bounded over pages that each have structured data of their own', () => {
    for (let n = 0; n < HASH_CACHE_LIMIT * 4; n += 1) {
      const data = `{"@type":"Event","name":"Event ${n}"}`;
      const html = page(
        `script-src 'self' ${hash(script)} ${hash(data)}`,
        `<script type="application/ld+json">${data}</script><script type="module">${script}</script>`,
      );
      // Still right after the cache has been emptied: both hashes kept.
      expect(policyOf(narrowPolicyToPage(html))).toBe(`script-src 'self' ${hash(data)} ${hash(script)}`);
      expect(cachedHashCount()).toBeLessThanOrEqual(HASH_CACHE_LIMIT);
    }
  });

  it('never adds a hash the policy did not list', () => {
    const html = page(policy, '<script>alert(1)</script>');
    expect(policyOf(narrowPolicyToPage(html))).not.toContain(hash('alert(1)'));
  });

  it('leaves a page without a policy unchanged', () => {
    const html = '<!DOCTYPE html><html><head><style>p{}</style></head><body></body></html>';
    expect(narrowPolicyToPage(html)).toBe(html);
  });

  it('changes nothing but the policy', () => {
    const html = page(policy, `<style>${style}</style>`);
    const narrowed = narrowPolicyToPage(html);
    expect(narrowed.replace(policyOf(narrowed), '')).toBe(html.replace(policy, ''));
  });
});

describe('placePolicyFirst', () => {
  const meta = `<meta http-equiv="content-security-policy" content="script-src 'self'">`;
  it('moves the policy to right after <meta charset>, ahead of every script', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><script>boot()</script><title>t</title>${meta}<style>p{}</style></head><body></body></html>`;
    expect(placePolicyFirst(html)).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${meta}<script>boot()</script><title>t</title><style>p{}</style></head><body></body></html>`,
    );
  });
  it('is applied by narrowPolicyToPage', () => {
    const html = `<html><head><meta charset="utf-8"><script>x</script>${meta}</head></html>`;
    expect(narrowPolicyToPage(html).indexOf('content-security-policy')).toBeLessThan(
      narrowPolicyToPage(html).indexOf('<script>'),
    );
  });
  it('leaves a page without a policy or without a charset unchanged', () => {
    expect(placePolicyFirst('<head><script>x</script></head>')).toBe('<head><script>x</script></head>');
    expect(placePolicyFirst(`<head>${meta}<script>x</script></head>`)).toBe(`<head>${meta}<script>x</script></head>`);
  });
});
