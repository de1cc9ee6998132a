import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/plugins.ts';

// Each plugin is tested through Astro's real unified processor with the site's full plugin list, on
// fixtures/<plugin>/<case>/input.md. A case has output.html (the expected HTML; UPDATE_FIXTURES=1
// rewrites it) or error.txt (the start of the expected failure message).
const fixtures = join(import.meta.dirname, 'fixtures');
const processor = await createMarkdownProcessor({
  remarkPlugins,
  rehypePlugins,
  smartypants: false,
  gfm: false,
  syntaxHighlight: false,
});

for (const plugin of readdirSync(fixtures).sort()) {
  describe(plugin, () => {
    for (const name of readdirSync(join(fixtures, plugin)).sort()) {
      const dir = join(fixtures, plugin, name);
      const input = readFileSync(join(dir, 'input.md'), 'utf8');
      const render = () => processor.render(input, { fileURL: pathToFileURL(join(dir, 'sample-article.md')) });
      if (existsSync(join(dir, 'error.txt'))) {
        it(`${name}: refuses the input`, async () => {
          const expected = readFileSync(join(dir, 'error.txt'), 'utf8').trim();
          await expect(render()).rejects.toThrow(expected);
        });
      } else {
        it(`${name}: renders the expected HTML`, async () => {
          const { code } = await render();
          const outputFile = join(dir, 'output.html');
          if (process.env['UPDATE_FIXTURES'] === '1' || !existsSync(outputFile)) writeFileSync(outputFile, `${code.trim()}\n`);
          expect(`${code.trim()}\n`).toBe(readFileSync(outputFile, 'utf8'));
        });
      }
    }
  });
}
