import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { yamlListLoader } from './data/yaml-list-loader.ts';
import { ArticleSchema } from './schemas/article.ts';
import { dataCollections, type DataCollectionName } from './schemas/collections.ts';

const analysis = Object.fromEntries(
  (Object.keys(dataCollections) as DataCollectionName[]).map((name) => [
    name,
    defineCollection({ loader: yamlListLoader(name), schema: dataCollections[name] }),
  ]),
);

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '*.md', base: './content/articles' }),
    schema: ArticleSchema,
  }),
  ...analysis,
};
