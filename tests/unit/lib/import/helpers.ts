import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FURNITURE_FILE, readFurnitureFile } from '../../../../src/lib/import/furniture-file.ts';
import { OutletSchema, type Outlet } from '../../../../src/schemas/outlet.ts';
import { projectRoot } from '../../../helpers/content.ts';

/** The project's furniture file: its rules and records. */
export const furniture = readFurnitureFile(readFileSync(join(projectRoot, FURNITURE_FILE), 'utf8'));

/** Two outlets, fixed here so that adding an outlet to content/ changes no message these tests pin. */
export const outlets: Outlet[] = [
  OutletSchema.parse({ id: 'clash-report', name: 'Clash Report', kind: 'An online outlet' }),
  OutletSchema.parse({
    id: 'los-angeles-times',
    name: 'Los Angeles Times',
    shortName: 'LA Times',
    kind: 'A daily newspaper',
  }),
];

/** A capture's bytes from its lines (blank lines between, as the captures have them). */
export const captureBytes = (...lines: string[]): Uint8Array => new TextEncoder().encode(`${lines.join('\n\n')}\n`);
