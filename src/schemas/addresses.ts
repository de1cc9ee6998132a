import { z } from 'zod';
import { TextSchema } from './shared.ts';

/** A path on the site as published: starts and ends with "/" ("/", "/events/petro-elected/"). */
export const PagePathSchema = z.string().regex(/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/, {
  message: 'expected a site path in lowercase kebab-case that starts and ends with "/", e.g. "/events/petro-elected/"',
});

/** A fragment id as published on a page (what follows "#"). */
export const FragmentIdSchema = z
  .string()
  .regex(/^[^\s#]+$/, { message: 'expected a fragment id without "#" or spaces, e.g. "come-get-me"' });

/**
 * An old fragment id kept working on a page: `#from` lands on the element that now has id `to`, on the
 * same page, or, with `toPage`, on another page (the entry moved there: `/page/#from` forwards to
 * `/toPage/#to`). Written by editors in content/addresses/aliases.yaml when they rename, merge or move a block.
 */
export const FragmentAliasSchema = z.strictObject({
  /** The page the old id was published on (and, without `toPage`, the page the new id is on). */
  page: PagePathSchema,
  /** The old id, as published. */
  from: FragmentIdSchema,
  /** The page the element now is on, when it moved to another page. */
  toPage: PagePathSchema.optional(),
  /** The id of the element that now stands for it (on `toPage` when given). */
  to: FragmentIdSchema,
  /** Why the id changed, for the next editor. */
  note: TextSchema.optional(),
});

/** An old page address kept working: a redirect page at `from` sends readers (and the fragment) on to `to`. */
export const PageAliasSchema = z.strictObject({
  /** The old page path, as published. */
  from: PagePathSchema,
  /** The page that now stands for it. */
  to: PagePathSchema,
  /** Why the page moved, for the next editor. */
  note: TextSchema.optional(),
});

/** The published-address manifest (content/addresses/published.json), written by `npm run addresses:update`. */
export const AddressManifestSchema = z.strictObject({
  /** What the file is and how to update it, for whoever opens it. */
  about: TextSchema,
  /** Every published page path, with the sorted fragment ids on it. */
  pages: z.record(PagePathSchema, z.array(FragmentIdSchema)),
});

/** An old fragment id kept working. */
export type FragmentAlias = z.infer<typeof FragmentAliasSchema>;
/** An old page address kept working. */
export type PageAlias = z.infer<typeof PageAliasSchema>;
/** The published-address manifest. */
export type AddressManifest = z.infer<typeof AddressManifestSchema>;
