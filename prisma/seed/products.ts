/**
 * Deterministic product generator for the demo catalog and benchmarks.
 *
 * Every product is a pure function of (seed, index): a seeded PRNG (mulberry32 over a hash of seed and index) drives
 * the choice of category, supplier, model and options, so any slice of a huge catalog can be regenerated or streamed
 * without holding it in memory. No Math.random, no Date.now.
 */
import { slugify as toSlug } from "../../app/utils/slug";
import { CATEGORIES, type CategorySeed, type SectorCode, type Specs } from "./categories";
import { SUPPLIERS, type SupplierSeed } from "./suppliers";

export type VatRateCode = "VAT22" | "VAT20" | "VAT10" | "VAT7" | "VAT5" | "VAT0" | "NO_VAT";
export type StockStatusCode = "IN_STOCK" | "TO_ORDER" | "OUT_OF_STOCK";
export type ProductStatusCode = "DRAFT" | "PUBLISHED" | "ARCHIVED";
export type CertificateKindCode = "TR_TS" | "TR_EAEU" | "GOST_R" | "OTHER";
/** ОКЕИ short codes */
export type UnitCode = "pcs" | "m" | "km" | "set" | "t" | "kg" | "m3";

export interface CertificateSeed {
  id: string;
  kind: CertificateKindCode;
  number: string;
  issuedAt: Date;
  expiresAt: Date | null;
}

export interface ProductSeed {
  /** deterministic cuid-compatible id (25 chars, starts with «c») */
  id: string;
  supplierSlug: string;
  categorySlug: string;
  sector: SectorCode;
  slug: string;
  sku: string;
  title: string;
  manufacturer: string;
  description: string;
  specs: Specs;
  /** net price in kopecks; null = «цена по запросу» */
  priceKopecks: bigint | null;
  vatRate: VatRateCode;
  unit: UnitCode;
  minOrderQty: number;
  leadTimeDays: number | null;
  stockStatus: StockStatusCode;
  status: ProductStatusCode;
  publishedAt: Date | null;
  certificates: CertificateSeed[];
}

export interface GenerateProductsOptions {
  count: number;
  seed?: number;
  /** index of the first product (for appending to a catalog generated with the same seed) */
  offset?: number;
  suppliers?: readonly SupplierSeed[];
  categories?: readonly CategorySeed[];
}

export const DEFAULT_PRODUCT_SEED = 2026;
/** All dates are relative to this moment, so the output never depends on the clock. */
export const REFERENCE_DATE = new Date(Date.UTC(2026, 10, 1, 9, 0, 0));

// ─── PRNG ─────────────────────────────────────────────────────────────────

function mix32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) return items[i];
    }
    return items[items.length - 1];
  }
}

// ─── formatting helpers ───────────────────────────────────────────────────

/** Russian decimal notation without grouping: 1.16 → «1,16». */
export function ru(n: number): string {
  return String(n).replace(".", ",");
}

/** Russian grouping for big numbers: 15000 → «15 000». */
function grp(n: number): string {
  const [int, frac] = String(n).split(".");
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return frac ? `${g},${frac}` : g;
}

/** Russian plural form for a count: plural(24, "канал", "канала", "каналов") → «канала». */
export function plural(n: number, one: string, few: string, many: string): string {
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return one;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
  return many;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

const STD_MOTORS_KW = [
  0.37, 0.55, 0.75, 1.1, 1.5, 2.2, 3, 4, 5.5, 7.5, 11, 15, 18.5, 22, 30, 37, 45, 55, 75, 90, 110, 132, 160, 200, 250,
  315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150,
];
function stdMotor(kw: number): number {
  for (const m of STD_MOTORS_KW) if (m >= kw) return m;
  return STD_MOTORS_KW[STD_MOTORS_KW.length - 1];
}

/** Latin URL slug from Russian text: «Трансформатор ТМГ-1000/10/0,4» → «transformator-tmg-1000-10-0-4». */
export function slugify(text: string, maxLength = 80): string {
  return toSlug(text, {
    scheme: "simple",
    extra: { "×": "x" },
    decompose: "none",
    maxLength,
    cut: "word",
    fallback: "",
  });
}

// ─── category templates ───────────────────────────────────────────────────

interface Variant {
  title: string;
  /** model / type designation — the base of the SKU */
  model: string;
  specs: Specs;
  /** list price in roubles per unit before the supplier's factor; null = always on request */
  priceRub: number | null;
  unit?: UnitCode;
  minOrderQty?: number;
  /** first description sentence */
  about: string;
  /** second description sentence (specs in words) */
  details: string;
}

interface Template {
  /** share of products of this category in the catalog (relative) */
  weight: number;
  /** lead time range (days) when made to order */
  lead: [number, number];
  /** probability of IN_STOCK for this category */
  inStock: number;
  /** extra probability of «цена по запросу» */
  onRequest: number;
  /** warranty, months */
  warranty: number;
  /** certificate regulations (for descriptions / numbers) */
  certs: CertificateKindCode[];
  /** third-party makers for distributors */
  makers: string[];
  make(r: Rng): Variant;
}

const FUEL_RU: Record<string, string> = {
  gas: "газовый",
  gas_oil: "газомазутный",
  gas_diesel: "газодизельный",
  coal: "твердотопливный (уголь)",
  biomass: "на древесном топливе",
};

const CHASSIS_OF: Record<string, string> = {
  КАМАЗ: "kamaz",
  МАЗ: "maz",
  ГАЗ: "gaz",
  Урал: "ural",
};
function chassisCode(model: string): string {
  return CHASSIS_OF[model.split("-")[0]] ?? "kamaz";
}

const TEMPLATES: Record<string, Template> = {
  "kotly-vodogreynye": {
    weight: 1.2,
    lead: [45, 120],
    inStock: 0.1,
    onRequest: 0.05,
    warranty: 24,
    certs: ["TR_EAEU", "TR_TS"],
    makers: ["Ладожский котлостроительный завод", "Завод «Теплоагрегат-Север»", "Невский котельный завод"],
    make(r) {
      const models: [string, number, string, number, string][] = [
        ["КВ-Г-0,5-95", 0.5, "gas", 95, "firetube"],
        ["КВ-Г-1,0-95", 1.0, "gas", 95, "firetube"],
        ["КВ-ГМ-1,16-115", 1.16, "gas_oil", 115, "firetube"],
        ["КВ-ГМ-2,0-115", 2.0, "gas_oil", 115, "firetube"],
        ["КВ-ГМ-3,0-115", 3.0, "gas_oil", 115, "firetube"],
        ["КВ-ГМ-4,65-150", 4.65, "gas_oil", 150, "watertube"],
        ["КВ-ГМ-7,56-150", 7.56, "gas_oil", 150, "watertube"],
        ["КВ-ГМ-11,63-150", 11.63, "gas_oil", 150, "watertube"],
        ["КВ-ГМ-23,26-150", 23.26, "gas_oil", 150, "watertube"],
        ["КВ-ГМ-35-150", 35, "gas_oil", 150, "watertube"],
        ["КВ-ГД-2,5-115", 2.5, "gas_diesel", 115, "firetube"],
        ["КВр-0,8К", 0.8, "coal", 95, "watertube"],
        ["КВр-1,16К", 1.16, "coal", 95, "watertube"],
        ["КВм-2,0Д", 2.0, "biomass", 95, "watertube"],
      ];
      const [code, mw, fuel, t, design] = r.pick(models);
      const solid = fuel === "coal" || fuel === "biomass";
      const eff = solid ? r.int(80, 86) : r1(r.float(91.5, 94.5));
      const pressure = t === 95 ? 0.6 : t === 115 ? 1.0 : 1.6;
      const weight = r1(1.2 + mw * (design === "watertube" ? 2.6 : 2.1));
      return {
        title: `Котёл водогрейный ${FUEL_RU[fuel]} ${code}`,
        model: code,
        specs: {
          heat_output_mw: mw,
          fuel,
          efficiency_pct: eff,
          working_pressure_mpa: pressure,
          outlet_temp_c: t,
          design,
          weight_t: weight,
        },
        priceRub: (900_000 + mw * 1_550_000) * (solid ? 1.3 : 1),
        about: `Водогрейный ${design === "firetube" ? "жаротрубный" : "водотрубный"} котёл теплопроизводительностью ${ru(mw)} МВт для отопительных и производственных котельных.`,
        details: `КПД ${ru(eff)} %, температура воды на выходе до ${t} °C, рабочее давление ${ru(pressure)} МПа, масса ${ru(weight)} т.`,
      };
    },
  },
  "kotly-parovye": {
    weight: 1,
    lead: [60, 150],
    inStock: 0.05,
    onRequest: 0.08,
    warranty: 24,
    certs: ["TR_EAEU", "TR_TS"],
    makers: ["Ладожский котлостроительный завод", "Невский котельный завод", "Завод «Теплоагрегат-Север»"],
    make(r) {
      const models: [string, number, number, number, string][] = [
        ["Е-1,0-0,9Г", 1, 0.9, 179, "gas"],
        ["Е-1,6-0,9ГМ", 1.6, 0.9, 179, "gas_oil"],
        ["ДЕ-4-14ГМ", 4, 1.3, 194, "gas_oil"],
        ["ДЕ-6,5-14ГМ", 6.5, 1.3, 194, "gas_oil"],
        ["ДЕ-10-14ГМ", 10, 1.3, 194, "gas_oil"],
        ["ДЕ-16-14ГМ", 16, 1.3, 194, "gas_oil"],
        ["ДЕ-25-14ГМ", 25, 1.3, 194, "gas_oil"],
        ["ДЕ-10-24-250ГМ", 10, 2.4, 250, "gas_oil"],
        ["ДЕ-25-24-380ГМ", 25, 2.4, 380, "gas_oil"],
        ["КЕ-10-14С", 10, 1.3, 194, "coal"],
        ["ДКВр-6,5-13", 6.5, 1.3, 194, "coal"],
      ];
      const [code, th, p, t, fuel] = r.pick(models);
      const superheated = t > 200;
      const eff = fuel === "coal" ? r.int(80, 84) : r1(r.float(90.5, 93));
      return {
        title: `Котёл паровой ${code}${fuel === "coal" ? " на твёрдом топливе" : ""}`,
        model: code,
        specs: {
          steam_output_th: th,
          steam_pressure_mpa: p,
          steam_temp_c: t,
          fuel,
          efficiency_pct: eff,
          steam_type: superheated ? "superheated" : "saturated",
        },
        priceRub: (1_200_000 + th * 1_100_000) * (superheated ? 1.3 : 1) * (fuel === "coal" ? 1.2 : 1),
        about: `Паровой котёл паропроизводительностью ${ru(th)} т/ч для производственных и отопительно-производственных котельных.`,
        details: `${superheated ? "Перегретый" : "Насыщенный"} пар давлением ${ru(p)} МПа и температурой ${t} °C, КПД ${ru(eff)} %; поставляется блоком или россыпью с обмуровкой.`,
      };
    },
  },
  gorelki: {
    weight: 1,
    lead: [14, 45],
    inStock: 0.35,
    onRequest: 0.02,
    warranty: 18,
    certs: ["TR_EAEU"],
    makers: ["Завод «Горелочные системы»", "Балтэнергомаш", "Невский котельный завод"],
    make(r) {
      const kind = r.int(0, 4);
      let title: string;
      let model: string;
      let kw: number;
      let fuel: string;
      if (kind === 0) {
        const mw = r.pick([0.2, 0.35, 0.6, 1.2, 2.0, 3.5, 5.0]);
        model = `ГБГ-${ru(mw)}`;
        title = `Горелка газовая блочная ${model}`;
        kw = mw * 1000;
        fuel = "gas";
      } else if (kind === 1) {
        const n = r.pick([1.5, 2, 4, 5]);
        model = `ГМГ-${ru(n)}м`;
        title = `Горелка газомазутная ${model}`;
        kw = Math.round(n * 1160);
        fuel = "gas_oil";
      } else if (kind === 2) {
        const n = r.pick([1, 2, 4, 6, 10, 20, 30]);
        model = `РГМГ-${n}`;
        title = `Горелка ротационная газомазутная ${model}`;
        kw = Math.round(n * 1160);
        fuel = "gas_oil";
      } else if (kind === 3) {
        kw = r.pick([120, 250, 410, 700, 1200]);
        model = `ДГ-${kw}`;
        title = `Горелка дизельная ${model}`;
        fuel = "diesel";
      } else {
        kw = r.pick([350, 800, 1600, 2500, 4000]);
        model = `КГД-${kw}`;
        title = `Горелка комбинированная газ/дизель ${model}`;
        fuel = "gas_diesel";
      }
      const regulation =
        kw < 300 ? r.pick(["one_stage", "two_stage"]) : r.pick(["two_stage", "modulating", "modulating"]);
      const specs: Specs = { power_kw: kw, fuel, regulation, leak_test: kw >= 1200 || r.chance(0.4) };
      if (fuel !== "diesel") specs.gas_pressure_kpa = kw < 500 ? r.pick([2, 3, 5]) : r.pick([15, 20, 30, 50]);
      const regRu: Record<string, string> = {
        one_stage: "одноступенчатым",
        two_stage: "двухступенчатым",
        modulating: "плавным модуляционным",
      };
      return {
        title,
        model,
        specs,
        priceRub: (150_000 + kw * 180) * (regulation === "modulating" ? 1.25 : 1),
        about: `Автоматическая горелка тепловой мощностью ${grp(kw)} кВт для водогрейных и паровых котлов.`,
        details: `Исполнение с ${regRu[regulation]} регулированием мощности, автоматикой безопасности и контролем пламени${specs.leak_test ? ", блоком контроля герметичности клапанов" : ""}.`,
      };
    },
  },
  teploobmenniki: {
    weight: 1.5,
    lead: [7, 30],
    inStock: 0.45,
    onRequest: 0.01,
    warranty: 24,
    certs: ["TR_EAEU", "GOST_R"],
    makers: ["Охтинский завод теплообменников", "Завод «Теплообмен-Нева»", "ПетроТермоСтрой"],
    make(r) {
      const type = r.weighted(["plate", "brazed", "shell_tube"], [5, 3, 2]);
      const application = r.weighted(["heating", "dhw", "ventilation", "process"], [4, 4, 1, 1]);
      const appRu: Record<string, string> = {
        heating: "систем отопления",
        dhw: "систем горячего водоснабжения",
        ventilation: "систем вентиляции",
        process: "технологических процессов",
      };
      if (type === "plate") {
        const [size, plateArea, minKw, maxKw] = r.pick([
          ["04", 0.04, 20, 150],
          ["08", 0.08, 50, 500],
          ["14", 0.14, 150, 1200],
          ["20", 0.2, 400, 3000],
          ["32", 0.32, 1000, 7000],
          ["42", 0.42, 2500, 15000],
        ] as [string, number, number, number][]);
        const kw = Math.round(r.float(minKw, maxKw) / 10) * 10;
        const plates = Math.max(9, Math.round(kw / (maxKw / 80)) | 1);
        const area = r2(plates * plateArea);
        const p = r.pick([1.0, 1.6, 2.5]);
        const model = `НТП ${size}-${plates}`;
        return {
          title: `Теплообменник пластинчатый разборный ${model}, ${grp(kw)} кВт`,
          model,
          specs: {
            type,
            thermal_power_kw: kw,
            area_m2: area,
            max_pressure_mpa: p,
            max_temp_c: p >= 1.6 ? 180 : 150,
            application,
          },
          priceRub: 40_000 + kw * 35 + area * 2500,
          about: `Пластинчатый разборный теплообменник для ${appRu[application]} тепловой мощностью ${grp(kw)} кВт.`,
          details: `Пакет из ${plates} пластин AISI 316 с уплотнениями EPDM, площадь теплообмена ${ru(area)} м², рабочее давление до ${ru(p)} МПа.`,
        };
      }
      if (type === "brazed") {
        const [size, plateArea, minKw, maxKw] = r.pick([
          ["14", 0.014, 5, 60],
          ["26", 0.026, 20, 150],
          ["52", 0.052, 50, 400],
          ["95", 0.095, 150, 900],
        ] as [string, number, number, number][]);
        const kw = Math.round(r.float(minKw, maxKw));
        const plates = Math.max(10, Math.round(kw / (maxKw / 100)));
        const area = r2(plates * plateArea);
        const model = `НТБ-${size}-${plates}`;
        return {
          title: `Теплообменник паяный ${model}, ${grp(kw)} кВт`,
          model,
          specs: { type, thermal_power_kw: kw, area_m2: area, max_pressure_mpa: 3, max_temp_c: 180, application },
          priceRub: 9_000 + kw * 60,
          about: `Паяный пластинчатый теплообменник для ${appRu[application]} мощностью ${grp(kw)} кВт.`,
          details: `${plates} пластин из нержавеющей стали, пайка медью, площадь теплообмена ${ru(area)} м², давление до 3 МПа.`,
        };
      }
      const [n, d] = r.pick([
        ["01", 57],
        ["02", 76],
        ["03", 89],
        ["04", 114],
        ["05", 168],
        ["06", 219],
        ["07", 273],
        ["08", 325],
        ["09", 377],
        ["10", 426],
        ["11", 530],
      ] as [string, number][]);
      const len = r.pick([2000, 4000]);
      const area = r2((d / 57) ** 2 * 0.37 * (len / 2000));
      const kw = Math.round(area * 35);
      const model = `ВВП ${n}-${d}-${len}`;
      const p = r.pick([1.0, 1.6]);
      return {
        title: `Подогреватель водоводяной кожухотрубный ${model}`,
        model,
        specs: {
          type,
          thermal_power_kw: Math.max(5, kw),
          area_m2: area,
          max_pressure_mpa: p,
          max_temp_c: 150,
          application: application === "ventilation" ? "heating" : application,
        },
        priceRub: 25_000 + area * 18_000,
        about: `Кожухотрубный водоводяной подогреватель по ГОСТ 27590 с корпусом Ø${d} мм и длиной секции ${len} мм.`,
        details: `Площадь поверхности нагрева ${ru(area)} м², латунные трубки, рабочее давление ${ru(p)} МПа.`,
      };
    },
  },
  "nasosy-setevye": {
    weight: 1.5,
    lead: [20, 90],
    inStock: 0.3,
    onRequest: 0.03,
    warranty: 18,
    certs: ["TR_EAEU", "TR_TS"],
    makers: ["Колпинский насосный завод", "Ливенский завод «Гидромаш-Центр»", "Завод «Насосэнергомаш-Север»"],
    make(r) {
      const models: [string, string, number, number, number][] = [
        ["network", "СЭ 160-50", 160, 50, 3000],
        ["network", "СЭ 250-50", 250, 50, 3000],
        ["network", "СЭ 500-70", 500, 70, 3000],
        ["network", "СЭ 800-55", 800, 55, 3000],
        ["network", "СЭ 800-100", 800, 100, 3000],
        ["network", "СЭ 1250-70", 1250, 70, 3000],
        ["network", "СЭ 1250-140", 1250, 140, 3000],
        ["network", "СЭ 2500-60", 2500, 60, 3000],
        ["network", "СЭ 2500-180", 2500, 180, 3000],
        ["network", "СЭ 5000-70", 5000, 70, 1500],
        ["double_suction", "1Д 200-90", 200, 90, 3000],
        ["double_suction", "1Д 315-50", 315, 50, 3000],
        ["double_suction", "1Д 500-63", 500, 63, 1500],
        ["double_suction", "1Д 630-90", 630, 90, 1500],
        ["double_suction", "1Д 800-56", 800, 56, 1500],
        ["double_suction", "1Д 1250-63", 1250, 63, 1500],
        ["double_suction", "1Д 1600-90", 1600, 90, 1500],
        ["end_suction", "К 50-32-125", 12.5, 20, 3000],
        ["end_suction", "К 65-50-160", 25, 32, 3000],
        ["end_suction", "К 80-65-160", 50, 32, 3000],
        ["end_suction", "К 80-50-200", 50, 50, 3000],
        ["end_suction", "К 100-80-160", 100, 32, 3000],
        ["end_suction", "К 100-65-200", 100, 50, 3000],
        ["end_suction", "К 150-125-315", 200, 32, 1500],
        ["end_suction", "К 200-150-315", 315, 32, 1500],
        ["inline", "НЦИ 50-160", 25, 28, 3000],
        ["inline", "НЦИ 80-200", 60, 45, 3000],
        ["inline", "НЦИ 100-250", 120, 60, 3000],
        ["inline", "НЦИ 150-315", 250, 40, 1500],
      ];
      const [type, code, q, h, rpm] = r.pick(models);
      const kw = stdMotor(((q * h * 9.81) / 3600 / 0.75) * 1.12);
      const tmax = type === "network" ? 180 : type === "inline" ? 120 : type === "end_suction" ? 105 : 85;
      const word: Record<string, string> = {
        network: "Насос сетевой",
        double_suction: "Насос центробежный двустороннего входа",
        end_suction: "Насос консольный",
        inline: "Насос циркуляционный ин-лайн",
      };
      return {
        title: `${word[type]} ${code} с электродвигателем ${ru(kw)} кВт`,
        model: code,
        specs: { flow_m3h: q, head_m: h, motor_power_kw: kw, speed_rpm: rpm, max_temp_c: tmax, pump_type: type },
        priceRub: 35_000 + kw * 9_000,
        about: `${word[type]} для перекачивания горячей воды в тепловых сетях и котельных, температура до ${tmax} °C.`,
        details: `Подача ${grp(q)} м³/ч при напоре ${h} м, электродвигатель ${ru(kw)} кВт, ${rpm} об/мин; агрегат на общей раме.`,
      };
    },
  },
  "itp-btp": {
    weight: 1,
    lead: [30, 75],
    inStock: 0.02,
    onRequest: 0.1,
    warranty: 24,
    certs: ["TR_EAEU"],
    makers: ["ПетроТермоСтрой", "Завод «Теплопункт-СЗ»"],
    make(r) {
      const g = r.pick([0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 12]);
      const scheme = r.chance(0.75) ? "independent" : "dependent";
      const circuits = r.int(1, 3);
      const container = g > 2 ? r.chance(0.7) : r.chance(0.25);
      const dispatching = r.chance(0.6);
      const code = `${container ? "БТП" : "ИТП"}-${ru(g)}-${scheme === "independent" ? "Н" : "З"}${circuits}`;
      const circuitsRu = ["отопление", "отопление + ГВС", "отопление + ГВС + вентиляция"][circuits - 1];
      return {
        title: container
          ? `Блочный тепловой пункт ${code} в контейнере, ${ru(g)} Гкал/ч (${circuitsRu})`
          : `Индивидуальный тепловой пункт ${code}, ${ru(g)} Гкал/ч (${circuitsRu})`,
        model: code,
        specs: {
          heat_load_gcalh: g,
          scheme,
          circuits,
          execution: container ? "container" : "frame",
          dispatching,
        },
        priceRub: 900_000 + g * 1_900_000 + (container ? 1_200_000 : 0) + (dispatching ? 350_000 : 0),
        about: `${container ? "Блочный тепловой пункт в утеплённом контейнере" : "Индивидуальный тепловой пункт на раме"} заводской готовности на нагрузку ${ru(g)} Гкал/ч.`,
        details: `${scheme === "independent" ? "Независимая" : "Зависимая"} схема присоединения, контуры: ${circuitsRu}; узел учёта тепла, погодозависимое регулирование${dispatching ? ", диспетчеризация по GSM/Ethernet" : ""}.`,
      };
    },
  },
  "truby-ppu": {
    weight: 1.5,
    lead: [5, 25],
    inStock: 0.6,
    onRequest: 0.01,
    warranty: 36,
    certs: ["GOST_R", "OTHER"],
    makers: ["Нева-ППУ", "Завод «Изопрофлекс-Север»", "Ленинградский завод ППУ-изоляции"],
    make(r) {
      const [d, wall, jacket] = r.pick([
        [57, 3.5, 125],
        [76, 3.5, 140],
        [89, 4, 160],
        [108, 4, 200],
        [133, 4, 225],
        [159, 4.5, 250],
        [219, 6, 315],
        [273, 7, 400],
        [325, 7, 450],
        [426, 7, 560],
        [530, 8, 710],
        [630, 8, 800],
        [720, 9, 900],
        [820, 10, 1000],
        [1020, 11, 1200],
      ] as [number, number, number][]);
      const galv = r.chance(0.25);
      const odk = r.chance(0.8);
      const model = `${d}×${ru(wall)}-1-ППУ-${galv ? "ОЦ" : "ПЭ"}`;
      const steelKgM = (d - wall) * wall * 0.02466;
      return {
        title: `Труба стальная в ППУ-изоляции ${model}${odk ? " с проводниками ОДК" : ""}, ГОСТ 30732-2020`,
        model,
        specs: {
          pipe_diameter_mm: d,
          wall_mm: wall,
          jacket_diameter_mm: galv ? jacket - 10 : jacket,
          jacket: galv ? "galv" : "pe",
          odk,
        },
        priceRub: (steelKgM * 110 + jacket * 4) * (galv ? 1.35 : 1),
        unit: "m",
        minOrderQty: r.pick([12, 24, 36]),
        about: `Стальная электросварная труба ${d}×${ru(wall)} мм в пенополиуретановой изоляции для бесканальной${galv ? " и надземной" : ""} прокладки тепловых сетей.`,
        details: `Оболочка ${galv ? "из оцинкованной стали" : "из полиэтилена"} Ø${galv ? jacket - 10 : jacket} мм${odk ? ", медные проводники системы ОДК" : ""}; длина трубы 11,5–12 м, цена за погонный метр.`,
      };
    },
  },
  "armatura-truboprovodnaya": {
    weight: 2,
    lead: [5, 40],
    inStock: 0.55,
    onRequest: 0.01,
    warranty: 18,
    certs: ["TR_EAEU", "TR_TS"],
    makers: ["Волховский арматурный завод", "Завод «Арматура-Нева»", "Гатчинский арматурный завод"],
    make(r) {
      const kind = r.weighted(["gate", "gate_ci", "ball", "butterfly", "check", "control"], [3, 1, 3, 2, 2, 1]);
      let dn: number;
      let pn: number;
      let title: string;
      let model: string;
      let connection: string;
      let drive: string;
      let body: string;
      let base: number;
      let valveType: string;
      switch (kind) {
        case "gate":
          dn = r.pick([50, 80, 100, 150, 200, 250, 300, 400, 500]);
          pn = 1.6;
          drive = dn >= 300 ? r.pick(["gear", "electric"]) : r.chance(0.2) ? "electric" : "manual";
          model = `${drive === "electric" ? "30с941нж" : "30с41нж"} Ду ${dn} Ру 16`;
          title = `Задвижка стальная клиновая ${model}${drive === "electric" ? " с электроприводом" : ""}`;
          connection = "flange";
          body = "steel20";
          base = 60_000;
          valveType = "gate";
          break;
        case "gate_ci":
          dn = r.pick([50, 80, 100, 150, 200, 250, 300]);
          pn = 1.0;
          drive = "manual";
          model = `30ч39р Ду ${dn} Ру 10`;
          title = `Задвижка чугунная с обрезиненным клином ${model}`;
          connection = "flange";
          body = "cast_iron";
          base = 22_000;
          valveType = "gate";
          break;
        case "ball":
          dn = r.pick([15, 20, 25, 32, 40, 50, 65, 80, 100, 125, 150, 200, 250, 300, 400, 500]);
          pn = dn <= 200 ? 2.5 : 1.6;
          drive = dn >= 200 ? r.pick(["gear", "gear", "electric"]) : "manual";
          connection = dn <= 40 && r.chance(0.5) ? "thread" : r.chance(0.7) ? "weld" : "flange";
          model = `КШЦ Ду ${dn} Ру ${pn * 10}`;
          title = `Кран шаровой стальной цельносварной ${model}${connection === "weld" ? " под приварку" : connection === "flange" ? " фланцевый" : " муфтовый"}${drive === "gear" ? " с редуктором" : drive === "electric" ? " с электроприводом" : ""}`;
          body = r.chance(0.7) ? "steel20" : "09g2s";
          base = 14_000;
          valveType = "ball";
          break;
        case "butterfly":
          dn = r.pick([50, 80, 100, 150, 200, 250, 300, 400, 500, 600, 800, 1000, 1200]);
          pn = 1.6;
          drive =
            dn <= 150 ? "manual" : dn >= 600 ? r.pick(["gear", "electric"]) : r.pick(["manual", "gear", "electric"]);
          model = `ЗПД Ду ${dn} Ру 16`;
          title = `Затвор дисковый поворотный межфланцевый ${model}${drive === "gear" ? " с редуктором" : drive === "electric" ? " с электроприводом" : ""}`;
          connection = "flange";
          body = r.chance(0.6) ? "cast_iron" : "steel20";
          base = 9_000;
          valveType = "butterfly";
          break;
        case "check":
          dn = r.pick([50, 80, 100, 150, 200, 250, 300, 400]);
          pn = 4.0;
          drive = "manual";
          model = `19с53нж Ду ${dn} Ру 40`;
          title = `Клапан обратный поворотный ${model}`;
          connection = "flange";
          body = "steel20";
          base = 40_000;
          valveType = "check";
          break;
        default:
          dn = r.pick([15, 20, 25, 32, 40, 50, 65, 80, 100, 125, 150]);
          pn = 1.6;
          drive = "electric";
          model = `КРС Ду ${dn} Ру 16`;
          title = `Клапан регулирующий седельный ${model} с электроприводом`;
          connection = dn <= 25 && r.chance(0.5) ? "thread" : "flange";
          body = r.chance(0.5) ? "stainless" : "cast_iron";
          base = 85_000;
          valveType = "control";
      }
      const price = base * (dn / 100) ** 1.8 + (drive === "electric" && kind !== "control" ? 90_000 : 0) + 1500;
      const connRu: Record<string, string> = { flange: "фланцевое", weld: "под приварку", thread: "муфтовое" };
      return {
        title,
        model,
        specs: {
          valve_type: valveType,
          dn_mm: dn,
          pn_mpa: pn,
          connection,
          drive,
          body_material: body,
        },
        priceRub: price,
        minOrderQty: dn <= 50 ? r.pick([1, 5, 10]) : 1,
        about: `Трубопроводная арматура DN ${dn}, PN ${ru(pn)} МПа для тепловых сетей, котельных и систем водоснабжения.`,
        details: `Присоединение ${connRu[connection]}, температура рабочей среды до 150 °C (вода, пар), герметичность затвора класса А по ГОСТ 9544.`,
      };
    },
  },
  "dymososy-ventilyatory": {
    weight: 0.8,
    lead: [30, 90],
    inStock: 0.1,
    onRequest: 0.04,
    warranty: 18,
    certs: ["TR_EAEU", "TR_TS"],
    makers: ["ЗТДМ «Пулково»", "Балтэнергомаш", "Завод «Тягомаш-Север»"],
    make(r) {
      const forced = r.chance(0.4);
      const n = r.pick([8, 9, 10, 11.2, 12.5, 15, 17, 19, 21, 24]);
      const rpm = n <= 12.5 ? 1500 : n < 21 ? 1000 : 750;
      const q = Math.round((10_200 * (n / 8) ** 3 * (rpm / 1500)) / 100) * 100;
      const pa = Math.round((1_800 * (n / 8) ** 2 * (rpm / 1500) ** 2 * (forced ? 1.15 : 1)) / 10) * 10;
      const kw = stdMotor((((q / 3600) * pa) / 1000 / 0.7) * 1.1);
      const model = `${forced ? "ВДН" : "ДН"}-${ru(n)}`;
      return {
        title: `${forced ? "Вентилятор дутьевой" : "Дымосос"} ${model} ${rpm} об/мин с электродвигателем ${ru(kw)} кВт`,
        model,
        specs: {
          fan_type: forced ? "forced" : "induced",
          airflow_m3h: q,
          pressure_pa: pa,
          motor_power_kw: kw,
          speed_rpm: rpm,
        },
        priceRub: 120_000 + kw * 4_500,
        about: `${forced ? "Дутьевой вентилятор для подачи воздуха в топку" : "Дымосос для удаления дымовых газов"} котлов паропроизводительностью до ${Math.round(q / 2500)} т/ч.`,
        details: `Производительность ${grp(q)} м³/ч, полное давление ${grp(pa)} Па, двигатель ${ru(kw)} кВт; левое или правое исполнение, положение корпуса по опросному листу.`,
      };
    },
  },

  gidroturbiny: {
    weight: 0.8,
    lead: [270, 540],
    inStock: 0,
    onRequest: 0.35,
    warranty: 36,
    certs: ["TR_EAEU", "OTHER"],
    makers: ["Невагидромаш", "Завод «Гидротурбомаш»", "МГЭС-Техно"],
    make(r) {
      const type = r.weighted(["francis", "kaplan", "propeller", "pelton", "diagonal"], [4, 3, 1, 1.5, 1]);
      let hmax: number;
      let dcm: number;
      let q11: number;
      let prefix: string;
      let vertical: boolean;
      switch (type) {
        case "francis":
          hmax = r.pick([45, 75, 115, 140, 170, 230, 310]);
          dcm = r.pick([60, 84, 100, 120, 140, 160, 180, 225, 250, 300, 335, 400, 450]);
          q11 = Math.max(0.3, 1.1 - hmax / 400);
          prefix = "РО";
          vertical = dcm > 100;
          break;
        case "kaplan":
          hmax = r.pick([10, 15, 20, 30, 40, 50]);
          dcm = r.pick([120, 180, 250, 330, 400, 500, 600]);
          q11 = 1.9;
          prefix = "ПЛ";
          vertical = true;
          break;
        case "propeller":
          hmax = r.pick([10, 15, 20, 30]);
          dcm = r.pick([50, 70, 90, 120, 160]);
          q11 = 1.6;
          prefix = "Пр";
          vertical = false;
          break;
        case "pelton":
          hmax = r.pick([250, 400, 500, 600, 800, 1000]);
          dcm = r.pick([50, 70, 90, 110, 140, 180]);
          q11 = 0.035;
          prefix = "К";
          vertical = r.chance(0.3);
          break;
        default:
          hmax = r.pick([45, 75, 115]);
          dcm = r.pick([120, 180, 250, 350]);
          q11 = 1.3;
          prefix = "Д";
          vertical = true;
      }
      const h = Math.round(hmax * r.float(0.72, 0.95));
      const dm = dcm / 100;
      const flow = r2(q11 * dm * dm * Math.sqrt(h));
      const mw = Math.max(0.05, r2((9.81 * flow * h * 0.91) / 1000));
      const model = `${prefix} ${hmax}-${vertical ? "В" : "Г"}-${dcm}`;
      const typeRu: Record<string, string> = {
        francis: "радиально-осевая",
        kaplan: "поворотно-лопастная",
        propeller: "пропеллерная",
        pelton: "ковшовая",
        diagonal: "диагональная",
      };
      return {
        title: `Гидротурбина ${typeRu[type]} ${model}`,
        model,
        specs: {
          turbine_type: type,
          rated_head_m: h,
          power_mw: mw,
          flow_m3s: Math.max(0.05, flow),
          runner_diameter_mm: dcm * 10,
          shaft: vertical ? "vertical" : "horizontal",
        },
        priceRub: 25_000_000 + mw * 9_000_000,
        about: `${typeRu[type][0].toUpperCase()}${typeRu[type].slice(1)} гидротурбина с ${vertical ? "вертикальным" : "горизонтальным"} валом для новых и реконструируемых ГЭС.`,
        details: `Расчётный напор ${h} м, расход ${ru(flow)} м³/с, мощность ${ru(mw)} МВт, диаметр рабочего колеса ${grp(dcm * 10)} мм; изготовление по результатам модельных испытаний.`,
      };
    },
  },
  gidrogeneratory: {
    weight: 0.7,
    lead: [240, 480],
    inStock: 0,
    onRequest: 0.35,
    warranty: 36,
    certs: ["TR_EAEU", "OTHER"],
    makers: ["Балтэлектромаш", "Завод «Электротяжмаш-Север»"],
    make(r) {
      const p = r.pick([0.4, 0.63, 1.0, 1.6, 2.5, 4, 6.3, 10, 16, 25, 40, 63, 100, 160]);
      const horizontal = p <= 6.3 && r.chance(0.6);
      const poles =
        p < 1 ? r.pick([6, 8, 10]) : p < 10 ? r.pick([10, 12, 16, 20, 24]) : r.pick([24, 32, 40, 48, 56, 64, 72, 80]);
      const rpm = r1(6000 / poles);
      const kv = p <= 1 ? r.pick([0.4, 6.3]) : p <= 10 ? r.pick([6.3, 10.5]) : r.pick([10.5, 13.8, 15.75]);
      const cos = r.pick([0.8, 0.85, 0.9]);
      const excitation = p > 10 ? "thyristor" : r.chance(0.6) ? "brushless" : "thyristor";
      const dst = Math.round((140 + 60 * Math.sqrt(p)) / 5) * 5;
      const len = Math.round((40 + 12 * Math.sqrt(p)) / 5) * 5;
      const model = horizontal ? `СГ ${Math.round(p * 1000)}-${poles}` : `СВ ${dst}/${len}-${poles}`;
      return {
        title: `Гидрогенератор ${horizontal ? "горизонтальный" : "вертикальный"} ${model} УХЛ4`,
        model: `${model} УХЛ4`,
        specs: {
          power_mw: p,
          voltage_kv: kv,
          speed_rpm: rpm,
          cos_phi: cos,
          orientation: horizontal ? "horizontal" : "vertical",
          excitation,
        },
        priceRub: 8_000_000 + p * 4_500_000,
        about: `Синхронный ${horizontal ? "горизонтальный" : "вертикальный"} гидрогенератор активной мощностью ${ru(p)} МВт.`,
        details: `Напряжение ${ru(kv)} кВ, ${ru(rpm)} об/мин, cos φ ${ru(cos)}, ${excitation === "thyristor" ? "статическая тиристорная" : "бесщёточная"} система возбуждения; изоляция класса F.`,
      };
    },
  },
  zatvory: {
    weight: 0.8,
    lead: [120, 300],
    inStock: 0,
    onRequest: 0.25,
    warranty: 24,
    certs: ["OTHER", "GOST_R"],
    makers: ["Гидрозатвор-Инжиниринг", "Завод «Гидромонтаж-Север»"],
    make(r) {
      const type = r.pick(["flat_wheel", "flat_slide", "segment", "butterfly", "stoplog"]);
      let b: number;
      let h: number;
      let head: number;
      let hoist: string;
      let title: string;
      let model: string;
      let unit: UnitCode = "pcs";
      switch (type) {
        case "flat_wheel":
          b = r.pick([3, 4, 5, 6, 8, 10, 12, 15]);
          h = r.pick([3, 4.5, 6, 8, 10]);
          head = r.pick([6, 10, 15, 20, 30, 40]);
          hoist = r.pick(["hydraulic", "gantry", "rope"]);
          model = `${ru(b)}×${ru(h)}-${head}`;
          title = `Затвор плоский колёсный ${model} ${r.chance(0.5) ? "аварийно-ремонтный" : "основной"}`;
          break;
        case "flat_slide":
          b = r.pick([1, 1.5, 2, 2.5, 3, 4]);
          h = r.pick([1, 1.5, 2, 2.5, 3]);
          head = r.pick([3, 5, 8, 10, 15]);
          hoist = r.pick(["screw", "rope"]);
          model = `${ru(b)}×${ru(h)}-${head}`;
          title = `Затвор плоский скользящий ${model} ремонтный`;
          break;
        case "segment":
          b = r.pick([6, 8, 10, 12, 15, 18, 20]);
          h = r.pick([3, 4, 5, 6, 8, 10]);
          head = h;
          hoist = r.pick(["hydraulic", "rope"]);
          model = `${b}×${h}`;
          title = `Затвор сегментный поверхностный ${model}`;
          break;
        case "butterfly": {
          const d = r.pick([1000, 1400, 1600, 2000, 2500, 3000, 4000]);
          const pn = r.pick([0.6, 1.0, 1.6]);
          b = d / 1000;
          h = d / 1000;
          head = pn * 100;
          hoist = "hydraulic";
          model = `Ду ${d} Ру ${pn * 10}`;
          title = `Затвор дисковый ${model} с гидроприводом для напорного водовода`;
          break;
        }
        default:
          b = r.pick([2, 3, 4, 6, 8, 10, 12]);
          h = r.pick([2, 3, 4, 6, 8]);
          head = h;
          hoist = "gantry";
          model = `${b}×${h}`;
          title = `Шандорный затвор ${model} (комплект шандор)`;
          unit = "set";
      }
      const weight = r1(b * h * (0.12 + head * 0.012) + 0.2);
      const hoistPrice: Record<string, number> = { hydraulic: 2_500_000, rope: 1_200_000, screw: 300_000, gantry: 0 };
      const hoistRu: Record<string, string> = {
        hydraulic: "гидроцилиндром",
        rope: "канатной лебёдкой",
        screw: "винтовым подъёмником",
        gantry: "козловым краном (в комплект не входит)",
      };
      return {
        title,
        model,
        specs: { gate_type: type, span_m: b, height_m: h, design_head_m: head, hoist, weight_t: weight },
        priceRub: weight * 420_000 + hoistPrice[hoist],
        unit,
        about: `Гидротехнический затвор пролётом ${ru(b)} м и высотой ${ru(h)} м для водосбросных и водоприёмных сооружений.`,
        details: `Расчётный напор ${ru(head)} м, масса ${ru(weight)} т, маневрирование ${hoistRu[hoist]}; закладные части и уплотнения в комплекте.`,
      };
    },
  },
  "gidroagregaty-malyh-ges": {
    weight: 0.8,
    lead: [180, 360],
    inStock: 0,
    onRequest: 0.2,
    warranty: 36,
    certs: ["TR_EAEU", "OTHER"],
    makers: ["МГЭС-Техно", "Невагидромаш", "Завод «Малая гидроэнергетика»"],
    make(r) {
      const kw = r.pick([15, 30, 50, 100, 160, 250, 400, 630, 1000, 1600, 2500, 4000, 6300, 10000]);
      let type = r.pick(["propeller", "kaplan", "francis", "francis", "pelton", "diagonal"]);
      if (type === "propeller" && kw > 1600) type = "kaplan";
      const head =
        type === "propeller" || type === "kaplan"
          ? r.int(3, 20)
          : type === "pelton"
            ? r.int(150, 550)
            : type === "diagonal"
              ? r.int(20, 70)
              : r.int(20, 150);
      const flow = r2(Math.max(0.01, kw / (9.81 * head * 0.82)));
      const kv = kw <= 630 ? 0.4 : kw <= 2500 ? r.pick([0.4, 6.3]) : r.pick([6.3, 10.5]);
      const code: Record<string, string> = { propeller: "Пр", kaplan: "ПЛ", francis: "РО", pelton: "К", diagonal: "Д" };
      const model = `ГА-${code[type]}-${kw}/${head}`;
      const automation = r.chance(0.8);
      return {
        title: `Гидроагрегат для малой ГЭС ${model}, ${grp(kw)} кВт, напор ${head} м`,
        model,
        specs: {
          power_kw: kw,
          head_m: head,
          flow_m3s: flow,
          turbine_type: type,
          voltage_kv: kv,
          automation_included: automation,
        },
        priceRub: 1_500_000 + kw * 55_000,
        about: `Комплектный гидроагрегат «от воды до провода» мощностью ${grp(kw)} кВт для малой или мини-ГЭС.`,
        details: `Напор ${head} м, расход ${ru(flow)} м³/с, генератор ${ru(kv)} кВ${automation ? ", система автоматического управления и регулятор в комплекте" : ""}.`,
      };
    },
  },
  "sistemy-avtomatiki-ges": {
    weight: 0.8,
    lead: [90, 210],
    inStock: 0,
    onRequest: 0.2,
    warranty: 24,
    certs: ["TR_EAEU", "OTHER"],
    makers: ["НПП «Ладога-Автоматика»", "Балтэлектромаш", "МГЭС-Техно"],
    make(r) {
      const type = r.pick(["unit_control", "governor", "excitation", "scada", "vibration"]);
      const protocol = r.pick(["iec61850", "iec61850", "iec104", "modbus"]);
      const controller = r.pick([
        "Резервированный ПЛК отечественного производства",
        "Промышленный контроллер с программированием по МЭК 61131-3",
        "Контроллер серии ЛА-500 в горячем резерве",
        "Панельный компьютер и модули ввода-вывода с резервированием питания",
      ]);
      let title: string;
      let model: string;
      let pmax: number;
      let price: number;
      switch (type) {
        case "unit_control":
          pmax = r.pick([5, 25, 50, 100, 200, 300]);
          model = `САУ-ГА-${pmax}`;
          title = `Система автоматического управления гидроагрегатом ${model}`;
          price = 4_000_000 + pmax * 40_000;
          break;
        case "governor":
          pmax = r.pick([10, 25, 50, 100, 150, 300, 500]);
          model = `ЭГР-${pmax}М`;
          title = `Электрогидравлический регулятор частоты вращения ${model}`;
          price = 3_500_000 + pmax * 18_000;
          break;
        case "excitation": {
          const amps = r.pick([320, 630, 1000, 1600, 2500]);
          const volts = r.pick([230, 320, 460]);
          pmax = Math.round(amps / 12);
          model = `СТВ-${amps}-${volts}`;
          title = `Система тиристорного возбуждения ${model}`;
          price = 5_000_000 + amps * 7_500;
          break;
        }
        case "scada": {
          const units = r.pick([2, 3, 4, 6, 8]);
          pmax = r.pick([50, 100, 300, 600, 1000]);
          model = `АСУ ТП ГЭС-${units}`;
          title = `Программно-технический комплекс ${model} для гидроэлектростанции на ${units} ${plural(units, "агрегат", "агрегата", "агрегатов")}`;
          price = 12_000_000 + units * 5_500_000;
          break;
        }
        default: {
          const ch = r.pick([16, 24, 32, 48]);
          pmax = r.pick([50, 100, 300, 700]);
          model = `СВМ-${ch}`;
          title = `Система вибромониторинга гидроагрегата ${model}, ${ch} ${plural(ch, "канал", "канала", "каналов")}`;
          price = 1_800_000 + ch * 55_000;
        }
      }
      const redundant = type !== "vibration" ? r.chance(0.8) : r.chance(0.3);
      const protoRu: Record<string, string> = {
        iec61850: "МЭК 61850",
        iec104: "МЭК 60870-5-104",
        modbus: "Modbus TCP",
        iec103: "МЭК 60870-5-103",
      };
      return {
        title,
        model,
        specs: { system_type: type, unit_power_max_mw: pmax, protocol, redundant, controller },
        priceRub: price,
        about: `Программно-технический комплекс для гидроагрегатов мощностью до ${pmax} МВт, поставка в шкафах со встроенным ПО.`,
        details: `Интеграция с АСУ ТП по протоколу ${protoRu[protocol]}${redundant ? ", резервирование контроллеров и питания" : ""}; проектирование, наладка и обучение персонала.`,
      };
    },
  },
  "maslonapornye-ustanovki": {
    weight: 0.6,
    lead: [120, 240],
    inStock: 0,
    onRequest: 0.2,
    warranty: 24,
    certs: ["TR_EAEU", "TR_TS"],
    makers: ["Невагидромаш", "Гидрозатвор-Инжиниринг", "Завод «Гидропривод-Север»"],
    make(r) {
      const v = r.pick([1, 1.6, 2.5, 4, 6.3, 8, 10, 12.5, 16, 20, 25, 32]);
      const tanks = v >= 16 ? 2 : 1;
      const kgf = r.pick([40, 63]);
      const pumps = v >= 8 ? 3 : 2;
      const sump = r1(v * 1.2);
      const flow = r1(Math.min(30, 2 + v * 0.8));
      const model = `МНУ ${ru(v)}-${tanks}/${kgf}-${ru(sump)}-${pumps}`;
      return {
        title: `Маслонапорная установка ${model}`,
        model,
        specs: { accumulator_m3: v, pressure_mpa: kgf / 10, pumps, pump_flow_ls: flow, sump_m3: sump },
        priceRub: 3_500_000 + v * 850_000,
        about: `Маслонапорная установка для питания системы регулирования гидротурбины и сервомоторов направляющего аппарата.`,
        details: `Гидроаккумулятор ${ru(v)} м³ (${tanks === 2 ? "два сосуда" : "один сосуд"}), рабочее давление ${ru(kgf / 10)} МПа, ${pumps} винтовых насоса по ${ru(flow)} л/с, сливной бак ${ru(sump)} м³.`,
      };
    },
  },

  "silovye-transformatory": {
    weight: 2,
    lead: [20, 75],
    inStock: 0.3,
    onRequest: 0.05,
    warranty: 36,
    certs: ["TR_EAEU", "TR_TS"],
    makers: ["Невский трансформаторный завод", "Завод «Трансформатор-Балтика»", "Волховский трансформаторный завод"],
    make(r) {
      const series = r.weighted(["ТМГ", "ТМ", "ТМН", "ТСЛ"], [5, 1.5, 1, 2]);
      let kva: number;
      let hv: number;
      let lv: number;
      let group: string;
      let climate: string;
      let price: number;
      switch (series) {
        case "ТМГ":
          kva = r.pick([25, 40, 63, 100, 160, 250, 400, 630, 1000, 1250, 1600, 2000, 2500]);
          hv = r.pick([6, 10, 10]);
          lv = 0.4;
          group = kva <= 250 ? r.pick(["Yyn0", "Yzn11", "Dyn11"]) : r.pick(["Dyn11", "Yyn0"]);
          climate = r.pick(["U1", "UHL1"]);
          price = 120_000 + kva ** 0.92 * 2_400;
          break;
        case "ТМ":
          kva = r.pick([1000, 1600, 2500, 4000, 6300]);
          hv = r.pick([6, 10]);
          lv = kva >= 2500 && hv === 10 && r.chance(0.5) ? 6.3 : 0.4;
          group = lv === 0.4 ? "Dyn11" : "Yd11";
          climate = r.pick(["U1", "UHL1"]);
          price = (120_000 + kva ** 0.92 * 2_400) * 1.05;
          break;
        case "ТМН":
          kva = r.pick([1000, 1600, 2500, 4000, 6300, 10000]);
          hv = 35;
          lv = r.pick([6.3, 10.5, 11]);
          group = "Yd11";
          climate = r.pick(["U1", "UHL1"]);
          price = (120_000 + kva ** 0.92 * 2_400) * 1.9 + 2_000_000;
          break;
        default:
          kva = r.pick([100, 160, 250, 400, 630, 1000, 1250, 1600, 2000, 2500]);
          hv = r.pick([6, 10]);
          lv = 0.4;
          group = "Dyn11";
          climate = r.pick(["UHL3", "U3"]);
          price = (120_000 + kva ** 0.92 * 2_400) * 1.7;
      }
      const winding = series === "ТСЛ" ? r.pick(["al", "cu"]) : r.chance(0.8) ? "al" : "cu";
      if (winding === "cu") price *= 1.15;
      const climRu: Record<string, string> = { U1: "У1", UHL1: "УХЛ1", U3: "У3", UHL3: "УХЛ3" };
      const groupRu: Record<string, string> = { Yyn0: "Y/Yн-0", Dyn11: "Д/Yн-11", Yzn11: "Y/Zн-11", Yd11: "Y/Д-11" };
      const model = `${series}-${kva}/${hv}/${ru(lv)} ${climRu[climate]}`;
      const dry = series === "ТСЛ";
      const kind = dry ? "сухой" : "масляный";
      return {
        title: `Трансформатор силовой ${kind} ${model}, ${groupRu[group]}`,
        model,
        specs: {
          power_kva: kva,
          hv_kv: hv,
          lv_kv: lv,
          vector_group: group,
          cooling: dry ? "dry" : "oil",
          climate,
          winding,
        },
        priceRub: price,
        about: dry
          ? `Сухой трансформатор с литой изоляцией мощностью ${grp(kva)} кВА для внутренней установки в КТП, ТП и распределительных устройствах зданий.`
          : `Трёхфазный масляный трансформатор ${series === "ТМГ" ? "в герметичном исполнении без расширителя" : series === "ТМН" ? "с регулированием под нагрузкой (РПН)" : "с расширителем"} мощностью ${grp(kva)} кВА.`,
        details: `Напряжение ${ru(hv)}/${ru(lv)} кВ, схема соединения ${groupRu[group]}, обмотки из ${winding === "al" ? "алюминия" : "меди"}${series === "ТМН" ? "" : ", ПБВ ±2×2,5 %"}; климатическое исполнение ${climRu[climate]}.`,
      };
    },
  },
  "ktp-bktp": {
    weight: 1.5,
    lead: [25, 70],
    inStock: 0.08,
    onRequest: 0.08,
    warranty: 36,
    certs: ["TR_EAEU"],
    makers: ["Петроэлектрощит", "Невский трансформаторный завод", "Завод «Балтэлектрокомплект»"],
    make(r) {
      const type = r.pick(["kiosk", "mast", "outdoor", "concrete", "sandwich"]);
      const hv = r.pick([6, 10, 10]);
      let kva: number;
      let transformers = 1;
      let prefix: string;
      let suffix: string;
      let body: number;
      let input: string;
      switch (type) {
        case "kiosk":
          kva = r.pick([100, 160, 250, 400, 630, 1000]);
          prefix = "КТП";
          suffix = "киоскового типа";
          body = 450_000;
          input = r.pick(["overhead", "cable"]);
          break;
        case "mast":
          kva = r.pick([25, 40, 63, 100, 160, 250]);
          prefix = "КТПМ";
          suffix = "мачтовая";
          body = 180_000;
          input = "overhead";
          break;
        case "outdoor":
          kva = r.pick([160, 250, 400, 630, 1000, 1600, 2500]);
          transformers = r.chance(0.4) ? 2 : 1;
          prefix = transformers === 2 ? "2КТПН" : "КТПН";
          suffix = `наружной установки, ${transformers === 2 ? "проходная" : r.pick(["тупиковая", "проходная"])}`;
          body = 700_000;
          input = r.pick(["overhead", "cable"]);
          break;
        case "concrete":
          kva = r.pick([400, 630, 1000, 1250, 1600, 2500]);
          transformers = r.chance(0.6) ? 2 : 1;
          prefix = transformers === 2 ? "2БКТП" : "БКТП";
          suffix = "в бетонной оболочке";
          body = 2_800_000;
          input = "cable";
          break;
        default:
          kva = r.pick([250, 400, 630, 1000, 1600, 2500]);
          transformers = r.chance(0.5) ? 2 : 1;
          prefix = transformers === 2 ? "2БМКТП" : "БМКТП";
          suffix = "блочно-модульная в сэндвич-панелях";
          body = 1_600_000;
          input = "cable";
      }
      const withTransformer = r.chance(0.7);
      const trPrice = 120_000 + kva ** 0.92 * 2_400;
      const model = `${prefix}-${kva}/${hv}/0,4-У1`;
      return {
        title: `Подстанция ${model} ${suffix}${withTransformer ? "" : " (без трансформатора)"}`,
        model,
        specs: { power_kva: kva, hv_kv: hv, lv_kv: 0.4, ktp_type: type, transformers, hv_input: input },
        priceRub: body * (transformers === 2 ? 1.6 : 1) + (withTransformer ? transformers * trPrice : 0),
        about: `Комплектная трансформаторная подстанция ${hv}/0,4 кВ ${transformers === 2 ? `с двумя трансформаторами по ${grp(kva)} кВА` : `с трансформатором ${grp(kva)} кВА`} для электроснабжения жилых, коммунальных и промышленных объектов.`,
        details: `${input === "overhead" ? "Воздушный" : "Кабельный"} ввод ВН, РУНН с автоматическими выключателями на отходящих линиях и учётом электроэнергии${withTransformer ? "; трансформатор ТМГ входит в комплект поставки" : "; трансформатор поставляется отдельно"}.`,
      };
    },
  },
  "kru-kso": {
    weight: 1.2,
    lead: [30, 80],
    inStock: 0.05,
    onRequest: 0.06,
    warranty: 36,
    certs: ["TR_EAEU"],
    makers: ["Петроэлектрощит", "Завод «Балтэлектрокомплект»", "Завод «Электрощит-Север»"],
    make(r) {
      const type = r.weighted(["kso", "kru", "krun"], [3, 2, 1]);
      let kv: number;
      let amps: number;
      let ka: number;
      let device: string;
      let model: string;
      let title: string;
      let price: number;
      if (type === "kso") {
        const [code, dev] = r.pick([
          ["КСО-393", "vcb"],
          ["КСО-298", "vcb"],
          ["КСО-298", "load_switch"],
          ["КСО-366", "load_switch"],
          ["КСО-366", "disconnector"],
        ] as [string, string][]);
        kv = r.pick([6, 10]);
        amps = dev === "vcb" ? r.pick([630, 1000]) : 630;
        ka = dev === "vcb" ? r.pick([12.5, 20]) : 20;
        device = dev;
        model = `${code}-${r.int(1, 24)}`;
        const devRu: Record<string, string> = {
          vcb: "с вакуумным выключателем",
          load_switch: "с выключателем нагрузки",
          disconnector: "с разъединителем",
        };
        title = `Камера ${model} ${devRu[dev]}, ${kv} кВ, ${amps} А`;
        price = dev === "vcb" ? 690_000 + amps * 120 : 380_000;
      } else {
        const series = type === "kru" ? r.pick(["К-59", "К-104М", "К-63", "К-35"]) : "К-112";
        kv = series === "К-35" ? 35 : type === "krun" ? r.pick([6, 10, 20]) : r.pick([6, 10]);
        amps = series === "К-35" ? r.pick([630, 1000, 1600]) : r.pick([630, 1000, 1600, 2000, 3150]);
        ka = r.pick([20, 25, 31.5, 40]);
        device = "vcb";
        model = `${series}-${amps}-${ru(ka)}`;
        title =
          type === "kru"
            ? `Шкаф КРУ ${series} с выкатным элементом, ${kv} кВ, ${amps} А, ${ru(ka)} кА`
            : `КРУН ${series} наружной установки, ${kv} кВ, ${amps} А, ${ru(ka)} кА`;
        price = (900_000 + amps * 450 + ka * 12_000) * (type === "krun" ? 1.3 : 1) * (kv === 35 ? 1.6 : 1);
      }
      return {
        title,
        model,
        specs: { switchgear_type: type, voltage_kv: kv, current_a: amps, breaking_ka: ka, switching_device: device },
        priceRub: price,
        about: `${type === "kso" ? "Камера сборная одностороннего обслуживания" : "Комплектное распределительное устройство"} на напряжение ${kv} кВ для распределительных пунктов и подстанций.`,
        details: `Номинальный ток ${amps} А, ток термической стойкости ${ru(ka)} кА (3 с); микропроцессорная защита, блокировки от ошибочных действий персонала, изготовление по опросному листу.`,
      };
    },
  },
  "kabel-i-provod": {
    weight: 3,
    lead: [3, 30],
    inStock: 0.65,
    onRequest: 0.01,
    warranty: 60,
    certs: ["TR_EAEU", "GOST_R"],
    makers: ["Охта-Кабель", "Завод «Кабель-Балтика»", "Ладожский кабельный завод"],
    make(r) {
      const kind = r.weighted(
        ["apvbbshv", "avbbshv", "vvgng", "pvbbshv", "apvpu", "aashv", "sip2", "sip3", "ac"],
        [3, 2, 3, 2, 2, 1, 2, 1, 1],
      );
      const cuRate = 10;
      const alRate = 2.1;
      let model: string;
      let s: number;
      let cores: number;
      let kv: number;
      let conductor: string;
      let insulation: string;
      let armored = false;
      let ng = false;
      let price: number;
      let unit: UnitCode = "m";
      let min = r.pick([100, 250, 500]);
      switch (kind) {
        case "apvbbshv":
          s = r.pick([25, 35, 50, 70, 95, 120, 150, 185, 240]);
          cores = r.pick([4, 4, 5]);
          model = `АПвБбШв ${cores}×${s}-1`;
          [kv, conductor, insulation, armored] = [1, "al", "xlpe", true];
          price = cores * s * alRate + 250;
          break;
        case "avbbshv":
          s = r.pick([16, 25, 35, 50, 70, 95, 120, 150, 185, 240]);
          cores = 4;
          model = `АВБбШв ${cores}×${s}-1`;
          [kv, conductor, insulation, armored] = [1, "al", "pvc", true];
          price = cores * s * alRate + 220;
          break;
        case "vvgng":
          s = r.pick([1.5, 2.5, 4, 6, 10, 16, 25, 35, 50, 70, 95]);
          cores = r.pick([3, 4, 5]);
          model = `ВВГнг(А)-LS ${cores}×${ru(s)}-0,66`;
          [kv, conductor, insulation, ng] = [0.66, "cu", "pvc", true];
          price = cores * s * cuRate + 30;
          break;
        case "pvbbshv":
          s = r.pick([16, 25, 35, 50, 70, 95, 120, 150, 185, 240]);
          cores = r.pick([4, 5]);
          model = `ПвБбШв ${cores}×${s}-1`;
          [kv, conductor, insulation, armored] = [1, "cu", "xlpe", true];
          price = cores * s * cuRate + 400;
          break;
        case "apvpu": {
          kv = r.pick([10, 10, 20, 35]);
          s =
            kv === 35
              ? r.pick([120, 150, 185, 240, 300, 400, 500, 630])
              : r.pick([70, 95, 120, 150, 185, 240, 300, 400, 500, 630]);
          const screen = s >= 400 ? 50 : s >= 150 ? 35 : 25;
          cores = 1;
          model = `АПвПу2г 1×${s}/${screen}-${kv}`;
          [conductor, insulation] = ["al", "xlpe"];
          price = s * alRate + screen * cuRate + kv * 55;
          min = r.pick([250, 500, 1000]);
          break;
        }
        case "aashv":
          s = r.pick([35, 50, 70, 95, 120, 150, 185, 240]);
          cores = 3;
          armored = r.chance(0.5);
          model = `${armored ? "ААБл" : "ААШв"} 3×${s}-10`;
          [kv, conductor, insulation] = [10, "al", "paper"];
          price = cores * s * alRate + 900;
          break;
        case "sip2": {
          s = r.pick([16, 25, 35, 50, 70, 95, 120, 150]);
          const n: Record<number, number> = { 16: 25, 25: 35, 35: 50, 50: 54.6, 70: 54.6, 95: 70, 120: 95, 150: 95 };
          cores = 4;
          model = `СИП-2 3×${s}+1×${ru(n[s])}-0,6/1`;
          [kv, conductor, insulation] = [1, "al", "xlpe"];
          price = (3 * s + n[s]) * 1.1 + 25;
          break;
        }
        case "sip3":
          s = r.pick([35, 50, 70, 95, 120, 150, 185, 240]);
          cores = 1;
          model = `СИП-3 1×${s}-20`;
          [kv, conductor, insulation] = [20, "al", "xlpe"];
          price = s * 1.1 + 45;
          break;
        default: {
          const [al, st] = r.pick([
            [35, "6,2"],
            [50, "8"],
            [70, "11"],
            [95, "16"],
            [120, "19"],
            [150, "24"],
            [185, "29"],
            [240, "32"],
          ] as [number, string][]);
          s = al;
          cores = 1;
          model = `АС ${al}/${st}`;
          [kv, conductor, insulation] = [al >= 120 ? 110 : 10, "al_steel", "none"];
          price = al * 1.1 * 1000 + 15_000;
          unit = "km";
          min = r.pick([0.5, 1, 2]);
        }
      }
      const title =
        kind === "sip2" || kind === "sip3"
          ? `Провод самонесущий изолированный ${model}`
          : kind === "ac"
            ? `Провод неизолированный сталеалюминиевый ${model}`
            : `Кабель силовой ${model}`;
      const condRu: Record<string, string> = { cu: "медными", al: "алюминиевыми", al_steel: "сталеалюминиевыми" };
      const insRu: Record<string, string> = {
        pvc: "в ПВХ-изоляции",
        xlpe: "с изоляцией из сшитого полиэтилена",
        paper: "с бумажной пропитанной изоляцией",
        none: "без изоляции",
      };
      return {
        title,
        model,
        specs: {
          cross_section_mm2: s,
          cores,
          voltage_kv: kv,
          conductor,
          insulation,
          armored,
          flame_retardant: ng,
        },
        priceRub: price,
        unit,
        minOrderQty: min,
        about:
          kind === "ac"
            ? `Неизолированный провод для воздушных линий электропередачи; цена за километр.`
            : `${kind.startsWith("sip") ? "Провод" : "Кабель"} с ${condRu[conductor]} жилами ${insRu[insulation]} на напряжение ${ru(kv)} кВ${armored ? ", с бронёй из стальных лент" : ""}.`,
        details:
          kind === "ac"
            ? `Сечение алюминиевой части ${s} мм², стальной сердечник; поставка на деревянных барабанах.`
            : `${cores === 1 ? "Одножильный" : `${cores}-жильный`}, сечение жилы ${ru(s)} мм²${ng ? ", не распространяет горение, пониженное дымо- и газовыделение" : ""}; цена за метр, резка по длинам заказчика.`,
      };
    },
  },
  rza: {
    weight: 1.2,
    lead: [20, 60],
    inStock: 0.25,
    onRequest: 0.06,
    warranty: 60,
    certs: ["TR_EAEU"],
    makers: ["НПП «Ладога-Автоматика»", "НПО «Энергоучёт-СПб»", "Завод «Релематика-Север»"],
    make(r) {
      const type = r.pick(["feeder", "transformer", "arc", "ats", "cabinet"]);
      const protocol = r.pick(["iec61850", "iec103", "modbus"]);
      const aux = r.pick(["dc220", "ac_dc220", "dc110"]);
      const n = r.pick([100, 110, 200, 210, 300]);
      let title: string;
      let model: string;
      let vclass: number;
      let price: number;
      switch (type) {
        case "feeder":
          model = `ТЗП-${n}`;
          vclass = r.pick([6, 10, 20, 35]);
          title = `Терминал защиты присоединения ${model} 6–35 кВ`;
          price = 110_000 + n * 450;
          break;
        case "transformer":
          model = `ТЗТ-${n}`;
          vclass = r.pick([10, 35, 110]);
          title = `Терминал защиты трансформатора ${model} ${vclass} кВ`;
          price = 180_000 + n * 800;
          break;
        case "arc": {
          const ch = r.pick([8, 16, 32]);
          model = `УДЗ-${ch}`;
          vclass = r.pick([6, 10]);
          title = `Устройство дуговой защиты ${model} на ${ch} волоконно-оптических датчиков`;
          price = 60_000 + ch * 3_500;
          break;
        }
        case "ats":
          model = `БАВР-${n}`;
          vclass = r.pick([0.4, 6, 10]);
          title = `Блок автоматики АВР ${model} для сетей ${ru(vclass)} кВ`;
          price = 95_000 + n * 600;
          break;
        default:
          model = `ШЗЛ-110-${n}`;
          vclass = r.pick([110, 220]);
          title = `Шкаф защиты линии ${model} для ВЛ ${vclass} кВ`;
          price = 900_000 + n * 4_500;
      }
      const specs: Specs = { device_type: type, voltage_class_kv: vclass, aux_supply: aux, protocol };
      if (type !== "arc") specs.rated_current_a = r.pick([1, 5]);
      const protoRu: Record<string, string> = {
        iec61850: "МЭК 61850",
        iec103: "МЭК 60870-5-103",
        modbus: "Modbus RTU",
      };
      return {
        title,
        model,
        specs,
        priceRub: price,
        about: `Микропроцессорное устройство релейной защиты и автоматики для подстанций ${ru(vclass)} кВ.`,
        details: `Оперативное питание ${aux === "dc220" ? "=220 В" : aux === "dc110" ? "=110 В" : "~/=220 В"}, связь с АСУ ТП по ${protoRu[protocol]}, осциллографирование аварийных событий; программное обеспечение для настройки в комплекте.`,
      };
    },
  },
  "pribory-ucheta": {
    weight: 1.5,
    lead: [3, 20],
    inStock: 0.75,
    onRequest: 0.01,
    warranty: 60,
    certs: ["TR_EAEU", "OTHER"],
    makers: ["НПО «Энергоучёт-СПб»", "Завод «Электроприбор-Север»", "Завод «Меридиан-Учёт»"],
    make(r) {
      const type = r.weighted(["single_phase", "three_direct", "three_ct"], [3, 3, 2]);
      const iface = r.pick(["rs485", "plc", "gsm", "rf"]);
      const ifaceRu: Record<string, string> = { rs485: "RS-485", plc: "PLC", gsm: "GSM/NB-IoT", rf: "радио 868 МГц" };
      const multi = r.chance(0.85);
      let title: string;
      let model: string;
      let imax: number;
      let accuracy: string;
      let price: number;
      if (type === "single_phase") {
        imax = r.pick([60, 80, 100]);
        accuracy = "1/2";
        model = `СЭ1-${imax}-${iface === "rs485" ? "R" : iface === "plc" ? "P" : iface === "gsm" ? "G" : "F"}`;
        title = `Счётчик электроэнергии однофазный ${multi ? "многотарифный " : ""}${model} 5(${imax}) А, кл. 1/2, ${ifaceRu[iface]}`;
        price = 2_800 + (multi ? 1_500 : 0) + (iface === "gsm" ? 2_500 : 800);
      } else if (type === "three_direct") {
        imax = r.pick([60, 80, 100]);
        accuracy = r.pick(["1/2", "0.5S/1"]);
        model = `СЭ3-${imax}-${iface === "rs485" ? "R" : iface === "plc" ? "P" : iface === "gsm" ? "G" : "F"}`;
        title = `Счётчик электроэнергии трёхфазный ${multi ? "многотарифный " : ""}${model} 5(${imax}) А, кл. ${accuracy === "1/2" ? "1/2" : "0,5S/1"}, ${ifaceRu[iface]}`;
        price = 7_000 + (multi ? 2_500 : 0) + (iface === "gsm" ? 3_500 : 1_200);
      } else {
        imax = 10;
        accuracy = r.pick(["0.5S/1", "0.2S/0.5"]);
        model = `СЭ3Т-${accuracy === "0.2S/0.5" ? "02" : "05"}-${iface === "rs485" ? "R" : iface === "plc" ? "P" : iface === "gsm" ? "G" : "F"}`;
        title = `Счётчик электроэнергии трёхфазный трансформаторного включения ${model} 5(10) А, кл. ${accuracy === "0.5S/1" ? "0,5S/1" : "0,2S/0,5"}, ${ifaceRu[iface]}`;
        price = 14_000 + (accuracy === "0.2S/0.5" ? 12_000 : 0) + (iface === "gsm" ? 4_000 : 1_500);
      }
      return {
        title,
        model,
        specs: { meter_type: type, accuracy, max_current_a: imax, interface: iface, multi_tariff: multi },
        priceRub: price,
        minOrderQty: r.pick([1, 1, 10, 20]),
        about: `Электронный счётчик активной и реактивной энергии для коммерческого учёта и интеллектуальных систем учёта (ИСУ).`,
        details: `Интерфейс ${ifaceRu[iface]}, ${multi ? "до 8 тарифов, " : ""}журнал событий и профиль мощности, межповерочный интервал 16 лет; внесён в Госреестр СИ.`,
      };
    },
  },
  "opory-lep": {
    weight: 1.2,
    lead: [10, 45],
    inStock: 0.4,
    onRequest: 0.04,
    warranty: 36,
    certs: ["GOST_R", "OTHER"],
    makers: ["Завод опор «Северо-Запад»", "Завод ЖБИ «Ладога»", "Завод металлоконструкций «Нева-Опора»"],
    make(r) {
      const kind = r.weighted(["stoyka", "vl10", "vli", "lattice", "polygonal", "composite"], [3, 2, 1, 1.5, 1.5, 0.5]);
      let title: string;
      let model: string;
      let type: string;
      let kv: number;
      let material: string;
      let height: number;
      let weight: number;
      let price: number;
      let unit: UnitCode = "pcs";
      switch (kind) {
        case "stoyka": {
          const [code, hh, w, v] = r.pick([
            ["СВ 95-2", 9.5, 0.75, 0.4],
            ["СВ 95-3", 9.5, 0.8, 0.4],
            ["СВ 105-3,6", 10.5, 1.2, 10],
            ["СВ 105-5", 10.5, 1.4, 10],
            ["СВ 110-3,5", 11, 1.15, 10],
            ["СВ 110-5", 11, 1.25, 10],
            ["СВ 164-12", 16.4, 3.1, 35],
            ["СВ 164-20", 16.4, 3.6, 35],
          ] as [string, number, number, number][]);
          model = code;
          title = `Стойка железобетонная вибрированная ${code}`;
          [type, kv, material, height, weight] = ["pole", v, "concrete", hh, w];
          price = 9_000 + w * 16_000;
          break;
        }
        case "vl10": {
          const code = r.pick(["П10-3", "П10-4", "А10-1", "УА10-1", "К10-1", "ОА10-1"]);
          const t = code.startsWith("УА")
            ? "angle"
            : code.startsWith("ОА")
              ? "anchor"
              : code[0] === "П"
                ? "intermediate"
                : code[0] === "А"
                  ? "anchor"
                  : "terminal";
          model = `${code}`;
          title = `Опора ВЛ 10 кВ ${t === "intermediate" ? "промежуточная" : t === "angle" ? "угловая анкерная" : t === "terminal" ? "концевая" : code.startsWith("ОА") ? "ответвительная анкерная" : "анкерная"} ${code} на стойках СВ`;
          [type, kv, material] = [t, 10, "concrete"];
          height = r.pick([11, 16.4]);
          weight = r1((t === "intermediate" ? 1.3 : 3.2) * (height / 11));
          price = 45_000 + weight * 38_000;
          unit = "set";
          break;
        }
        case "vli": {
          const code = r.pick(["П20-1", "П20-2", "А20-1", "УА20-1", "К20-1"]);
          const t = code.startsWith("УА")
            ? "angle"
            : code[0] === "П"
              ? "intermediate"
              : code[0] === "А"
                ? "anchor"
                : "terminal";
          model = code;
          title = `Опора ВЛИ 0,4 кВ ${t === "intermediate" ? "промежуточная" : t === "angle" ? "угловая анкерная" : t === "terminal" ? "концевая" : "анкерная"} ${code}`;
          [type, kv, material, height] = [t, 0.4, "concrete", 9.5];
          weight = t === "intermediate" ? 0.85 : 1.9;
          price = 28_000 + weight * 30_000;
          unit = "set";
          break;
        }
        case "lattice": {
          const [code, t, v, hh, w] = r.pick([
            ["П35-1", "intermediate", 35, 25, 3.8],
            ["У35-1", "angle", 35, 19, 6.1],
            ["П110-3", "intermediate", 110, 30, 5.6],
            ["П110-5", "intermediate", 110, 36, 7.9],
            ["У110-1", "angle", 110, 25, 9.4],
            ["У110-2", "angle", 110, 28, 13.2],
          ] as [string, string, number, number, number][]);
          model = code;
          title = `Опора металлическая решётчатая ${code} для ВЛ ${v} кВ`;
          [type, kv, material, height, weight] = [t, v, "lattice", hh, w];
          price = w * 235_000;
          unit = "set";
          break;
        }
        case "polygonal": {
          const [code, t, v, hh, w] = r.pick([
            ["ПМ10-1", "intermediate", 10, 14, 1.6],
            ["ПМ35-1", "intermediate", 35, 20, 3.1],
            ["УМ35-1", "angle", 35, 18, 5.4],
            ["ПМ110-1", "intermediate", 110, 28, 7.5],
            ["УМ110-1", "angle", 110, 26, 11.8],
          ] as [string, string, number, number, number][]);
          model = code;
          title = `Опора многогранная ${code} для ВЛ ${v} кВ`;
          [type, kv, material, height, weight] = [t, v, "polygonal", hh, w];
          price = w * 260_000 + 80_000;
          unit = "set";
          break;
        }
        default: {
          const t = r.pick(["intermediate", "anchor"]);
          model = `ОК-10-${t === "intermediate" ? "П" : "А"}`;
          title = `Опора композитная ${model} для ВЛЗ 10 кВ`;
          [type, kv, material, height] = [t, 10, "composite", r.pick([10, 11, 12])];
          weight = t === "intermediate" ? 0.16 : 0.28;
          price = t === "intermediate" ? 68_000 : 112_000;
        }
      }
      const matRu: Record<string, string> = {
        concrete: "железобетонная",
        lattice: "стальная решётчатая, горячее цинкование",
        polygonal: "стальная многогранная, горячее цинкование",
        composite: "из стеклопластика",
      };
      return {
        title,
        model,
        specs: { support_type: type, voltage_kv: kv, material, height_m: height, weight_t: weight },
        priceRub: price,
        unit,
        minOrderQty: kind === "stoyka" ? r.pick([1, 10, 20]) : 1,
        about: `Конструкция для воздушных линий электропередачи ${ru(kv)} кВ, ${matRu[material]}.`,
        details: `Высота ${ru(height)} м, масса ${ru(weight)} т${unit === "set" ? "; комплект с траверсами, оголовниками и узлами крепления" : ""}; изготовление по типовым проектам.`,
      };
    },
  },
  opn: {
    weight: 1,
    lead: [5, 30],
    inStock: 0.6,
    onRequest: 0.01,
    warranty: 60,
    certs: ["TR_EAEU"],
    makers: ["Изолятор-Нева", "Завод «Полимер-Изолятор»", "Завод «Ограничитель-Север»"],
    make(r) {
      const [nom, mcov] = r.pick([
        [0.4, 0.45],
        [3, 3.6],
        [6, 6.0],
        [6, 6.9],
        [6, 7.2],
        [10, 10.5],
        [10, 11.5],
        [10, 12.0],
        [10, 12.7],
        [20, 24],
        [35, 40.5],
        [35, 42],
        [110, 73],
        [110, 77],
        [110, 88],
      ] as [number, number][]);
      const ka = nom <= 0.4 ? 5 : nom <= 10 && r.chance(0.2) ? 5 : 10;
      const cls = nom >= 110 ? r.pick(["2", "3", "3", "4"]) : nom >= 35 ? r.pick(["2", "3"]) : r.pick(["1", "2", "2"]);
      const housing = nom >= 110 && r.chance(0.2) ? "porcelain" : "polymer";
      const climate = r.pick(["UHL1", "UHL1", "U1"]);
      const climRu: Record<string, string> = { UHL1: "УХЛ1", U1: "У1" };
      const model = `ОПН-${housing === "polymer" ? "П" : "Ф"}-${ru(nom)}/${ru(mcov)}/${ka}/${cls} ${climRu[climate]}`;
      const price =
        nom <= 0.4
          ? 900
          : nom <= 10
            ? 2_500 + mcov * 150
            : nom <= 20
              ? 9_000
              : nom <= 35
                ? 16_000 + mcov * 150
                : 95_000 + (Number(cls) - 2) * 35_000;
      return {
        title: `Ограничитель перенапряжений ${model}`,
        model,
        specs: {
          nominal_kv: nom,
          mcov_kv: mcov,
          discharge_ka: ka,
          line_class: cls,
          housing,
          climate,
        },
        priceRub: price * (housing === "porcelain" ? 1.4 : 1),
        minOrderQty: 3,
        about: `Нелинейный ограничитель перенапряжений на основе оксидно-цинковых варисторов для защиты оборудования сетей ${ru(nom)} кВ.`,
        details: `Наибольшее длительно допустимое рабочее напряжение ${ru(mcov)} кВ, номинальный разрядный ток ${ka} кА, класс пропускной способности ${cls}; ${housing === "polymer" ? "полимерная" : "фарфоровая"} покрышка. Продаётся комплектом на три фазы.`,
      };
    },
  },

  kdm: {
    weight: 1,
    lead: [20, 60],
    inStock: 0.2,
    onRequest: 0.05,
    warranty: 12,
    certs: ["TR_TS", "TR_EAEU"],
    makers: ["Пулковский завод коммунальных машин", "Завод «Коммаш-Север»", "Ладожский завод спецтехники"],
    make(r) {
      const [code, chassis, hopper, tank, gvw, wheel] = r.pick([
        ["КО-829Б1", "КАМАЗ-65115", 8, 10, 25, "6x4"],
        ["КО-829А", "КАМАЗ-43253", 6, 6, 15, "4x2"],
        ["ЭД-244КМ", "КАМАЗ-43253", 5.6, 6, 15.5, "4x2"],
        ["МД-433-03", "МАЗ-5340С2", 6.5, 7, 18, "4x2"],
        ["КДМ-6520", "КАМАЗ-6520", 10, 12, 33, "6x4"],
        ["КДМ-43118", "КАМАЗ-43118", 6, 6, 20.7, "6x6"],
        ["КДМ-4320", "Урал-4320", 6, 6, 20, "6x6"],
        ["КДМ-С41", "ГАЗ-C41R13", 2.5, 3, 8.7, "4x2"],
      ] as [string, string, number, number, number, string][]);
      const plough = r.chance(0.85);
      return {
        title: `Комбинированная дорожная машина ${code} на шасси ${chassis}`,
        model: code,
        specs: {
          chassis: chassisCode(chassis),
          hopper_m3: hopper,
          water_tank_m3: tank,
          gvw_t: gvw,
          wheel_formula: wheel,
          front_plough: plough,
        },
        priceRub: 3_200_000 + gvw * 330_000,
        about: `Комбинированная дорожная машина на шасси ${chassis} для круглогодичного содержания городских улиц и автодорог.`,
        details: `Пескоразбрасывающее оборудование с бункером ${ru(hopper)} м³, поливомоечная цистерна ${ru(tank)} м³${plough ? ", передний поворотный отвал и средняя щётка" : ""}; колёсная формула ${wheel.replace("x", "×")}.`,
      };
    },
  },
  "snegouborochnaya-tehnika": {
    weight: 1,
    lead: [15, 60],
    inStock: 0.25,
    onRequest: 0.05,
    warranty: 12,
    certs: ["TR_TS", "TR_EAEU"],
    makers: ["Пулковский завод коммунальных машин", "Завод «Снегоочиститель»", "Ладожский завод спецтехники"],
    make(r) {
      const type = r.pick(["rotary", "loader", "attachment", "plough"]);
      const specs: Specs = { machine_type: type };
      let title: string;
      let model: string;
      let price: number;
      let about: string;
      if (type === "rotary") {
        const [code, ch, cap, w, kw] = r.pick([
          ["ДЭ-226", "КАМАЗ-43118", 1200, 2800, 240],
          ["ДЭ-210", "МАЗ-5337", 1000, 2500, 176],
          ["СШР-3000", "Урал-4320", 2500, 3000, 330],
          ["СШР-2200С", "self", 600, 2200, 110],
        ] as [string, string, number, number, number][]);
        model = code;
        title =
          ch === "self"
            ? `Снегоочиститель шнекороторный самоходный ${code}`
            : `Снегоочиститель шнекороторный ${code} на шасси ${ch}`;
        Object.assign(specs, {
          capacity_th: cap,
          width_mm: w,
          engine_kw: kw,
          chassis: ch === "self" ? "self" : chassisCode(ch),
        });
        price = 4_500_000 + cap * 9_000;
        about = `Шнекороторный снегоочиститель производительностью до ${grp(cap)} т/ч для расчистки дорог, аэродромов и погрузки снега в самосвалы.`;
      } else if (type === "loader") {
        const [code, cap, w, kw] = r.pick([
          ["КО-206АН", 300, 3500, 44],
          ["СПЛ-400", 400, 3200, 60],
          ["СПЛ-600", 600, 3600, 81],
        ] as [string, number, number, number][]);
        model = code;
        title = `Снегопогрузчик лаповый ${code}`;
        Object.assign(specs, { capacity_th: cap, width_mm: w, engine_kw: kw, chassis: "self" });
        price = 3_600_000 + cap * 6_000;
        about = `Лаповый снегопогрузчик производительностью ${cap} т/ч для погрузки снега из валов в самосвалы.`;
      } else if (type === "attachment") {
        const w = r.pick([2000, 2300, 2600]);
        model = `ФРС-${ru(w / 1000)}`;
        title = `Фреза снегоочистительная навесная ${model} для тракторов МТЗ`;
        Object.assign(specs, { capacity_th: Math.round(w / 8), width_mm: w, engine_kw: 60, chassis: "tractor" });
        price = 280_000 + w * 130;
        about = `Навесная двухступенчатая снегоочистительная фреза с приводом от ВОМ трактора класса 1,4.`;
      } else {
        const w = r.pick([2500, 3000, 3400]);
        const truck = r.chance(0.5);
        model = `ОКП-${ru(w / 1000)}`;
        title = `Отвал коммунальный поворотный ${model}${truck ? " для грузовых шасси" : " для тракторов МТЗ"}`;
        Object.assign(specs, { width_mm: w, chassis: truck ? "kamaz" : "tractor" });
        price = truck ? 320_000 + w * 40 : 150_000 + w * 35;
        about = `Поворотный коммунальный отвал с гидравлическим управлением и резиновым ножом для уборки снега с проезжей части и тротуаров.`;
      }
      return {
        title,
        model,
        specs,
        priceRub: price,
        about,
        details: `Ширина захвата ${grp(Number(specs.width_mm))} мм${specs.engine_kw ? `, мощность двигателя ${specs.engine_kw} кВт` : ""}; обучение операторов и гарантийное обслуживание.`,
      };
    },
  },
  "podmetalno-uborochnye-mashiny": {
    weight: 0.8,
    lead: [20, 60],
    inStock: 0.2,
    onRequest: 0.05,
    warranty: 12,
    certs: ["TR_TS", "TR_EAEU"],
    makers: ["Пулковский завод коммунальных машин", "Завод «Коммаш-Север»"],
    make(r) {
      const [code, chassis, type, w, hopper, tank, prod] = r.pick([
        ["КО-318Д", "КАМАЗ-53605", "combined", 2800, 7.5, 6, 60000],
        ["КО-326", "ГАЗ-C41R13", "vacuum", 2500, 3.5, 1.1, 30000],
        ["МВП-6", "МАЗ-5340С2", "vacuum", 3000, 6, 3.5, 50000],
        ["ПУМ-6520", "КАМАЗ-6520", "combined", 3200, 9, 5, 70000],
        ["МПУ-2,0", "self", "vacuum", 2000, 2, 0.4, 15000],
        ["МПУ-1,2", "self", "mechanical", 1200, 1.2, 0.2, 8000],
      ] as [string, string, string, number, number, number, number][]);
      const typeRu: Record<string, string> = {
        vacuum: "вакуумная",
        mechanical: "механическая",
        combined: "вакуумно-механическая",
      };
      return {
        title:
          chassis === "self"
            ? `Компактная подметально-уборочная машина ${code}`
            : `Машина ${typeRu[type]} подметально-уборочная ${code} на шасси ${chassis}`,
        model: code,
        specs: {
          sweeper_type: type,
          chassis: chassis === "self" ? "self" : chassisCode(chassis),
          width_mm: w,
          hopper_m3: hopper,
          water_tank_m3: tank,
          productivity_m2h: prod,
        },
        priceRub: chassis === "self" ? 2_800_000 + hopper * 700_000 : 5_500_000 + hopper * 950_000,
        about: `${typeRu[type][0].toUpperCase()}${typeRu[type].slice(1)} подметально-уборочная машина для уборки проезжей части, тротуаров и площадей.`,
        details: `Ширина подметания ${grp(w)} мм, бункер ${ru(hopper)} м³, бак для воды ${ru(tank)} м³ (пылеподавление), производительность до ${grp(prod)} м²/ч.`,
      };
    },
  },
  musorovozy: {
    weight: 1,
    lead: [20, 60],
    inStock: 0.2,
    onRequest: 0.04,
    warranty: 12,
    certs: ["TR_TS", "TR_EAEU"],
    makers: ["Экомаш-СПб", "Пулковский завод коммунальных машин", "Завод «Коммаш-Север»"],
    make(r) {
      const [code, loading, chassis, body, compaction, payload] = r.pick([
        ["КО-427-72", "rear", "КАМАЗ-43253", 18, 6, 6.5],
        ["КО-456-10", "rear", "КАМАЗ-65115", 22, 6, 10],
        ["МК-4552-06", "rear", "МАЗ-5340С2", 19, 5.5, 8],
        ["КО-440-7", "side", "КАМАЗ-53605", 22, 3, 9],
        ["КО-449-41", "side", "ГАЗ-C41R13", 8, 2.5, 3],
        ["КО-450", "skip", "ГАЗ-C41R13", 8, 1, 4],
        ["МКМ-4503", "hook", "КАМАЗ-65115", 30, 1, 15],
      ] as [string, string, string, number, number, number][]);
      const loadRu: Record<string, string> = {
        rear: "Мусоровоз с задней загрузкой",
        side: "Мусоровоз с боковой загрузкой",
        skip: "Бункеровоз портальный",
        hook: "Мультилифт (контейнеровоз с крюковым захватом)",
      };
      const specs: Specs = { loading, body_m3: body, chassis: chassisCode(chassis), payload_t: payload };
      if (compaction > 1) specs.compaction = compaction;
      return {
        title: `${loadRu[loading]} ${code} на шасси ${chassis}`,
        model: code,
        specs,
        priceRub: 3_800_000 + body * 300_000,
        about: `${loadRu[loading]} на шасси ${chassis} для сбора и вывоза твёрдых коммунальных отходов.`,
        details:
          compaction > 1
            ? `Объём кузова ${body} м³, коэффициент уплотнения до ${ru(compaction)}, грузоподъёмность ${ru(payload)} т; захват для евроконтейнеров 120–1100 л.`
            : `${loading === "hook" ? "Контейнеры объёмом до" : "Бункер объёмом"} ${body} м³, грузоподъёмность ${ru(payload)} т; гидравлика с управлением из кабины.`,
      };
    },
  },
  assenizatory: {
    weight: 0.8,
    lead: [20, 60],
    inStock: 0.2,
    onRequest: 0.04,
    warranty: 12,
    certs: ["TR_TS", "TR_EAEU"],
    makers: ["Экомаш-СПб", "Завод «Коммаш-Север»", "Ладожский завод спецтехники"],
    make(r) {
      const [code, chassis, tank, pump, depth, jetting] = r.pick([
        ["КО-503В-2", "ГАЗ-3309", 3.75, "rotary_vane", 4, false],
        ["КО-505А", "КАМАЗ-43253", 10, "rotary_vane", 5, false],
        ["МВ-10", "КАМАЗ-65115", 10, "water_ring", 6, false],
        ["МВ-6", "МАЗ-5340С2", 6, "rotary_vane", 5, false],
        ["КО-564", "КАМАЗ-65115", 10, "roots", 8, true],
        ["КО-560", "КАМАЗ-43118", 8, "rotary_vane", 6, true],
      ] as [string, string, number, string, number, boolean][]);
      return {
        title: jetting
          ? `Машина комбинированная каналопромывочная ${code} на шасси ${chassis}`
          : `Машина вакуумная ассенизационная ${code} на шасси ${chassis}`,
        model: code,
        specs: { tank_m3: tank, chassis: chassisCode(chassis), pump, suction_depth_m: depth, jetting },
        priceRub: (2_600_000 + tank * 420_000) * (jetting ? 1.6 : 1),
        about: jetting
          ? `Комбинированная машина для гидродинамической прочистки канализационных сетей и откачки осадка.`
          : `Вакуумная машина для откачки и транспортировки жидких бытовых отходов, ила и технических жидкостей.`,
        details: `Цистерна ${ru(tank)} м³, ${pump === "roots" ? "воздуходувка Рутса" : pump === "water_ring" ? "водокольцевой насос" : "пластинчато-роторный вакуумный насос"}, глубина всасывания до ${depth} м.`,
      };
    },
  },
  vodoochistka: {
    weight: 1.2,
    lead: [20, 90],
    inStock: 0.15,
    onRequest: 0.1,
    warranty: 24,
    certs: ["TR_EAEU", "OTHER"],
    makers: ["Невские очистные технологии", "Завод «Аквафильтр-Север»", "Завод «Водмашоборудование»"],
    make(r) {
      const process = r.pick(["uv", "iron_removal", "ro", "uf", "bio", "storm", "filtration"]);
      let title: string;
      let model: string;
      let cap: number;
      let water: string;
      let execution: string;
      let power: number;
      let price: number;
      switch (process) {
        case "uv":
          cap = r.pick([5, 10, 25, 50, 100, 200, 400, 800]);
          model = `УФО-${cap}`;
          water = r.pick(["drinking", "drinking", "sewage"]);
          title = `Установка УФ-обеззараживания ${water === "sewage" ? "сточных вод" : "питьевой воды"} ${model}`;
          execution = "frame";
          power = r2(Math.max(0.05, cap * 0.012));
          price = 180_000 + cap * 2_800;
          break;
        case "iron_removal":
          cap = r.pick([1, 2.5, 5, 10, 20, 50, 100]);
          model = `СОЖ-${ru(cap)}`;
          water = "drinking";
          title = `Станция обезжелезивания воды ${model}, ${ru(cap)} м³/ч`;
          execution = cap >= 10 ? "container" : "frame";
          power = r2(0.5 + cap * 0.05);
          price = 250_000 + cap * 45_000;
          break;
        case "ro":
          cap = r.pick([0.5, 1, 2, 5, 10, 20]);
          model = `ОСМ-${ru(cap)}`;
          water = r.pick(["drinking", "process"]);
          title = `Установка обратного осмоса ${model}, ${ru(cap)} м³/ч`;
          execution = "frame";
          power = r2(cap * 1.5);
          price = 350_000 + cap * 420_000;
          break;
        case "uf":
          cap = r.pick([5, 10, 25, 50, 100]);
          model = `УФС-${cap}`;
          water = "drinking";
          title = `Станция ультрафильтрации ${model}, ${cap} м³/ч`;
          execution = "container";
          power = r2(1 + cap * 0.08);
          price = 1_200_000 + cap * 60_000;
          break;
        case "bio": {
          const perDay = r.pick([25, 50, 100, 200, 500, 1000]);
          cap = r2(perDay / 24);
          model = `БОС-${perDay}`;
          water = "sewage";
          title = `Станция биологической очистки хозбытовых стоков ${model}, ${grp(perDay)} м³/сут`;
          execution = r.pick(["underground", "container"]);
          power = r2(1 + perDay * 0.04);
          price = 1_800_000 + perDay * 18_000;
          break;
        }
        case "storm": {
          const lps = r.pick([5, 10, 20, 30, 50, 100]);
          cap = lps * 3.6;
          model = `ЛОС-Л-${lps}`;
          water = "storm";
          title = `Локальные очистные сооружения ливневых стоков ${model}, ${lps} л/с`;
          execution = "underground";
          power = r2(0.2 + lps * 0.02);
          price = 900_000 + lps * 65_000;
          break;
        }
        default:
          cap = r.pick([5, 10, 20, 40, 60, 100]);
          model = `ФМН-${cap}`;
          water = r.pick(["drinking", "process"]);
          title = `Фильтр механической очистки напорный ${model}, ${cap} м³/ч`;
          execution = "frame";
          power = r2(0.1 + cap * 0.01);
          price = 120_000 + cap * 9_000;
      }
      const exRu: Record<string, string> = {
        frame: "на раме",
        container: "в блочно-модульном контейнере",
        underground: "в подземных стеклопластиковых ёмкостях",
      };
      return {
        title,
        model,
        specs: { process, capacity_m3h: cap, water, execution, power_kw: power },
        priceRub: price,
        unit: process === "bio" || process === "storm" ? "set" : "pcs",
        about: `Оборудование водоподготовки и очистки производительностью ${ru(cap)} м³/ч в исполнении ${exRu[execution]}.`,
        details: `Потребляемая мощность ${ru(power)} кВт, автоматическое управление с выводом сигналов в диспетчерскую; проект, шеф-монтаж и пусконаладка по запросу.`,
      };
    },
  },
  kns: {
    weight: 1,
    lead: [30, 75],
    inStock: 0.05,
    onRequest: 0.08,
    warranty: 24,
    certs: ["TR_EAEU", "OTHER"],
    makers: ["Невские очистные технологии", "Колпинский насосный завод", "Завод «Стеклопластик-Нева»"],
    make(r) {
      const q = r.pick([10, 20, 40, 60, 100, 150, 250, 400, 600, 1000, 1500, 2500]);
      const h = r.pick([8, 12, 15, 20, 25, 30, 40, 50]);
      const pumps = q < 100 ? 2 : q < 600 ? 3 : 4;
      const kw = stdMotor(((q / (pumps - 1)) * h * 9.81) / 3600 / 0.6);
      const d = q < 40 ? r.pick([1200, 1600]) : q < 150 ? 2000 : q < 600 ? r.pick([2400, 3000]) : r.pick([3600, 4500]);
      const material = d <= 3000 ? r.pick(["grp", "grp", "pe"]) : r.pick(["grp", "concrete", "steel"]);
      const depth = r.pick([4, 5, 6, 7, 8]);
      const matRu: Record<string, string> = {
        grp: "стеклопластиковом",
        pe: "полиэтиленовом",
        concrete: "железобетонном",
        steel: "стальном",
      };
      const model = `КНС ${q}-${h}`;
      return {
        title: `Канализационная насосная станция ${model} в ${matRu[material]} корпусе Ø${d}, глубина ${depth} м`,
        model: `${model}-${d}`,
        specs: { flow_m3h: q, head_m: h, pumps, pump_power_kw: kw, body_diameter_mm: d, body_material: material },
        priceRub: 750_000 + d * 450 + depth * 120_000 + pumps * (80_000 + kw * 9_000),
        about: `Комплектная канализационная насосная станция производительностью ${grp(q)} м³/ч для перекачки хозяйственно-бытовых и ливневых стоков.`,
        details: `${pumps} погружных насоса по ${ru(kw)} кВт (${pumps - 1} рабочих + 1 резервный), напор ${h} м, корзина-мусороуловитель, шкаф управления с GSM-модемом.`,
      };
    },
  },
};

// ─── certificates ─────────────────────────────────────────────────────────

const CERT_BODIES = ["АЯ46", "МЕ77", "НА36", "АГ17", "ЖТ02", "ПБ05", "НВ61", "ВЯ01", "АД37", "МН14"];
const DAY = 86_400_000;

function makeCertificate(r: Rng, kind: CertificateKindCode, id: string): CertificateSeed {
  const body = r.pick(CERT_BODIES);
  const serial = String(r.int(1, 99999)).padStart(5, "0");
  let issuedAt: Date;
  let expiresAt: Date | null;
  let number: string;
  switch (kind) {
    case "TR_EAEU": {
      issuedAt = new Date(Date.UTC(2021, 11, 1) + r.int(0, 1760) * DAY);
      expiresAt = new Date(issuedAt.getTime() + 5 * 365 * DAY);
      const yy = String(issuedAt.getUTCFullYear()).slice(2);
      number = r.chance(0.6) ? `ЕАЭС RU С-RU.${body}.В.${serial}/${yy}` : `ЕАЭС N RU Д-RU.РА01.В.${serial}/${yy}`;
      break;
    }
    case "TR_TS":
      issuedAt = new Date(Date.UTC(2021, 2, 1) + r.int(0, 364) * DAY);
      expiresAt = new Date(issuedAt.getTime() + 5 * 365 * DAY);
      number = `ТС RU С-RU.${body}.В.${serial}`;
      break;
    case "GOST_R":
      issuedAt = new Date(Date.UTC(2023, 5, 1) + r.int(0, 1180) * DAY);
      expiresAt = new Date(issuedAt.getTime() + 3 * 365 * DAY);
      number = `РОСС RU.${body}.Н${serial}`;
      break;
    default:
      issuedAt = new Date(Date.UTC(2022, 0, 10) + r.int(0, 1400) * DAY);
      expiresAt = r.chance(0.5) ? new Date(issuedAt.getTime() + 3 * 365 * DAY) : null;
      number = `СДС.ЭС.${body}.${serial}-${String(issuedAt.getUTCFullYear()).slice(2)}`;
  }
  return { id, kind, number, issuedAt, expiresAt };
}

// ─── the generator ────────────────────────────────────────────────────────

function brandOf(shortName: string): string {
  const start = shortName.indexOf("«");
  const end = shortName.lastIndexOf("»");
  return start >= 0 && end > start ? shortName.slice(start + 1, end) : shortName;
}

function productId(seed: number, index: number): string {
  const s = (seed >>> 0).toString(36).padStart(6, "0").slice(-6);
  const i = index.toString(36).padStart(8, "0");
  const h = mix32(seed, index).toString(36).padStart(7, "0").slice(0, 7);
  return `cp${s}${i}${h}`; // 2 + 6 + 8 + 7 = 23 chars, lowercase alphanumerics, cuid-compatible
}

/** Prefix of every generated product id for this seed (use with LIKE 'prefix%' to find a seed's products). */
export function productIdPrefix(seed: number): string {
  return `cp${(seed >>> 0).toString(36).padStart(6, "0").slice(-6)}`;
}

interface Prepared {
  seed: number;
  leaves: CategorySeed[];
  leafWeights: number[];
  eligible: Map<string, SupplierSeed[]>;
  eligibleWeights: Map<string, number[]>;
  suppliers: SupplierSeed[];
  supplierLeaves: Map<string, CategorySeed[]>;
  seed36: string;
}

function prepare(opts: GenerateProductsOptions): Prepared {
  const seed = opts.seed ?? DEFAULT_PRODUCT_SEED;
  const categories = opts.categories ?? CATEGORIES;
  const allSuppliers = [...(opts.suppliers ?? SUPPLIERS)];
  const eligible = new Map<string, SupplierSeed[]>();
  const eligibleWeights = new Map<string, number[]>();
  const leaves: CategorySeed[] = [];
  for (const c of categories) {
    if (c.parentSlug === null || !TEMPLATES[c.slug]) continue;
    const list = allSuppliers.filter(
      (s) => s.sectors.includes(c.sector) && (s.specialties === null || s.specialties.includes(c.slug)),
    );
    if (list.length === 0) continue;
    leaves.push(c);
    eligible.set(c.slug, list);
    eligibleWeights.set(
      c.slug,
      list.map((s) => (s.specialties === null ? 1 : 2.5 / Math.sqrt(s.specialties.length))),
    );
  }
  if (leaves.length === 0) throw new Error("generateProducts: no category has an eligible supplier");
  const suppliers = allSuppliers.filter((s) => leaves.some((c) => eligible.get(c.slug)!.includes(s)));
  const supplierLeaves = new Map(
    suppliers.map((s) => [s.slug, leaves.filter((c) => eligible.get(c.slug)!.includes(s))]),
  );
  return {
    seed,
    leaves,
    leafWeights: leaves.map((c) => TEMPLATES[c.slug].weight),
    eligible,
    eligibleWeights,
    suppliers,
    supplierLeaves,
    seed36: (seed >>> 0).toString(36),
  };
}

function generateOne(p: Prepared, index: number): ProductSeed {
  const r = new Rng(mix32(p.seed, index));
  // the first products cover every category, then every supplier, so small catalogs are complete
  let category: CategorySeed;
  let supplier: SupplierSeed;
  if (index < p.leaves.length) {
    category = p.leaves[index];
    supplier = r.weighted(p.eligible.get(category.slug)!, p.eligibleWeights.get(category.slug)!);
  } else if (index < p.leaves.length + p.suppliers.length) {
    supplier = p.suppliers[index - p.leaves.length];
    category = r.pick(p.supplierLeaves.get(supplier.slug)!);
  } else {
    category = r.weighted(p.leaves, p.leafWeights);
    supplier = r.weighted(p.eligible.get(category.slug)!, p.eligibleWeights.get(category.slug)!);
  }
  const t = TEMPLATES[category.slug];
  const v = t.make(r);

  const manufacturer = supplier.isManufacturer ? brandOf(supplier.shortName) : r.pick(t.makers);
  const unit = v.unit ?? "pcs";

  // price
  let priceKopecks: bigint | null = null;
  if (v.priceRub !== null && !r.chance(0.025 + t.onRequest)) {
    const rub = v.priceRub * supplier.priceFactor * r.float(0.95, 1.06);
    const rounded =
      rub >= 100_000
        ? Math.round(rub / 100) * 100
        : rub >= 1_000
          ? Math.round(rub / 10) * 10
          : Math.round(rub * 100) / 100;
    priceKopecks = BigInt(Math.round(rounded * 100));
  }
  const vatRate: VatRateCode = !supplier.vatPayer
    ? "NO_VAT"
    : r.weighted(["VAT22", "VAT10", "VAT0"] as VatRateCode[], [96, 3, 1]);

  // availability
  const stockRoll = r.next();
  const stockStatus: StockStatusCode =
    stockRoll < t.inStock ? "IN_STOCK" : stockRoll < t.inStock + 0.05 ? "OUT_OF_STOCK" : "TO_ORDER";
  const leadTimeDays =
    stockStatus === "IN_STOCK"
      ? r.int(1, 5)
      : r.chance(0.04)
        ? null
        : Math.round(r.int(t.lead[0], t.lead[1]) / (t.lead[1] > 60 ? 5 : 1)) * (t.lead[1] > 60 ? 5 : 1);

  const statusRoll = r.next();
  const status: ProductStatusCode = statusRoll < 0.035 ? "DRAFT" : statusRoll < 0.055 ? "ARCHIVED" : "PUBLISHED";
  const publishedAt =
    status === "DRAFT" ? null : new Date(REFERENCE_DATE.getTime() - r.int(1, 120) * DAY - r.int(0, 86_399) * 1000);

  // certificates
  const certificates: CertificateSeed[] = [];
  const certCount = r.weighted([0, 1, 2], [2, 6, 2]);
  const id = productId(p.seed, index);
  for (let k = 0; k < certCount && k < t.certs.length; k++) {
    let kind = t.certs[k];
    if (kind === "TR_TS" && r.chance(0.5)) kind = "TR_EAEU";
    certificates.push(makeCertificate(r, kind, `${id}${k}`));
  }

  const third = supplier.isManufacturer
    ? `Изготовлено на собственном производстве ${manufacturer} в Санкт-Петербурге; гарантия ${t.warranty} мес., паспорт и сертификаты в комплекте.`
    : `Поставка оборудования производства ${manufacturer} со склада в Санкт-Петербурге или под заказ; гарантия производителя ${t.warranty} мес.`;

  const suffix = `${p.seed36}-${index.toString(36)}`;
  return {
    id,
    supplierSlug: supplier.slug,
    categorySlug: category.slug,
    sector: category.sector,
    slug: `${slugify(v.title, 72)}-${suffix}`,
    // the supplier's article: the model and a running catalogue number (unique per seed, like a real price list)
    sku: `${v.model}-${String(index + 1).padStart(5, "0")}`,
    title: v.title,
    manufacturer,
    description: `${v.about} ${v.details} ${third}`,
    specs: v.specs,
    priceKopecks,
    vatRate,
    unit,
    minOrderQty: v.minOrderQty ?? 1,
    leadTimeDays,
    stockStatus,
    status,
    publishedAt,
    certificates,
  };
}

/** Lazily yields `count` products (indices offset … offset+count−1) — constant memory, for 1M+ catalogs. */
export function* productStream(opts: GenerateProductsOptions): Generator<ProductSeed, void, undefined> {
  const p = prepare(opts);
  const start = opts.offset ?? 0;
  for (let i = start; i < start + opts.count; i++) yield generateOne(p, i);
}

/** Yields products in arrays of `batchSize` (for chunked inserts). */
export function* productBatches(
  opts: GenerateProductsOptions,
  batchSize = 2000,
): Generator<ProductSeed[], void, undefined> {
  let batch: ProductSeed[] = [];
  for (const product of productStream(opts)) {
    batch.push(product);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Generates `count` products deterministically for `seed` (default 2026). */
export function generateProducts(opts: GenerateProductsOptions): ProductSeed[] {
  const p = prepare(opts);
  const start = opts.offset ?? 0;
  const out = new Array<ProductSeed>(opts.count);
  for (let i = 0; i < opts.count; i++) out[i] = generateOne(p, start + i);
  return out;
}

/** Leaf category slugs that have a product template. */
export const TEMPLATE_CATEGORY_SLUGS = Object.keys(TEMPLATES);
