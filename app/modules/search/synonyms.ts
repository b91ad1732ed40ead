import { normalizeText, stem, words } from "./text";

/**
 * The trade's abbreviations and their full names (both engines). Applied on the index side: a product whose title,
 * code, category or specs name an entry by its abbreviation, by one of its full names or by a trigger word gets every
 * spelling of the entry in its searchable category text (`aliasText`), so «РЗА» finds «Терминал защиты присоединения»,
 * «комплектная трансформаторная подстанция» finds «2КТПН-630», «предизолированная труба» finds pipes «в ППУ-изоляции».
 * Index-side expansion needs no OR inside queries (Meilisearch's matching is AND of words) and costs nothing per search.
 * A change here needs a reindex (`npm run search:reindex`).
 */
export interface SynonymEntry {
  /** abbreviations as written in the trade («ТМГ»; matched as whole words or code prefixes) */
  abbr: string[];
  /** full names and other spellings (matched when all their word stems occur) */
  full: string[];
  /** extra single words that mark a product as one of these (stems) */
  triggers?: string[];
}

export const SYNONYMS: SynonymEntry[] = [
  { abbr: ["ТМГ"], full: ["трансформатор масляный герметичный"] },
  { abbr: ["ТМ"], full: ["трансформатор масляный"] },
  { abbr: ["ТСЛ"], full: ["трансформатор сухой литой"] },
  {
    abbr: ["КТП", "КТПН", "КТПМ", "БКТП", "2БКТП", "2КТПН", "БМКТП"],
    full: ["комплектная трансформаторная подстанция"],
  },
  { abbr: ["БКТП"], full: ["блочная комплектная трансформаторная подстанция", "подстанция в бетонной оболочке"] },
  { abbr: ["КТПН"], full: ["комплектная трансформаторная подстанция наружной установки"] },
  { abbr: ["КТПМ"], full: ["мачтовая трансформаторная подстанция"] },
  { abbr: ["ИТП"], full: ["индивидуальный тепловой пункт"] },
  { abbr: ["БТП"], full: ["блочный тепловой пункт"] },
  { abbr: ["ЦТП"], full: ["центральный тепловой пункт"], triggers: [] },
  { abbr: ["КНС"], full: ["канализационная насосная станция"] },
  { abbr: ["ППУ"], full: ["пенополиуретан", "пенополиуретановая изоляция", "предизолированная труба"] },
  { abbr: ["ПНД"], full: ["полиэтилен низкого давления"] },
  {
    abbr: ["РЗА"],
    full: ["релейная защита и автоматика", "релейная защита"],
    triggers: ["терминал защиты", "шкаф защиты", "дуговой защиты", "автоматики АВР"],
  },
  { abbr: ["АВР"], full: ["автоматический ввод резерва"] },
  { abbr: ["КСО"], full: ["камера сборная одностороннего обслуживания"] },
  { abbr: ["КРУ", "КРУН"], full: ["комплектное распределительное устройство"] },
  { abbr: ["КРУН"], full: ["комплектное распределительное устройство наружной установки"] },
  { abbr: ["ОПН"], full: ["ограничитель перенапряжений нелинейный", "ограничитель перенапряжения"] },
  { abbr: ["ВЛ", "ВЛИ", "ЛЭП"], full: ["воздушная линия электропередачи", "воздушная линия"] },
  { abbr: ["КЛ"], full: ["кабельная линия"], triggers: ["кабель силовой"] },
  { abbr: ["СИП"], full: ["самонесущий изолированный провод"] },
  { abbr: ["АСУ ТП"], full: ["автоматизированная система управления технологическим процессом"] },
  { abbr: ["ГЭС", "МГЭС"], full: ["гидроэлектростанция", "малая ГЭС"] },
  { abbr: ["КДМ"], full: ["комбинированная дорожная машина"] },
  { abbr: ["ЛОС"], full: ["локальные очистные сооружения"] },
  { abbr: ["БОС"], full: ["биологические очистные сооружения"] },
  { abbr: ["МНУ"], full: ["маслонапорная установка"] },
  { abbr: ["ВДН"], full: ["вентилятор дутьевой"] },
  { abbr: ["ДН"], full: ["дымосос"] },
  { abbr: ["КВ-ГМ"], full: ["котел водогрейный газомазутный"] },
  { abbr: ["ГВС"], full: ["горячее водоснабжение"] },
  { abbr: ["Ду", "DN"], full: ["диаметр условный", "условный проход"] },
  { abbr: ["Ру", "PN"], full: ["давление условное"] },
];

const stemsOf = (s: string) => words(s).map(stem);

interface Compiled {
  abbr: string[];
  fullStems: string[][];
  text: string;
}
let compiled: Compiled[] | undefined;

function compile(): Compiled[] {
  compiled ??= SYNONYMS.map((e) => ({
    abbr: e.abbr.map((a) => normalizeText(a)),
    fullStems: [...e.full, ...(e.triggers ?? [])].map(stemsOf),
    text: [...e.abbr, ...e.full].join(" "),
  }));
  return compiled;
}

/** Every spelling of the entries a product text names (empty when none): appended to the indexed category text. */
export function aliasText(text: string): string {
  const folded = normalizeText(text);
  const tokens = new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const stems = new Set(stemsOf(text));
  const out: string[] = [];
  for (const e of compile()) {
    const byAbbr = e.abbr.some((a) => {
      if (/[^\p{L}\p{N}]/u.test(a)) return folded.includes(a); // «асу тп», «кв-гм»
      if (tokens.has(a)) return true;
      // a code starting with the abbreviation: «2КТПН-630», «КТП-160/10» («ТМ» does not take «ТМГ»)
      return [...tokens].some((t) => {
        const bare = t.replace(/^\d+/, "");
        return bare.startsWith(a) && (bare.length === a.length || /^\d/.test(bare.slice(a.length)));
      });
    });
    const byName = e.fullStems.some((f) => f.length > 0 && f.every((s) => stems.has(s)));
    if (byAbbr || byName) out.push(e.text);
  }
  return out.join(" ");
}
