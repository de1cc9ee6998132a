import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FURNITURE_FILE, readFurnitureFile } from '../../../../src/lib/import/furniture-file.ts';
import { parseYamlList } from '../../../../src/lib/yaml-list.ts';
import { OutletSchema, type Outlet } from '../../../../src/schemas/outlet.ts';
import { projectRoot } from '../../../helpers/content.ts';

/** The project's furniture file: its rules and records. */
export const furniture = readFurnitureFile(readFileSync(join(projectRoot, FURNITURE_FILE), 'utf8'));

/** The project's outlets. */
export const outlets: Outlet[] = parseYamlList('outlets.yaml', readFileSync(join(projectRoot, 'content', 'outlets', 'outlets.yaml'), 'utf8')).items.map((item) =>
  OutletSchema.parse(item.value),
);

/** A capture's bytes from its lines (blank lines between, as the captures have them). */
export const captureBytes = (...lines: string[]): Uint8Array => new TextEncoder().encode(`${lines.join('\n\n')}\n`);
