/**
 * The Snowball Russian stemmer (https://snowballstem.org/algorithms/russian/stemmer.html), written out here so both
 * search engines (and highlighting) reduce word forms the same way without a native dependency. Input must be lower
 * case with ё already folded to е; non-Cyrillic words are returned unchanged.
 */

const VOWELS = new Set(["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]);

const PERFECTIVE_GERUND_1 = ["вшись", "вши", "в"];
const PERFECTIVE_GERUND_2 = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"];
const ADJECTIVE = [
  "ими",
  "ыми",
  "его",
  "ого",
  "ему",
  "ому",
  "ее",
  "ие",
  "ые",
  "ое",
  "ей",
  "ий",
  "ый",
  "ой",
  "ем",
  "им",
  "ым",
  "ом",
  "их",
  "ых",
  "ую",
  "юю",
  "ая",
  "яя",
  "ою",
  "ею",
];
const PARTICIPLE_1 = ["ем", "нн", "вш", "ющ", "щ"];
const PARTICIPLE_2 = ["ивш", "ывш", "ующ"];
const REFLEXIVE = ["ся", "сь"];
const VERB_1 = ["ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н"];
const VERB_2 = [
  "ейте",
  "уйте",
  "ила",
  "ыла",
  "ена",
  "ите",
  "или",
  "ыли",
  "ило",
  "ыло",
  "ено",
  "ует",
  "уют",
  "ены",
  "ить",
  "ыть",
  "ишь",
  "ей",
  "уй",
  "ил",
  "ыл",
  "им",
  "ым",
  "ен",
  "ят",
  "ит",
  "ыт",
  "ую",
  "ю",
];
const NOUN = [
  "иями",
  "ями",
  "ами",
  "ией",
  "иям",
  "ием",
  "иях",
  "ев",
  "ов",
  "ие",
  "ье",
  "еи",
  "ии",
  "ей",
  "ой",
  "ий",
  "ям",
  "ем",
  "ам",
  "ом",
  "ах",
  "ях",
  "ию",
  "ью",
  "ия",
  "ья",
  "а",
  "е",
  "и",
  "й",
  "о",
  "у",
  "ы",
  "ь",
  "ю",
  "я",
];
const SUPERLATIVE = ["ейше", "ейш"];
const DERIVATIONAL = ["ость", "ост"];

const byLengthDesc = (a: string, b: string) => b.length - a.length;
for (const list of [
  PERFECTIVE_GERUND_1,
  PERFECTIVE_GERUND_2,
  ADJECTIVE,
  PARTICIPLE_1,
  PARTICIPLE_2,
  VERB_1,
  VERB_2,
  NOUN,
  SUPERLATIVE,
  DERIVATIONAL,
]) {
  list.sort(byLengthDesc);
}

function regions(word: string): { rv: number; r2: number } {
  let rv = word.length;
  for (let i = 0; i < word.length; i++) {
    if (VOWELS.has(word[i])) {
      rv = i + 1;
      break;
    }
  }
  const r1 = afterVowelConsonant(word, 0);
  const r2 = afterVowelConsonant(word, r1);
  return { rv, r2 };
}

/** The position after the first non-vowel that follows a vowel, searching from `start`. */
function afterVowelConsonant(word: string, start: number): number {
  for (let i = start + 1; i < word.length; i++) {
    if (!VOWELS.has(word[i]) && VOWELS.has(word[i - 1])) return i + 1;
  }
  return word.length;
}

/** Longest suffix of `list` inside the region starting at `from` (group 1 needs а/я before it, also in the region). */
function findSuffix(word: string, from: number, list: string[], afterAYa = false): string | undefined {
  for (const s of list) {
    if (!word.endsWith(s)) continue;
    const at = word.length - s.length;
    if (at < from) continue;
    if (afterAYa) {
      const prev = word[at - 1];
      if (at - 1 < from || (prev !== "а" && prev !== "я")) continue;
    }
    return s;
  }
  return undefined;
}

function removeGroup(word: string, from: number, group1: string[], group2: string[]): string | undefined {
  const s1 = findSuffix(word, from, group1, true);
  const s2 = findSuffix(word, from, group2);
  const s = s1 && (!s2 || s1.length >= s2.length) ? s1 : s2;
  return s === undefined ? undefined : word.slice(0, word.length - s.length);
}

export function stemRussian(input: string): string {
  // short words too, as Snowball (and PostgreSQL's russian_stem) does: «ая» → «а» (tests/integration/search/stemmer-parity)
  if (!/^[а-я]+$/.test(input)) return input;
  let word = input;
  const { rv, r2 } = regions(word);

  // Step 1
  const gerund = removeGroup(word, rv, PERFECTIVE_GERUND_1, PERFECTIVE_GERUND_2);
  if (gerund !== undefined) {
    word = gerund;
  } else {
    const reflexive = findSuffix(word, rv, REFLEXIVE);
    if (reflexive) word = word.slice(0, -reflexive.length);
    const adjective = findSuffix(word, rv, ADJECTIVE);
    if (adjective) {
      word = word.slice(0, -adjective.length);
      const participle = removeGroup(word, rv, PARTICIPLE_1, PARTICIPLE_2);
      if (participle !== undefined) word = participle;
    } else {
      const verb = removeGroup(word, rv, VERB_1, VERB_2);
      if (verb !== undefined) {
        word = verb;
      } else {
        const noun = findSuffix(word, rv, NOUN);
        if (noun) word = word.slice(0, -noun.length);
      }
    }
  }

  // Step 2
  if (word.endsWith("и") && word.length - 1 >= rv) word = word.slice(0, -1);

  // Step 3
  const derivational = findSuffix(word, r2, DERIVATIONAL);
  if (derivational) word = word.slice(0, -derivational.length);

  // Step 4
  if (word.endsWith("нн") && word.length - 1 >= rv) {
    word = word.slice(0, -1);
  } else {
    const superlative = findSuffix(word, rv, SUPERLATIVE);
    if (superlative) {
      word = word.slice(0, -superlative.length);
      if (word.endsWith("нн") && word.length - 1 >= rv) word = word.slice(0, -1);
    } else if (word.endsWith("ь") && word.length - 1 >= rv) {
      word = word.slice(0, -1);
    }
  }
  return word;
}
