import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { yamlListLoader } from './data/yaml-list-loader.ts';
import { ArticleSchema } from './schemas/article.ts';
import { dataCollections } from './schemas/collections.ts';

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '*.md', base: './content/articles' }), schema: ArticleSchema }),
  outlets: defineCollection({ loader: yamlListLoader('outlets'), schema: dataCollections.outlets }),
  people: defineCollection({ loader: yamlListLoader('people'), schema: dataCollections.people }),
  issues: defineCollection({ loader: yamlListLoader('issues'), schema: dataCollections.issues }),
  events: defineCollection({ loader: yamlListLoader('events'), schema: dataCollections.events }),
  quotations: defineCollection({ loader: yamlListLoader('quotations'), schema: dataCollections.quotations }),
  meeting: defineCollection({ loader: yamlListLoader('meeting'), schema: dataCollections.meeting }),
  comparisons: defineCollection({ loader: yamlListLoader('comparisons'), schema: dataCollections.comparisons }),
  corrections: defineCollection({ loader: yamlListLoader('corrections'), schema: dataCollections.corrections }),
};
