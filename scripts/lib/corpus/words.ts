import type { Random } from './prng.ts';

// Word banks for synthetic news prose. Plain words only: no Markdown syntax, no colon (a colon before a
// word starts a directive in article Markdown), so every generated sentence reaches the page as written.

/** Places a synthetic story can be about. */
export const PLACES = [
  'Brazil',
  'Chile',
  'Peru',
  'Mexico',
  'Canada',
  'Panama',
  'Ecuador',
  'Bolivia',
  'Uruguay',
  'Paraguay',
  'Argentina',
  'Guatemala',
  'Honduras',
  'Cuba',
  'Jamaica',
  'Haiti',
  'Costa Rica',
  'Belize',
  'Guyana',
  'Suriname',
] as const;

/** Themes a story turns on, which become its issues. */
export const THEMES = [
  'trade',
  'tariffs',
  'migration',
  'energy',
  'security',
  'climate',
  'mining',
  'fisheries',
  'aid',
  'elections',
  'courts',
  'ports',
  'railways',
  'water',
  'health',
  'debt',
  'sanctions',
  'visas',
  'fuel',
  'telecoms',
  'farming',
  'tourism',
  'pensions',
  'policing',
  'borders',
  'oil',
  'forests',
  'schools',
  'housing',
  'shipping',
] as const;

const FIRST = [
  'Ana',
  'Luis',
  'Marta',
  'Jorge',
  'Elena',
  'Pablo',
  'Sofia',
  'Diego',
  'Carmen',
  'Tomas',
  'Irene',
  'Hugo',
  'Lucia',
  'Mateo',
  'Rosa',
  'Andres',
  'Clara',
  'Felipe',
  'Julia',
  'Ramon',
  'Alicia',
  'Bruno',
  'Nora',
  'Oscar',
] as const;
const LAST = [
  'Alvarez',
  'Benitez',
  'Castro',
  'Duarte',
  'Escobar',
  'Fuentes',
  'Galindo',
  'Herrera',
  'Ibarra',
  'Jimenez',
  'Lozano',
  'Medina',
  'Navarro',
  'Ortega',
  'Paredes',
  'Quintero',
  'Rojas',
  'Salazar',
  'Toledo',
  'Urrutia',
  'Valencia',
  'Zamora',
  'Arce',
  'Bravo',
  'Cordero',
  'Delgado',
  'Espinoza',
  'Figueroa',
  'Guzman',
  'Montes',
] as const;

/** Roles a named person can hold, in our words. */
export const ROLES = [
  'foreign minister',
  'trade minister',
  'energy minister',
  'ambassador',
  'senator',
  'opposition leader',
  'central bank governor',
  'mayor of the capital',
  'union leader',
  'army commander',
  'spokesperson for the president',
  'governor of the northern province',
  'chief negotiator',
  'finance minister',
  'interior minister',
] as const;

const SUBJECTS = [
  'The government',
  'Officials in the capital',
  'The ministry',
  'Negotiators from both sides',
  'The delegation',
  'Lawmakers',
  'Business groups',
  'Diplomats',
  'The central bank',
  'Regional leaders',
  'Analysts',
  'Critics of the plan',
  'Supporters of the deal',
  'The opposition',
  'Local officials',
  'Exporters',
  'Human rights groups',
  'The committee',
] as const;
const VERBS = [
  'announced',
  'rejected',
  'welcomed',
  'questioned',
  'postponed',
  'defended',
  'criticised',
  'signed',
  'proposed',
  'reviewed',
  'delayed',
  'approved',
  'challenged',
  'outlined',
  'debated',
  'endorsed',
  'suspended',
  'revived',
] as const;
const OBJECTS = [
  'a new framework for cooperation',
  'the latest round of talks',
  'a package of measures',
  'the draft agreement',
  'a plan to expand the port',
  'the new tariff schedule',
  'a joint statement',
  'the budget for the coming year',
  'a review of the border controls',
  'the proposal for a new pipeline',
  'an emergency fund',
  'the extradition request',
  'a pledge to cut emissions',
  'the mining concession',
  'a timetable for the elections',
  'the security pact',
] as const;
const TAILS = [
  'after weeks of tense negotiations',
  'despite objections from the opposition',
  'in a closed session on Monday',
  'ahead of a regional summit',
  'according to people familiar with the talks',
  'without giving further details',
  'in a statement released late on Friday',
  'as pressure mounted at home',
  'during a visit to the capital',
  'following months of delays',
  'amid growing public protests',
  'before the end of the fiscal year',
  'in a move that surprised observers',
  'while markets waited for clarity',
  'after a long night of talks',
] as const;
const CLAIMS = [
  'we will not accept terms that hurt our farmers',
  'this agreement protects jobs on both sides of the border',
  'the talks were frank and useful',
  'nobody should doubt our commitment to the rule of law',
  'we expect results within months, not years',
  'the decision was taken without consulting the regions',
  'our partners know exactly where we stand',
  'this is a good day for the people of the region',
  'the numbers simply do not add up',
  'we have been patient for a long time',
  'there is still a lot of work to do',
  'the door to dialogue remains open',
  'we are ready to sign as soon as the text is final',
  'the measures will be reviewed every six months',
  'no country should face threats of this kind',
  'we came here to listen and to find common ground',
  'the people deserve to know what was agreed',
  'prices will fall once the new rules take effect',
  'we warned about this risk more than a year ago',
] as const;
const FIGURES = [
  '12 percent',
  'two billion dollars',
  'three years',
  'half a million people',
  '40 tonnes',
  'six months',
  'nine ports',
  '15,000 jobs',
] as const;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A person's name, unique within one call site that passes a running `index`. */
export function personName(random: Random, index: number): string {
  const first = random.pick(FIRST);
  const last = LAST[index % LAST.length] as string;
  const second = LAST[Math.floor(index / LAST.length) % LAST.length] as string;
  return index < LAST.length ? `${first} ${last}` : `${first} ${last} ${second}`;
}

/**
 * The name of the `index`-th person of a corpus: distinct for every index below 21,600 (the people of
 * 3,900 articles), so no two people share a name (two sections headed by the same name would be
 * ambiguous landmarks), with a number after that.
 */
export function uniquePersonName(index: number): string {
  const first = FIRST[index % FIRST.length] as string;
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] as string;
  const second = LAST[Math.floor(index / (FIRST.length * LAST.length)) % LAST.length] as string;
  const round = Math.floor(index / (FIRST.length * LAST.length * LAST.length));
  return `${first} ${last} ${second}${round > 0 ? ` ${round + 1}` : ''}`;
}

/** A sentence of reporting in the outlet's voice, with no quotation in it. */
export function reportSentence(random: Random, place: string, theme: string): string {
  switch (random.int(0, 3)) {
    case 0:
      return `${random.pick(SUBJECTS)} in ${place} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(TAILS)}.`;
    case 1:
      return `The dispute over ${theme} has shaped relations with ${place} for ${random.pick(FIGURES)}, and ${random.pick(SUBJECTS).toLowerCase()} ${random.pick(VERBS)} ${random.pick(OBJECTS)}.`;
    case 2:
      return `${capitalise(random.pick(OBJECTS))} would affect ${random.pick(FIGURES)}, ${random.pick(TAILS)}.`;
    default:
      return `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)} on ${theme}, ${random.pick(TAILS)}.`;
  }
}

/** Words someone says, as a whole sentence (capitalised, with its full stop). */
export function claim(random: Random): string {
  return `${capitalise(random.pick(CLAIMS))}.`;
}

/** A short section heading. */
export function headingText(random: Random, place: string, theme: string): string {
  return random.pick([
    `The ${theme} question`,
    `What ${place} wants`,
    `A fragile timetable`,
    `Pressure at home`,
    `Talks on ${theme}`,
    `The view from ${place}`,
    `What comes next`,
    `Old grievances`,
  ]);
}

/** A headline for a story's article. */
export function headline(random: Random, place: string, theme: string): string {
  return random.pick([
    `${place} and its neighbours clash over ${theme}`,
    `Talks on ${theme} with ${place} end without a deal`,
    `${place} signals a new approach to ${theme}`,
    `Inside the negotiations over ${theme} in ${place}`,
    `Why ${theme} divides ${place}`,
    `${place} leaders meet as the ${theme} dispute deepens`,
  ]);
}

/** The words of the slug part of an id: lowercase a-z0-9 with single hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
