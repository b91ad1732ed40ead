import { CYRILLIC_TO_LATIN } from "~/utils/slug";
import { stemRussian } from "./stemmer-ru";

/**
 * Text normalisation shared by both engines, the query parser and highlighting (pure; safe in the browser).
 *
 * - words: lower case, ё→е, NFKC; Russian words are stemmed with Snowball (`stemRussian`).
 * - codes (SKU/model codes such as «ТМГ-1000/10/0,4», «12Х18Н10Т», «KTP-630»): Cyrillic letters folded to one Latin
 *   spelling (look-alikes by shape — Т→t, Х→x, Н→h — others by transliteration — Г→g, Д→d), separators dropped, so
 *   «ТМГ-1000/10/0,4», «tmg 1000/10/0.4» and «TMG1000» share a key (`codeKey`) and parts (`codeParts`).
 */

export function foldYo(s: string): string {
  return s.replace(/ё/g, "е").replace(/Ё/g, "Е");
}

/** Lower case, ё→е, compatibility forms unified (e.g. full-width digits), soft hyphens and accents removed. */
export function normalizeText(s: string): string {
  return foldYo(
    s
      .normalize("NFKC")
      .replace(/\u00AD|\u0301/g, "")
      .toLowerCase(),
  );
}

/** Cyrillic → Latin in codes: the slugs' transliteration, with look-alikes folded by shape (В→b, Н→h, Р→p, С→c, Х→x). */
const CYR_TO_LAT: Record<string, string> = {
  ...CYRILLIC_TO_LATIN,
  в: "b",
  й: "i",
  н: "h",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  ц: "c",
  щ: "sch",
};
/** Latin letters whose Cyrillic look-alike is folded differently above (so both spellings meet). */
const LAT_FOLD: Record<string, string> = { n: "h", r: "p", u: "y", v: "b", s: "c", w: "b" };

/** «4х240», «4x240», «4*240» (Cyrillic/Latin x between digits) → «4×240»: a separator, like the sign itself. */
function foldTimes(s: string): string {
  return s.replace(/(\d)\s*[xх×*]\s*(?=\d)/gu, "$1×");
}

/** One spelling for a model code: «ТМГ-1000/10/0,4» → "tmg10001004", «12Х18Н10Т» → "12x18h10t". */
export function codeKey(token: string): string {
  let out = "";
  for (const ch of foldTimes(normalizeText(token))) {
    if (ch >= "0" && ch <= "9") out += ch;
    else if (ch >= "a" && ch <= "z") out += LAT_FOLD[ch] ?? ch;
    else if (CYR_TO_LAT[ch] !== undefined) out += CYR_TO_LAT[ch];
  }
  return out;
}

/** The parts of a code between separators (a decimal comma/point stays inside): «ТМГ-1000/10/0,4» → tmg 1000 10 04. */
export function codeParts(token: string): string[] {
  return foldTimes(normalizeText(token))
    .split(/[-/×*_\s]+/)
    .map(codeKey)
    .filter((p) => p.length > 0);
}

/** Tokens of a text; codes keep their inner separators («ТМГ-1000/10/0,4» is one token). Original case kept. */
export function tokenize(s: string): string[] {
  return s.normalize("NFKC").match(/[\p{L}\p{N}]+(?:[-/.,×*_][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A token that names a model, grade or standard: has a digit, or is an abbreviation in capitals (ТМГ, КТП, ПНД). */
export function isCodeToken(token: string): boolean {
  if (/\p{N}/u.test(token)) return true;
  const letters = token.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters.length <= 6 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

/** Code lexemes of a text for the index: key and parts of each code token. */
export function codeLexemes(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const token of tokenize(text)) {
      if (!isCodeToken(token)) continue;
      const key = codeKey(token);
      if (key) out.add(key);
      const parts = codeParts(token);
      let running = "";
      for (const part of parts) {
        out.add(part);
        running += part;
        out.add(running); // «ТМГ-1000» finds «ТМГ-1000/10/0,4» as a whole word too
        // letter and digit runs inside a part: «2КТПН-630» is found by «КТП 630»
        for (const run of part.match(/[a-z]{2,}|\d{2,}/g) ?? []) if (run !== part) out.add(run);
      }
    }
  }
  return [...out];
}

/** Plain words of a text (letters only, folded), e.g. for the vocabulary used by typo correction. */
export function words(s: string): string[] {
  return normalizeText(s).match(/\p{L}+/gu) ?? [];
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 20_000;

/** The stem of a folded word (Russian: Snowball; other scripts unchanged). Memoised: catalog words repeat a lot. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    s = stemRussian(word);
    stemCache.set(word, s);
  }
  return s;
}

/** A stemmed copy of a text (for the Meilisearch `stems` field): every word replaced by its stem. */
export function stemText(s: string): string {
  return words(s).map(stem).join(" ");
}

export interface QueryTerm {
  /** as typed */
  raw: string;
  /** letters-only folded words inside the term («тмг-1000» → ["тмг"]) */
  words: string[];
  /** stems of `words` */
  stems: string[];
  /** one spelling for a code, when the term can be one */
  codeKey: string;
  codeParts: string[];
  /** the term has a digit or inner separator: match it as a code */
  looksLikeCode: boolean;
  /** the last term of a query typed without a trailing space: match as a prefix */
  prefix: boolean;
}

export const MAX_QUERY_TERMS = 8;
export const MAX_QUERY_LENGTH = 200;

/** Prepositions and conjunctions a buyer adds («насос для отопления», «БТП на 12 Гкал/ч»): never required. */
const STOP_WORDS = new Set([
  "на",
  "для",
  "с",
  "со",
  "в",
  "во",
  "и",
  "по",
  "от",
  "до",
  "из",
  "под",
  "при",
  "к",
  "о",
  "об",
  "без",
  "или",
]);
/** Units written after a number: optional, like stop words (the number itself stays). */
const UNIT =
  /^(квт|ква|кв|мвт|вт|гкал\/ч|гкал|м3\/ч|м³\/ч|м3\/сут|м³\/сут|м3|м³|л\/с|об\/мин|мм|кг|т\/ч|атм|бар|мпа|ка|шт)$/u;

/**
 * Query tokens as the engines match them:
 * - a hyphenated compound of words («подметально-уборочная», «ППУ-изоляция») is its words, as a space would make it —
 *   codes («КВ-ГМ-1,0», «ТМГ-1000») stay whole;
 * - letters glued to a number in front of a unit («400кВт») are split from it;
 * - stop words and units are dropped, unless nothing else is left.
 */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const unitGlued = /^(\d+(?:[.,]\d+)?)(\p{L}+(?:\/\p{L}+)?)$/u.exec(token);
    if (unitGlued && UNIT.test(normalizeText(unitGlued[2]))) {
      out.push(unitGlued[1], unitGlued[2]);
      continue;
    }
    if (!/\p{N}/u.test(token) && /-/.test(token)) {
      const parts = token.split("-").filter(Boolean);
      if (parts.some((p) => p.length >= 3 && p !== p.toUpperCase())) {
        out.push(...parts);
        continue;
      }
    }
    out.push(token);
  }
  const kept = out.filter((t) => {
    const n = normalizeText(t);
    return !STOP_WORDS.has(n) && !UNIT.test(n);
  });
  return kept.length > 0 ? kept : out;
}

/** Splits a query into terms (at most MAX_QUERY_TERMS; extra are ignored). */
export function parseQuery(q: string, opts: { prefixLast?: boolean } = {}): QueryTerm[] {
  const text = q.slice(0, MAX_QUERY_LENGTH);
  const tokens = queryTokens(text).slice(0, MAX_QUERY_TERMS);
  const endsInWord = /[\p{L}\p{N}]$/u.test(text);
  return tokens.map((raw, i) => {
    const ws = words(raw);
    return {
      raw,
      words: ws,
      stems: ws.map(stem),
      codeKey: codeKey(raw),
      codeParts: codeParts(raw),
      looksLikeCode: /\p{N}/u.test(raw) || /[\p{L}\p{N}][-/.,×*_][\p{L}\p{N}]/u.test(raw),
      prefix: (opts.prefixLast ?? true) && i === tokens.length - 1 && endsInWord,
    };
  });
}

interface TokenAnalysis {
  words: string[];
  stems: string[];
  folded: string;
  code: { key: string; parts: string[] } | null;
}

const tokenCache = new Map<string, TokenAnalysis>();
const TOKEN_CACHE_MAX = 20_000;

/** Words, stems, folded form and code key of a text token; memoised (result cards repeat the catalog's words). */
function analyzeToken(token: string): TokenAnalysis {
  let a = tokenCache.get(token);
  if (a === undefined) {
    if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
    const ws = words(token);
    a = {
      words: ws,
      stems: ws.map(stem),
      folded: normalizeText(token),
      code: isCodeToken(token) ? { key: codeKey(token), parts: codeParts(token) } : null,
    };
    tokenCache.set(token, a);
  }
  return a;
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * Marks the words of `text` that a query matches: same stem, a word starting with a prefix term, or a code whose key
 * starts with a query code key. Returns segments, never HTML (render them as text with <mark>).
 */
export function highlight(text: string, terms: QueryTerm[]): HighlightSegment[] {
  if (!text) return [];
  if (terms.length === 0) return [{ text, match: false }];
  const stems = new Set<string>();
  const prefixes: string[] = [];
  const codes: string[] = [];
  for (const t of terms) {
    for (const s of t.stems) if (s.length >= 2) stems.add(s);
    if (t.prefix) for (const w of t.words) if (w.length >= 2) prefixes.push(w);
    if (t.codeKey.length >= 2) codes.push(t.codeKey);
    for (const p of t.codeParts) if (p.length >= 2 && /\d/.test(p)) codes.push(p);
  }
  const isHit = (token: string) => {
    const a = analyzeToken(token);
    for (let i = 0; i < a.words.length; i++) {
      if (stems.has(a.stems[i]) || prefixes.some((p) => a.words[i].startsWith(p))) return true;
    }
    const code = a.code;
    if (code && codes.some((c) => code.key.startsWith(c) || code.parts.includes(c))) return true;
    return prefixes.some((p) => a.folded.startsWith(p));
  };
  const segments: HighlightSegment[] = [];
  const re = /[\p{L}\p{N}]+(?:[-/.,×*_][\p{L}\p{N}]+)*/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const token = m[0];
    const start = m.index ?? 0;
    if (!isHit(token)) continue;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: token, match: true });
    last = start + token.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return mergeSegments(segments);
}

function mergeSegments(segments: HighlightSegment[]): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && prev.match === s.match) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** The same keys on a QWERTY and a ЙЦУКЕН keyboard (lower case; upper case is mapped through it). */
const QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбюё";
const TO_CYR = new Map([...QWERTY].map((ch, i) => [ch, JCUKEN[i]]));
const TO_LAT = new Map([...JCUKEN].map((ch, i) => [ch, QWERTY[i]]));

/**
 * A query typed in the wrong keyboard layout, retyped in the other one: `nhfycajhvfnjh` → «трансформатор»,
 * «ЕЬП» → "TMG". Only a query wholly in one layout is converted (digits, spaces and hyphens stay); null when the
 * query has letters of both alphabets or converts to itself.
 */
export function switchLayout(q: string): string | null {
  const text = q.slice(0, MAX_QUERY_LENGTH);
  const hasLat = /[a-z]/i.test(text);
  const hasCyr = /[а-яё]/i.test(text);
  if (hasLat === hasCyr) return null;
  const map = hasLat ? TO_CYR : TO_LAT;
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = map.get(lower);
    if (mapped === undefined) out += ch;
    else out += ch === lower ? mapped : mapped.toUpperCase();
  }
  // letters typed over the punctuation keys of the other layout («k.,jq» → «любой») are mapped; what is left must
  // be letters of the target alphabet only
  const target = hasLat ? /[a-z]/i : /[а-яё]/i;
  if (target.test(out.replace(/[^\p{L}]/gu, "")) === false && out !== text) {
    return out.trim() === "" ? null : out;
  }
  return null;
}

/**
 * How well a name answers a query: 2 = its first word is a query word (same stem, or starts with the last word typed),
 * 1 = a query word appears in it, not negated («без трансформатора» does not name a transformer), 0 = neither.
 */
export function nameMatcher(q: string): (name: string) => number {
  const stems = words(q).map(stem);
  const last = normalizeText(q).match(/\p{L}+$/u)?.[0];
  // stems meet up to a fleeting vowel («котел» / «котл» of «котлы»)
  const sameStem = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i === a.length && i === b.length ? true : i >= 3 && i >= Math.min(a.length, b.length) - 1;
  };
  const hits = (w: string) =>
    stems.some((s) => sameStem(s, stem(w))) || (last !== undefined && last.length >= 2 && w.startsWith(last));
  return (name: string) => {
    const ws = words(name);
    if (ws.length > 0 && hits(ws[0])) return 2;
    for (let i = 1; i < ws.length; i++) if (hits(ws[i]) && ws[i - 1] !== "без") return 1;
    return 0;
  };
}

/**
 * A title split into what it names and what it says the product lacks: «КТПН-630 проходная (без трансформатора)» →
 * named «КТПН-630 проходная», negated «без трансформатора». The engines index the negated words with the description,
 * not the title, so «трансформатор» ranks transformers before substations sold without one.
 */
export function splitNegated(title: string): { named: string; negated: string } {
  const negated: string[] = [];
  const named = title
    .replace(/\(?\s*(?<![\p{L}\p{N}])без\s+[\p{L}\p{N}-]+(?:\s+и\s+[\p{L}\p{N}-]+)?\s*\)?/giu, (m) => {
      negated.push(m.replace(/[()]/g, "").trim());
      return " ";
    })
    .replace(/\s+([,.;])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
  return { named, negated: negated.join("; ") };
}
