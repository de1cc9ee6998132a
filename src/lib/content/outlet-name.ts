import type { Outlet } from '../../schemas/outlet.ts';

/** An outlet's name as a sentence uses it: "the Los Angeles Times" (its nameInText), or its name ("Clash Report"). */
export const outletInText = (outlet: Pick<Outlet, 'name' | 'nameInText'>): string => outlet.nameInText ?? outlet.name;

/** The same at the start of a sentence: "The Los Angeles Times". */
export const outletInTextOpening = (outlet: Pick<Outlet, 'name' | 'nameInText'>): string =>
  outletInText(outlet).replace(/^./, (first) => first.toUpperCase());
