import { z } from 'zod';

/** One piece of a regular expression, as far as backtracking is concerned. */
type Piece =
  | { kind: 'set'; source: string; quantifier?: Quantifier }
  | { kind: 'group'; source: string; alternatives: Piece[][]; quantifier?: Quantifier }
  | { kind: 'other'; quantifier?: Quantifier };

/** How often a piece may repeat. */
interface Quantifier {
  min: number;
  max: number;
}

/**
 * Characters tried when deciding whether two character sets overlap: ASCII, Latin, general punctuation
 * (curly quotes, dashes), spaces and a few letters beyond; enough for the sets a furniture rule uses.
 */
const SAMPLE: readonly string[] = [
  ...Array.from({ length: 0x250 }, (_, code) => String.fromCodePoint(code)),
  ...Array.from({ length: 0x70 }, (_, code) => String.fromCodePoint(0x2000 + code)),
  '\u3000',
  '\ufeff',
  '中',
  'Ω',
  '😀',
];

/** Reads a regular expression's source (u flag) into pieces; throws on what it does not understand. */
function parsePattern(source: string): Piece[][] {
  let at = 0;
  const alternatives = (): Piece[][] => {
    const alts: Piece[][] = [[]];
    while (at < source.length && source[at] !== ')') {
      if (source[at] === '|') {
        at += 1;
        alts.push([]);
        continue;
      }
      const piece = atom();
      const quantifier = readQuantifier();
      if (quantifier) piece.quantifier = quantifier;
      alts.at(-1)?.push(piece);
    }
    return alts;
  };
  const atom = (): Piece => {
    const start = at;
    const char = source[at] ?? '';
    if (char === '(') {
      const prefix = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(at))?.[0] ?? '(';
      at += prefix.length;
      const inner = alternatives();
      at += 1; // ")"
      const lookaround = /^\(\?(?:=|!|<=|<!)/.test(prefix);
      return lookaround ? { kind: 'other' } : { kind: 'group', source: source.slice(start, at), alternatives: inner };
    }
    if (char === '[') {
      at += 1;
      while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
      at += 1;
      return { kind: 'set', source: source.slice(start, at) };
    }
    if (char === '\\') {
      const next = source[at + 1] ?? '';
      const escape =
        /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|[1-9]\d*|.)/su.exec(
          source.slice(at),
        )?.[0];
      at += escape?.length ?? 2;
      if (/[bB1-9k]/.test(next)) return { kind: 'other' };
      return { kind: 'set', source: escape ?? `\\${next}` };
    }
    if (char === '^' || char === '$') {
      at += 1;
      return { kind: 'other' };
    }
    const code = source.codePointAt(at) ?? 0;
    at += code > 0xffff ? 2 : 1;
    return { kind: 'set', source: source.slice(start, at) };
  };
  const readQuantifier = (): Quantifier | undefined => {
    const found = /^(?:\*|\+|\?|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(at));
    if (!found) return undefined;
    at += found[0].length;
    const sign = found[0][0];
    if (sign === '*') return { min: 0, max: Infinity };
    if (sign === '+') return { min: 1, max: Infinity };
    if (sign === '?') return { min: 0, max: 1 };
    const min = Number(found[1]);
    return { min, max: found[2] === undefined ? min : found[3] === '' ? Infinity : Number(found[3]) };
  };
  const result = alternatives();
  if (at < source.length) throw new Error('unbalanced parenthesis');
  return result;
}

/** The character sets that may repeat a varying number of times inside `pieces`. */
function varyingSets(pieces: readonly Piece[], repeated = false): string[] {
  return pieces.flatMap((piece) => {
    const varies = repeated || (piece.quantifier !== undefined && piece.quantifier.max > piece.quantifier.min);
    if (piece.kind === 'set') return varies ? [piece.source] : [];
    if (piece.kind === 'group') return piece.alternatives.flatMap((alternative) => varyingSets(alternative, varies));
    return [];
  });
}

/** True when no sampled character matches both sets. */
function disjoint(a: string, b: string): boolean {
  const left = new RegExp(`^(?:${a})$`, 'u');
  const right = new RegExp(`^(?:${b})$`, 'u');
  return !SAMPLE.some((char) => left.test(char) && right.test(char));
}

/**
 * The first group of `source` that repeats something itself repeated, so that a line can be split among
 * the repetitions in exponentially many ways (`(a+)+`, `(?:.*,)+`): undefined when there is none. A
 * repeated group whose every repetition must pass a character its repeated parts cannot match (a
 * separator, as `\s` in `(?:\w+\s)+`) is safe: the separators fix the split.
 */
export function nestedQuantifier(source: string): string | undefined {
  const visit = (pieces: readonly Piece[]): string | undefined => {
    for (const piece of pieces) {
      if (piece.kind !== 'group') continue;
      for (const alternative of piece.alternatives) {
        const inner = visit(alternative);
        if (inner !== undefined) return inner;
      }
      if (piece.quantifier === undefined || piece.quantifier.max <= 1) continue;
      const varying = varyingSets(piece.alternatives.flat());
      if (varying.length === 0) continue;
      const [only, ...others] = piece.alternatives;
      const separated =
        only !== undefined &&
        others.length === 0 &&
        only.some(
          (separator) =>
            separator.kind === 'set' &&
            (separator.quantifier === undefined || separator.quantifier.min >= 1) &&
            varying.every((set) => disjoint(separator.source, set)),
        );
      if (!separated) return `${piece.source}${quantifierText(piece.quantifier)}`;
    }
    return undefined;
  };
  return parsePattern(source)
    .map(visit)
    .find((found) => found !== undefined);
}

function quantifierText({ min, max }: Quantifier): string {
  if (min === 0 && max === Infinity) return '*';
  if (min === 1 && max === Infinity) return '+';
  return max === Infinity ? `{${min},}` : min === max ? `{${min}}` : `{${min},${max}}`;
}

/**
 * A JavaScript regular expression, written as a string: it must compile (with the u flag), and it may
 * not nest quantifiers (`^(a+)+b$`), which make one line of a capture take seconds or hours to match.
 */
export const PatternSchema = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'expected a JavaScript regular expression that compiles (with the u flag)',
    });
    return;
  }
  const nested = nestedQuantifier(source);
  if (nested !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `the group ${JSON.stringify(nested)} repeats what is itself repeated (nested quantifiers), which can take exponential time on a line that almost matches; end each repetition with a character its repeated part cannot match, as in "(?:\\w+\\s)+", or remove the outer quantifier`,
    });
  }
});
