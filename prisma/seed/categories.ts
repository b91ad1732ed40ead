/**
 * The catalog's category tree: four sectors (root categories) and their leaf categories with typed specification
 * attributes. Pure data — used by the demo seed, the bulk generator and tests.
 */

export type SectorCode = "HEAT_POWER" | "HYDRO_POWER" | "GRID" | "MUNICIPAL";
export type AttributeTypeCode = "NUMBER" | "ENUM" | "BOOLEAN" | "TEXT";

export interface AttributeOption {
  value: string;
  ru: string;
  en: string;
}

export interface AttributeSeed {
  code: string;
  nameRu: string;
  nameEn: string;
  type: AttributeTypeCode;
  /** Unit of a NUMBER attribute: kW, kVA, kV, A, kA, m³/h, m³/s, MPa, t, mm, m, m², °C, Gcal/h, MW, %, rpm, Pa, … */
  unit?: string;
  /** ENUM options (stored as CategoryAttribute.options) */
  options?: AttributeOption[];
  filterable: boolean;
  required: boolean;
  /** NUMBER plausibility range (for generators and validation; not stored) */
  min?: number;
  max?: number;
}

export interface CategorySeed {
  slug: string;
  sector: SectorCode;
  /** null for the sector root */
  parentSlug: string | null;
  nameRu: string;
  nameEn: string;
  descriptionRu: string;
  descriptionEn: string;
  position: number;
  attributes: AttributeSeed[];
}

export const SECTORS: { code: SectorCode; slug: string; nameRu: string; nameEn: string }[] = [
  { code: "HEAT_POWER", slug: "teploenergetika", nameRu: "Теплоэнергетика", nameEn: "Heat power" },
  { code: "HYDRO_POWER", slug: "gidroenergetika", nameRu: "Гидроэнергетика", nameEn: "Hydropower" },
  { code: "GRID", slug: "elektrosetevoe-hozyaystvo", nameRu: "Электросетевое хозяйство", nameEn: "Electric grid" },
  { code: "MUNICIPAL", slug: "kommunalnaya-tehnika", nameRu: "Коммунальная техника", nameEn: "Municipal equipment" },
];

// ─── attribute helpers ─────────────────────────────────────────────────────

type Opt = [value: string, ru: string, en: string];

function num(
  code: string,
  nameRu: string,
  nameEn: string,
  unit: string | undefined,
  min: number,
  max: number,
  flags: { filterable?: boolean; required?: boolean } = {},
): AttributeSeed {
  return {
    code,
    nameRu,
    nameEn,
    type: "NUMBER",
    unit,
    min,
    max,
    filterable: flags.filterable ?? true,
    required: flags.required ?? false,
  };
}

function en(
  code: string,
  nameRu: string,
  nameEn: string,
  options: Opt[],
  flags: { filterable?: boolean; required?: boolean } = {},
): AttributeSeed {
  return {
    code,
    nameRu,
    nameEn,
    type: "ENUM",
    options: options.map(([value, ru, en]) => ({ value, ru, en })),
    filterable: flags.filterable ?? true,
    required: flags.required ?? false,
  };
}

function bool(code: string, nameRu: string, nameEn: string, filterable = true): AttributeSeed {
  return { code, nameRu, nameEn, type: "BOOLEAN", filterable, required: false };
}

function text(code: string, nameRu: string, nameEn: string): AttributeSeed {
  return { code, nameRu, nameEn, type: "TEXT", filterable: false, required: false };
}

const R = { required: true };

// shared option sets
const FUEL_BOILER: Opt[] = [
  ["gas", "Природный газ", "Natural gas"],
  ["gas_oil", "Газ / мазут", "Gas / fuel oil"],
  ["gas_diesel", "Газ / дизельное топливо", "Gas / diesel"],
  ["coal", "Каменный уголь", "Coal"],
  ["biomass", "Древесное топливо, пеллеты", "Wood fuel, pellets"],
];
const CLIMATE: Opt[] = [
  ["U1", "У1", "U1 (temperate, outdoor)"],
  ["UHL1", "УХЛ1", "UHL1 (cold, outdoor)"],
  ["U3", "У3", "U3 (temperate, indoor)"],
  ["UHL3", "УХЛ3", "UHL3 (cold, indoor)"],
  ["UHL4", "УХЛ4", "UHL4 (heated indoor)"],
  ["T1", "Т1", "T1 (tropical, outdoor)"],
];
const CHASSIS: Opt[] = [
  ["kamaz", "КАМАЗ", "KAMAZ"],
  ["maz", "МАЗ", "MAZ"],
  ["gaz", "ГАЗ", "GAZ"],
  ["ural", "Урал", "Ural"],
  ["self", "Самоходное шасси", "Self-propelled"],
  ["tractor", "Трактор МТЗ", "MTZ tractor"],
];
const TURBINE_TYPE: Opt[] = [
  ["francis", "Радиально-осевая (РО)", "Francis"],
  ["kaplan", "Поворотно-лопастная (ПЛ)", "Kaplan"],
  ["propeller", "Пропеллерная (Пр)", "Propeller"],
  ["pelton", "Ковшовая (К)", "Pelton"],
  ["diagonal", "Диагональная (Д)", "Diagonal (Deriaz)"],
];
const PROTOCOL: Opt[] = [
  ["iec61850", "МЭК 61850", "IEC 61850"],
  ["iec104", "МЭК 60870-5-104", "IEC 60870-5-104"],
  ["iec103", "МЭК 60870-5-103", "IEC 60870-5-103"],
  ["modbus", "Modbus RTU/TCP", "Modbus RTU/TCP"],
];

function sector(code: SectorCode, position: number, descriptionRu: string, descriptionEn: string): CategorySeed {
  const s = SECTORS.find((x) => x.code === code)!;
  return {
    slug: s.slug,
    sector: code,
    parentSlug: null,
    nameRu: s.nameRu,
    nameEn: s.nameEn,
    descriptionRu,
    descriptionEn,
    position,
    attributes: [],
  };
}

function leaf(
  sectorCode: SectorCode,
  position: number,
  slug: string,
  nameRu: string,
  nameEn: string,
  descriptionRu: string,
  descriptionEn: string,
  attributes: AttributeSeed[],
): CategorySeed {
  const parent = SECTORS.find((x) => x.code === sectorCode)!;
  return {
    slug,
    sector: sectorCode,
    parentSlug: parent.slug,
    nameRu,
    nameEn,
    descriptionRu,
    descriptionEn,
    position,
    attributes,
  };
}

// ─── the tree ──────────────────────────────────────────────────────────────

export const CATEGORIES: CategorySeed[] = [
  sector(
    "HEAT_POWER",
    0,
    "Оборудование котельных, тепловых пунктов и тепловых сетей: котлы, горелки, насосы, теплообменники, трубы и арматура.",
    "Equipment for boiler houses, heat substations and district heating networks.",
  ),
  leaf(
    "HEAT_POWER",
    0,
    "kotly-vodogreynye",
    "Котлы водогрейные",
    "Hot-water boilers",
    "Водогрейные котлы для отопительных и промышленных котельных: газовые, газомазутные, твердотопливные.",
    "Hot-water boilers for heating and industrial boiler houses: gas, gas/oil and solid fuel.",
    [
      num("heat_output_mw", "Теплопроизводительность", "Heat output", "MW", 0.1, 60, R),
      en("fuel", "Вид топлива", "Fuel", FUEL_BOILER, R),
      num("efficiency_pct", "КПД", "Efficiency", "%", 70, 99),
      num("working_pressure_mpa", "Рабочее давление воды", "Working water pressure", "MPa", 0.3, 2.5),
      num("outlet_temp_c", "Температура воды на выходе", "Outlet water temperature", "°C", 70, 200),
      en("design", "Конструкция", "Design", [
        ["firetube", "Жаротрубный", "Fire-tube"],
        ["watertube", "Водотрубный", "Water-tube"],
      ]),
      num("weight_t", "Масса", "Weight", "t", 0.3, 150, { filterable: false }),
    ],
  ),
  leaf(
    "HEAT_POWER",
    1,
    "kotly-parovye",
    "Котлы паровые",
    "Steam boilers",
    "Паровые котлы для производственных и отопительно-производственных котельных, насыщенный и перегретый пар.",
    "Steam boilers for industrial boiler houses, saturated and superheated steam.",
    [
      num("steam_output_th", "Паропроизводительность", "Steam output", "t/h", 0.1, 100, R),
      num("steam_pressure_mpa", "Давление пара", "Steam pressure", "MPa", 0.05, 4, R),
      num("steam_temp_c", "Температура пара", "Steam temperature", "°C", 100, 450),
      en("fuel", "Вид топлива", "Fuel", FUEL_BOILER, R),
      num("efficiency_pct", "КПД", "Efficiency", "%", 70, 99),
      en("steam_type", "Вид пара", "Steam type", [
        ["saturated", "Насыщенный", "Saturated"],
        ["superheated", "Перегретый", "Superheated"],
      ]),
    ],
  ),
  leaf(
    "HEAT_POWER",
    2,
    "gorelki",
    "Горелки",
    "Burners",
    "Газовые, жидкотопливные и комбинированные горелки для котлов, с автоматикой безопасности.",
    "Gas, oil and dual-fuel burners for boilers, with safety controls.",
    [
      num("power_kw", "Тепловая мощность", "Thermal power", "kW", 20, 40000, R),
      en(
        "fuel",
        "Вид топлива",
        "Fuel",
        [
          ["gas", "Природный газ", "Natural gas"],
          ["diesel", "Дизельное топливо", "Diesel"],
          ["gas_diesel", "Газ / дизельное топливо", "Gas / diesel"],
          ["gas_oil", "Газ / мазут", "Gas / fuel oil"],
        ],
        R,
      ),
      en("regulation", "Регулирование мощности", "Power control", [
        ["one_stage", "Одноступенчатое", "Single-stage"],
        ["two_stage", "Двухступенчатое", "Two-stage"],
        ["modulating", "Плавное (модуляционное)", "Modulating"],
      ]),
      num("gas_pressure_kpa", "Давление газа на входе", "Gas inlet pressure", "kPa", 1, 500),
      bool("leak_test", "Блок контроля герметичности", "Valve proving system"),
    ],
  ),
  leaf(
    "HEAT_POWER",
    3,
    "teploobmenniki",
    "Теплообменники",
    "Heat exchangers",
    "Пластинчатые разборные, паяные и кожухотрубные теплообменники для систем отопления и ГВС.",
    "Gasketed plate, brazed and shell-and-tube heat exchangers for heating and hot water.",
    [
      en(
        "type",
        "Тип",
        "Type",
        [
          ["plate", "Пластинчатый разборный", "Gasketed plate"],
          ["brazed", "Паяный", "Brazed plate"],
          ["shell_tube", "Кожухотрубный", "Shell-and-tube"],
        ],
        R,
      ),
      num("thermal_power_kw", "Тепловая мощность", "Thermal power", "kW", 5, 50000, R),
      num("area_m2", "Площадь теплообмена", "Heat transfer area", "m²", 0.1, 500),
      num("max_pressure_mpa", "Максимальное рабочее давление", "Max. working pressure", "MPa", 0.6, 4),
      num("max_temp_c", "Максимальная температура", "Max. temperature", "°C", 90, 200),
      en("application", "Назначение", "Application", [
        ["heating", "Отопление", "Space heating"],
        ["dhw", "Горячее водоснабжение", "Domestic hot water"],
        ["ventilation", "Вентиляция", "Ventilation"],
        ["process", "Технологический", "Process"],
      ]),
    ],
  ),
  leaf(
    "HEAT_POWER",
    4,
    "nasosy-setevye",
    "Насосы сетевые",
    "District heating pumps",
    "Сетевые, подпиточные и циркуляционные насосы для тепловых сетей и котельных в комплекте с электродвигателем.",
    "Network, make-up and circulation pumps for district heating, supplied with motor.",
    [
      num("flow_m3h", "Подача", "Flow rate", "m³/h", 1, 5000, R),
      num("head_m", "Напор", "Head", "m", 5, 300, R),
      num("motor_power_kw", "Мощность электродвигателя", "Motor power", "kW", 0.5, 3000, R),
      num("speed_rpm", "Частота вращения", "Speed", "rpm", 750, 3000),
      num("max_temp_c", "Температура перекачиваемой воды, до", "Max. water temperature", "°C", 80, 200),
      en("pump_type", "Тип насоса", "Pump type", [
        ["network", "Сетевой (СЭ)", "Network pump (SE)"],
        ["double_suction", "Двустороннего входа (Д)", "Double-suction (D)"],
        ["end_suction", "Консольный (К)", "End-suction (K)"],
        ["inline", "Ин-лайн", "In-line"],
      ]),
    ],
  ),
  leaf(
    "HEAT_POWER",
    5,
    "itp-btp",
    "ИТП и БТП",
    "Heat substations",
    "Индивидуальные и блочные тепловые пункты заводской готовности для систем отопления, ГВС и вентиляции.",
    "Factory-built individual and modular heat substations for heating, hot water and ventilation.",
    [
      num("heat_load_gcalh", "Расчётная тепловая нагрузка", "Design heat load", "Gcal/h", 0.05, 30, R),
      en(
        "scheme",
        "Схема присоединения отопления",
        "Heating connection",
        [
          ["independent", "Независимая", "Indirect"],
          ["dependent", "Зависимая", "Direct"],
        ],
        R,
      ),
      num("circuits", "Число контуров", "Number of circuits", undefined, 1, 4),
      en("execution", "Исполнение", "Execution", [
        ["frame", "На раме (ИТП)", "Skid-mounted (ITP)"],
        ["container", "Блочный в контейнере (БТП)", "Containerised (BTP)"],
      ]),
      bool("dispatching", "Диспетчеризация", "Remote monitoring"),
    ],
  ),
  leaf(
    "HEAT_POWER",
    6,
    "truby-ppu",
    "Трубы в ППУ-изоляции",
    "Pre-insulated pipes",
    "Стальные трубы и фасонные изделия в пенополиуретановой изоляции по ГОСТ 30732 для бесканальной прокладки.",
    "Steel pipes and fittings with polyurethane foam insulation (GOST 30732) for direct burial.",
    [
      num("pipe_diameter_mm", "Наружный диаметр стальной трубы", "Steel pipe outer diameter", "mm", 32, 1420, R),
      num("wall_mm", "Толщина стенки", "Wall thickness", "mm", 2, 20),
      num("jacket_diameter_mm", "Диаметр оболочки", "Jacket diameter", "mm", 90, 1600),
      en(
        "jacket",
        "Оболочка",
        "Jacket",
        [
          ["pe", "Полиэтиленовая (ПЭ)", "Polyethylene (PE)"],
          ["galv", "Оцинкованная сталь (ОЦ)", "Galvanised steel"],
        ],
        R,
      ),
      bool("odk", "Система ОДК", "Leak detection wires"),
    ],
  ),
  leaf(
    "HEAT_POWER",
    7,
    "armatura-truboprovodnaya",
    "Трубопроводная арматура",
    "Pipeline valves",
    "Задвижки, шаровые краны, дисковые затворы, обратные и регулирующие клапаны для тепловых сетей.",
    "Gate valves, ball valves, butterfly valves, check and control valves for heating networks.",
    [
      en(
        "valve_type",
        "Тип арматуры",
        "Valve type",
        [
          ["gate", "Задвижка", "Gate valve"],
          ["ball", "Кран шаровой", "Ball valve"],
          ["butterfly", "Затвор дисковый", "Butterfly valve"],
          ["check", "Клапан обратный", "Check valve"],
          ["control", "Клапан регулирующий", "Control valve"],
        ],
        R,
      ),
      num("dn_mm", "Номинальный диаметр DN", "Nominal diameter DN", "mm", 10, 1400, R),
      num("pn_mpa", "Номинальное давление PN", "Nominal pressure PN", "MPa", 0.6, 25, R),
      en("connection", "Присоединение", "Connection", [
        ["flange", "Фланцевое", "Flanged"],
        ["weld", "Под приварку", "Butt-weld"],
        ["thread", "Муфтовое", "Threaded"],
      ]),
      en("drive", "Привод", "Actuation", [
        ["manual", "Ручной", "Manual"],
        ["gear", "Редуктор", "Gearbox"],
        ["electric", "Электропривод", "Electric actuator"],
      ]),
      en("body_material", "Материал корпуса", "Body material", [
        ["steel20", "Сталь 20", "Carbon steel 20"],
        ["09g2s", "Сталь 09Г2С", "Low-alloy steel 09G2S"],
        ["cast_iron", "Чугун", "Cast iron"],
        ["stainless", "Нержавеющая сталь", "Stainless steel"],
      ]),
    ],
  ),
  leaf(
    "HEAT_POWER",
    8,
    "dymososy-ventilyatory",
    "Дымососы и дутьевые вентиляторы",
    "Draught fans",
    "Дымососы и дутьевые вентиляторы для котельных установок с электродвигателями.",
    "Induced and forced draught fans for boiler plants, with motors.",
    [
      en(
        "fan_type",
        "Назначение",
        "Purpose",
        [
          ["induced", "Дымосос", "Induced draught fan"],
          ["forced", "Дутьевой вентилятор", "Forced draught fan"],
        ],
        R,
      ),
      num("airflow_m3h", "Производительность", "Airflow", "m³/h", 1000, 500000, R),
      num("pressure_pa", "Полное давление", "Total pressure", "Pa", 500, 10000),
      num("motor_power_kw", "Мощность электродвигателя", "Motor power", "kW", 1, 2000),
      num("speed_rpm", "Частота вращения", "Speed", "rpm", 500, 3000),
    ],
  ),

  sector(
    "HYDRO_POWER",
    1,
    "Оборудование гидроэлектростанций: турбины, генераторы, затворы, системы регулирования и автоматики, малые ГЭС.",
    "Hydropower plant equipment: turbines, generators, gates, governors and control systems, small hydro.",
  ),
  leaf(
    "HYDRO_POWER",
    0,
    "gidroturbiny",
    "Гидротурбины",
    "Hydraulic turbines",
    "Радиально-осевые, поворотно-лопастные, пропеллерные и ковшовые гидротурбины для новых и реконструируемых ГЭС.",
    "Francis, Kaplan, propeller and Pelton turbines for new and refurbished hydropower plants.",
    [
      en("turbine_type", "Тип турбины", "Turbine type", TURBINE_TYPE, R),
      num("rated_head_m", "Расчётный напор", "Rated head", "m", 2, 1000, R),
      num("power_mw", "Номинальная мощность", "Rated power", "MW", 0.05, 700, R),
      num("flow_m3s", "Расход", "Discharge", "m³/s", 0.05, 800),
      num("runner_diameter_mm", "Диаметр рабочего колеса", "Runner diameter", "mm", 200, 12000),
      en("shaft", "Расположение вала", "Shaft", [
        ["vertical", "Вертикальное", "Vertical"],
        ["horizontal", "Горизонтальное", "Horizontal"],
      ]),
    ],
  ),
  leaf(
    "HYDRO_POWER",
    1,
    "gidrogeneratory",
    "Гидрогенераторы",
    "Hydro generators",
    "Синхронные вертикальные и горизонтальные гидрогенераторы с системами возбуждения.",
    "Vertical and horizontal synchronous hydro generators with excitation systems.",
    [
      num("power_mw", "Активная мощность", "Active power", "MW", 0.05, 700, R),
      num("voltage_kv", "Номинальное напряжение", "Rated voltage", "kV", 0.4, 20, R),
      num("speed_rpm", "Частота вращения", "Speed", "rpm", 60, 1500),
      num("cos_phi", "Коэффициент мощности cos φ", "Power factor", undefined, 0.7, 1),
      en("orientation", "Исполнение", "Arrangement", [
        ["vertical", "Вертикальное", "Vertical"],
        ["horizontal", "Горизонтальное", "Horizontal"],
      ]),
      en("excitation", "Система возбуждения", "Excitation", [
        ["thyristor", "Статическая тиристорная", "Static thyristor"],
        ["brushless", "Бесщёточная", "Brushless"],
      ]),
    ],
  ),
  leaf(
    "HYDRO_POWER",
    2,
    "zatvory",
    "Гидротехнические затворы",
    "Hydraulic gates",
    "Плоские, сегментные и дисковые затворы водосбросов и водоприёмников с подъёмными механизмами.",
    "Flat, radial and butterfly gates for spillways and intakes, with hoists.",
    [
      en(
        "gate_type",
        "Тип затвора",
        "Gate type",
        [
          ["flat_wheel", "Плоский колёсный", "Fixed-wheel"],
          ["flat_slide", "Плоский скользящий", "Slide"],
          ["segment", "Сегментный", "Radial (Tainter)"],
          ["butterfly", "Дисковый", "Butterfly"],
          ["stoplog", "Шандорный", "Stop-log"],
        ],
        R,
      ),
      num("span_m", "Пролёт (ширина отверстия)", "Span", "m", 0.5, 30, R),
      num("height_m", "Высота отверстия", "Opening height", "m", 0.5, 25),
      num("design_head_m", "Расчётный напор", "Design head", "m", 1, 200),
      en("hoist", "Подъёмный механизм", "Hoist", [
        ["hydraulic", "Гидроцилиндр", "Hydraulic cylinder"],
        ["rope", "Канатная лебёдка", "Rope winch"],
        ["screw", "Винтовой подъёмник", "Screw hoist"],
        ["gantry", "Козловой кран", "Gantry crane"],
      ]),
      num("weight_t", "Масса", "Weight", "t", 0.1, 500, { filterable: false }),
    ],
  ),
  leaf(
    "HYDRO_POWER",
    3,
    "gidroagregaty-malyh-ges",
    "Гидроагрегаты малых ГЭС",
    "Small hydro units",
    "Комплектные гидроагрегаты для малых и мини-ГЭС: турбина, генератор, регулятор и автоматика.",
    "Complete water-to-wire units for small and mini hydro: turbine, generator, governor and controls.",
    [
      num("power_kw", "Мощность", "Power", "kW", 5, 30000, R),
      num("head_m", "Напор", "Head", "m", 2, 600, R),
      num("flow_m3s", "Расход", "Discharge", "m³/s", 0.01, 500),
      en("turbine_type", "Тип турбины", "Turbine type", TURBINE_TYPE),
      num("voltage_kv", "Напряжение генератора", "Generator voltage", "kV", 0.4, 10.5),
      bool("automation_included", "САУ в комплекте", "Control system included"),
    ],
  ),
  leaf(
    "HYDRO_POWER",
    4,
    "sistemy-avtomatiki-ges",
    "Системы автоматики ГЭС",
    "Hydro plant control systems",
    "САУ гидроагрегатов, электрогидравлические регуляторы, системы возбуждения, АСУ ТП и вибромониторинг.",
    "Unit control systems, electro-hydraulic governors, excitation, plant SCADA and vibration monitoring.",
    [
      en(
        "system_type",
        "Тип системы",
        "System type",
        [
          ["unit_control", "САУ гидроагрегата", "Unit control system"],
          ["governor", "Электрогидравлический регулятор", "Electro-hydraulic governor"],
          ["excitation", "Система возбуждения", "Excitation system"],
          ["scada", "АСУ ТП станции", "Plant SCADA"],
          ["vibration", "Вибромониторинг", "Vibration monitoring"],
        ],
        R,
      ),
      num("unit_power_max_mw", "Мощность агрегата, до", "Unit power, up to", "MW", 0.1, 1000),
      en("protocol", "Протокол связи", "Protocol", PROTOCOL),
      bool("redundant", "Резервирование контроллеров", "Redundant controllers"),
      text("controller", "Контроллер", "Controller"),
    ],
  ),
  leaf(
    "HYDRO_POWER",
    5,
    "maslonapornye-ustanovki",
    "Маслонапорные установки",
    "Oil pressure units",
    "МНУ для систем регулирования гидротурбин и управления затворами: гидроаккумуляторы, насосы, автоматика.",
    "Oil pressure units for turbine governors and gate control: accumulators, pumps, controls.",
    [
      num("accumulator_m3", "Объём гидроаккумулятора", "Accumulator volume", "m³", 0.1, 40, R),
      num("pressure_mpa", "Рабочее давление", "Working pressure", "MPa", 2.5, 10, R),
      num("pumps", "Число насосов", "Number of pumps", undefined, 1, 4),
      num("pump_flow_ls", "Подача насоса", "Pump flow", "l/s", 0.5, 30),
      num("sump_m3", "Объём сливного бака", "Sump tank volume", "m³", 0.2, 40, { filterable: false }),
    ],
  ),

  sector(
    "GRID",
    2,
    "Оборудование распределительных сетей 0,4–110 кВ: трансформаторы, подстанции, ячейки, кабель, защита, учёт, опоры.",
    "Distribution grid equipment 0.4–110 kV: transformers, substations, switchgear, cable, protection, metering, poles.",
  ),
  leaf(
    "GRID",
    0,
    "silovye-transformatory",
    "Силовые трансформаторы",
    "Power transformers",
    "Масляные герметичные и с расширителем (ТМГ, ТМ, ТМН) и сухие (ТСЛ) трансформаторы 6–35 кВ.",
    "Hermetic and conservator oil-immersed (TMG, TM, TMN) and cast-resin dry (TSL) transformers 6–35 kV.",
    [
      num("power_kva", "Номинальная мощность", "Rated power", "kVA", 10, 100000, R),
      num("hv_kv", "Напряжение ВН", "HV voltage", "kV", 3, 110, R),
      num("lv_kv", "Напряжение НН", "LV voltage", "kV", 0.23, 20, R),
      en("vector_group", "Схема и группа соединения", "Vector group", [
        ["Yyn0", "Y/Yн-0", "Yyn0"],
        ["Dyn11", "Д/Yн-11", "Dyn11"],
        ["Yzn11", "Y/Zн-11", "Yzn11"],
        ["Yd11", "Y/Д-11", "Yd11"],
      ]),
      en(
        "cooling",
        "Тип охлаждения",
        "Cooling",
        [
          ["oil", "Масляный", "Oil-immersed"],
          ["dry", "Сухой", "Dry-type"],
        ],
        R,
      ),
      en("climate", "Климатическое исполнение", "Climatic category", CLIMATE),
      en("winding", "Материал обмоток", "Winding material", [
        ["al", "Алюминий", "Aluminium"],
        ["cu", "Медь", "Copper"],
      ]),
    ],
  ),
  leaf(
    "GRID",
    1,
    "ktp-bktp",
    "КТП и БКТП",
    "Package substations",
    "Комплектные трансформаторные подстанции 6(10)/0,4 кВ: киосковые, мачтовые, блочные в бетонной оболочке.",
    "Package transformer substations 6(10)/0.4 kV: kiosk, pole-mounted and concrete-enclosure types.",
    [
      num("power_kva", "Мощность трансформатора", "Transformer rating", "kVA", 10, 4000, R),
      num("hv_kv", "Напряжение ВН", "HV voltage", "kV", 6, 35, R),
      num("lv_kv", "Напряжение НН", "LV voltage", "kV", 0.4, 0.69),
      en(
        "ktp_type",
        "Тип подстанции",
        "Substation type",
        [
          ["kiosk", "Киосковая (КТПК)", "Kiosk"],
          ["mast", "Мачтовая (КТПМ)", "Pole-mounted"],
          ["outdoor", "Наружной установки (КТПН)", "Outdoor"],
          ["concrete", "Блочная в бетонной оболочке (БКТП)", "Concrete enclosure"],
          ["sandwich", "Блочно-модульная в сэндвич-панелях", "Sandwich-panel module"],
        ],
        R,
      ),
      num("transformers", "Число трансформаторов", "Number of transformers", undefined, 1, 2),
      en("hv_input", "Ввод ВН", "HV entry", [
        ["overhead", "Воздушный", "Overhead"],
        ["cable", "Кабельный", "Cable"],
      ]),
    ],
  ),
  leaf(
    "GRID",
    2,
    "kru-kso",
    "КРУ и КСО",
    "Switchgear",
    "Камеры сборные одностороннего обслуживания и комплектные распределительные устройства 6–35 кВ.",
    "Fixed-type (KSO) and withdrawable (KRU) medium-voltage switchgear 6–35 kV.",
    [
      en(
        "switchgear_type",
        "Тип",
        "Type",
        [
          ["kso", "КСО (одностороннего обслуживания)", "KSO fixed-type"],
          ["kru", "КРУ с выкатным элементом", "KRU withdrawable"],
          ["krun", "КРУН наружной установки", "KRUN outdoor"],
        ],
        R,
      ),
      num("voltage_kv", "Номинальное напряжение", "Rated voltage", "kV", 6, 35, R),
      num("current_a", "Номинальный ток", "Rated current", "A", 200, 4000, R),
      num("breaking_ka", "Ток термической стойкости", "Short-time withstand current", "kA", 12.5, 50),
      en("switching_device", "Коммутационный аппарат", "Switching device", [
        ["vcb", "Вакуумный выключатель", "Vacuum circuit breaker"],
        ["load_switch", "Выключатель нагрузки", "Load-break switch"],
        ["disconnector", "Разъединитель", "Disconnector"],
      ]),
    ],
  ),
  leaf(
    "GRID",
    3,
    "kabel-i-provod",
    "Кабель и провод",
    "Cable and wire",
    "Силовые кабели 0,66–35 кВ с ПВХ, бумажной и СПЭ-изоляцией, СИП и неизолированные провода для ВЛ.",
    "Power cables 0.66–35 kV (PVC, paper, XLPE), aerial bundled and bare overhead conductors.",
    [
      num("cross_section_mm2", "Сечение жилы", "Conductor cross-section", "mm²", 0.5, 1000, R),
      num("cores", "Число жил", "Number of cores", undefined, 1, 61, R),
      num("voltage_kv", "Номинальное напряжение", "Rated voltage", "kV", 0.38, 220, R),
      en(
        "conductor",
        "Материал жилы",
        "Conductor material",
        [
          ["cu", "Медь", "Copper"],
          ["al", "Алюминий", "Aluminium"],
          ["al_steel", "Сталеалюминий", "Aluminium-steel"],
        ],
        R,
      ),
      en("insulation", "Изоляция", "Insulation", [
        ["pvc", "ПВХ", "PVC"],
        ["xlpe", "Сшитый полиэтилен (СПЭ)", "XLPE"],
        ["paper", "Бумажная пропитанная", "Impregnated paper"],
        ["none", "Без изоляции", "Bare"],
      ]),
      bool("armored", "Броня", "Armoured"),
      bool("flame_retardant", "Не распространяет горение нг(А)-LS", "Flame-retardant, low smoke"),
    ],
  ),
  leaf(
    "GRID",
    4,
    "rza",
    "Релейная защита и автоматика",
    "Protection and control relays",
    "Микропроцессорные терминалы РЗА, шкафы защит, устройства дуговой защиты и АВР для подстанций 6–110 кВ.",
    "Numerical protection relays, protection cabinets, arc flash protection and ATS for 6–110 kV substations.",
    [
      en(
        "device_type",
        "Тип устройства",
        "Device type",
        [
          ["feeder", "Терминал защиты присоединения", "Feeder protection relay"],
          ["transformer", "Защита трансформатора", "Transformer protection"],
          ["arc", "Дуговая защита", "Arc flash protection"],
          ["ats", "Автоматика АВР", "Automatic transfer switch"],
          ["cabinet", "Шкаф защит", "Protection cabinet"],
        ],
        R,
      ),
      num("voltage_class_kv", "Класс напряжения защищаемого объекта", "Protected voltage class", "kV", 0.4, 220),
      num("rated_current_a", "Номинальный вторичный ток", "Rated secondary current", "A", 1, 5),
      en("aux_supply", "Оперативное питание", "Auxiliary supply", [
        ["dc220", "=220 В", "220 V DC"],
        ["dc110", "=110 В", "110 V DC"],
        ["ac_dc220", "~/=220 В", "220 V AC/DC"],
      ]),
      en("protocol", "Протокол связи", "Protocol", PROTOCOL),
    ],
  ),
  leaf(
    "GRID",
    5,
    "pribory-ucheta",
    "Приборы учёта электроэнергии",
    "Electricity meters",
    "Однофазные и трёхфазные счётчики электроэнергии прямого и трансформаторного включения, для АИИС КУЭ.",
    "Single- and three-phase electricity meters, direct and transformer-operated, for automated metering.",
    [
      en(
        "meter_type",
        "Тип счётчика",
        "Meter type",
        [
          ["single_phase", "Однофазный", "Single-phase"],
          ["three_direct", "Трёхфазный прямого включения", "Three-phase direct"],
          ["three_ct", "Трёхфазный трансформаторного включения", "Three-phase CT-operated"],
        ],
        R,
      ),
      en("accuracy", "Класс точности (акт./реакт.)", "Accuracy class (active/reactive)", [
        ["0.2S/0.5", "0,2S/0,5", "0.2S/0.5"],
        ["0.5S/1", "0,5S/1", "0.5S/1"],
        ["1/2", "1/2", "1/2"],
      ]),
      num("max_current_a", "Максимальный ток", "Maximum current", "A", 1, 120),
      en("interface", "Интерфейс", "Interface", [
        ["rs485", "RS-485", "RS-485"],
        ["plc", "PLC", "PLC"],
        ["gsm", "GSM / NB-IoT", "GSM / NB-IoT"],
        ["rf", "Радио 868 МГц", "RF 868 MHz"],
      ]),
      bool("multi_tariff", "Многотарифный", "Multi-tariff"),
    ],
  ),
  leaf(
    "GRID",
    6,
    "opory-lep",
    "Опоры ЛЭП",
    "Power line poles",
    "Железобетонные стойки и опоры ВЛ 0,4–10 кВ, металлические решётчатые и многогранные опоры 35–110 кВ.",
    "Concrete poles for 0.4–10 kV lines, steel lattice and polygonal towers for 35–110 kV.",
    [
      en(
        "support_type",
        "Тип опоры",
        "Support type",
        [
          ["intermediate", "Промежуточная", "Suspension"],
          ["anchor", "Анкерная", "Tension"],
          ["angle", "Угловая анкерная", "Angle tension"],
          ["terminal", "Концевая", "Terminal"],
          ["pole", "Стойка", "Pole"],
        ],
        R,
      ),
      num("voltage_kv", "Класс напряжения ВЛ", "Line voltage", "kV", 0.4, 220, R),
      en("material", "Материал", "Material", [
        ["concrete", "Железобетон", "Reinforced concrete"],
        ["lattice", "Сталь, решётчатая", "Steel lattice"],
        ["polygonal", "Сталь, многогранная", "Steel polygonal"],
        ["composite", "Композит", "Composite"],
      ]),
      num("height_m", "Высота", "Height", "m", 5, 60),
      num("weight_t", "Масса", "Weight", "t", 0.05, 30, { filterable: false }),
    ],
  ),
  leaf(
    "GRID",
    7,
    "opn",
    "Ограничители перенапряжений",
    "Surge arresters",
    "Нелинейные ограничители перенапряжений ОПН в полимерной и фарфоровой покрышке для сетей 0,4–110 кВ.",
    "Metal-oxide surge arresters with polymer and porcelain housings for 0.4–110 kV networks.",
    [
      num("nominal_kv", "Класс напряжения сети", "System voltage", "kV", 0.4, 220, R),
      num("mcov_kv", "Наибольшее длительно допустимое рабочее напряжение", "MCOV", "kV", 0.4, 200, R),
      num("discharge_ka", "Номинальный разрядный ток", "Nominal discharge current", "kA", 5, 20),
      en("line_class", "Класс пропускной способности", "Line discharge class", [
        ["1", "1", "1"],
        ["2", "2", "2"],
        ["3", "3", "3"],
        ["4", "4", "4"],
      ]),
      en("housing", "Покрышка", "Housing", [
        ["polymer", "Полимерная", "Polymer"],
        ["porcelain", "Фарфоровая", "Porcelain"],
      ]),
      en("climate", "Климатическое исполнение", "Climatic category", CLIMATE),
    ],
  ),

  sector(
    "MUNICIPAL",
    3,
    "Техника для содержания дорог и городского хозяйства, вывоза отходов, а также водоочистка и канализационные станции.",
    "Road maintenance and municipal vehicles, waste collection, water treatment and sewage pumping stations.",
  ),
  leaf(
    "MUNICIPAL",
    0,
    "kdm",
    "Комбинированные дорожные машины",
    "Combined road maintenance vehicles",
    "КДМ с пескоразбрасывающим, плужно-щёточным и поливомоечным оборудованием для круглогодичного содержания дорог.",
    "Combined road vehicles with spreader, plough/brush and washing equipment for year-round maintenance.",
    [
      en("chassis", "Шасси", "Chassis", CHASSIS, R),
      num("hopper_m3", "Объём кузова-бункера", "Hopper volume", "m³", 2, 16, R),
      num("water_tank_m3", "Объём цистерны", "Water tank", "m³", 0, 16),
      num("gvw_t", "Полная масса", "Gross vehicle weight", "t", 5, 45),
      en("wheel_formula", "Колёсная формула", "Drive", [
        ["4x2", "4×2", "4×2"],
        ["4x4", "4×4", "4×4"],
        ["6x4", "6×4", "6×4"],
        ["6x6", "6×6", "6×6"],
      ]),
      bool("front_plough", "Передний отвал", "Front plough"),
    ],
  ),
  leaf(
    "MUNICIPAL",
    1,
    "snegouborochnaya-tehnika",
    "Снегоуборочная техника",
    "Snow removal equipment",
    "Шнекороторные снегоочистители, снегопогрузчики, навесные фрезы и отвалы для уборки снега.",
    "Rotary snow blowers, snow loaders, attachment blowers and ploughs.",
    [
      en(
        "machine_type",
        "Тип",
        "Type",
        [
          ["rotary", "Шнекороторный снегоочиститель", "Rotary snow blower"],
          ["loader", "Снегопогрузчик", "Snow loader"],
          ["attachment", "Навесная фреза", "Attachment snow blower"],
          ["plough", "Отвал коммунальный", "Snow plough"],
        ],
        R,
      ),
      num("capacity_th", "Производительность", "Capacity", "t/h", 10, 3000),
      num("width_mm", "Ширина захвата", "Working width", "mm", 1000, 4500, R),
      num("engine_kw", "Мощность двигателя", "Engine power", "kW", 20, 450),
      en("chassis", "Базовое шасси", "Base", CHASSIS),
    ],
  ),
  leaf(
    "MUNICIPAL",
    2,
    "podmetalno-uborochnye-mashiny",
    "Подметально-уборочные машины",
    "Street sweepers",
    "Вакуумные и вакуумно-механические подметально-уборочные машины на шасси и компактные самоходные.",
    "Vacuum and mechanical-vacuum street sweepers on truck chassis and compact self-propelled units.",
    [
      en(
        "sweeper_type",
        "Тип уборки",
        "Sweeping principle",
        [
          ["vacuum", "Вакуумная", "Vacuum"],
          ["mechanical", "Механическая", "Mechanical"],
          ["combined", "Вакуумно-механическая", "Mechanical-vacuum"],
        ],
        R,
      ),
      en("chassis", "Шасси", "Chassis", CHASSIS, R),
      num("width_mm", "Ширина подметания", "Sweeping width", "mm", 1000, 4000, R),
      num("hopper_m3", "Объём бункера", "Hopper volume", "m³", 0.5, 12),
      num("water_tank_m3", "Объём бака для воды", "Water tank", "m³", 0.1, 10),
      num("productivity_m2h", "Производительность", "Productivity", "m²/h", 5000, 120000),
    ],
  ),
  leaf(
    "MUNICIPAL",
    3,
    "musorovozy",
    "Мусоровозы",
    "Refuse collection vehicles",
    "Мусоровозы с задней и боковой загрузкой, бункеровозы и мультилифты для вывоза ТКО.",
    "Rear- and side-loading refuse trucks, skip loaders and hook-lift trucks for municipal waste.",
    [
      en(
        "loading",
        "Тип загрузки",
        "Loading",
        [
          ["rear", "Задняя", "Rear loader"],
          ["side", "Боковая", "Side loader"],
          ["skip", "Портальный бункеровоз", "Skip loader"],
          ["hook", "Мультилифт (крюковой)", "Hook lift"],
        ],
        R,
      ),
      num("body_m3", "Объём кузова", "Body volume", "m³", 5, 40, R),
      num("compaction", "Коэффициент уплотнения", "Compaction ratio", undefined, 1, 8),
      en("chassis", "Шасси", "Chassis", CHASSIS, R),
      num("payload_t", "Грузоподъёмность", "Payload", "t", 2, 25),
    ],
  ),
  leaf(
    "MUNICIPAL",
    4,
    "assenizatory",
    "Ассенизационные и каналопромывочные машины",
    "Vacuum and sewer cleaning trucks",
    "Вакуумные ассенизационные машины и комбинированные каналопромывочные машины для обслуживания сетей.",
    "Vacuum tankers and combined sewer jetting trucks for network maintenance.",
    [
      num("tank_m3", "Объём цистерны", "Tank volume", "m³", 2, 20, R),
      en("chassis", "Шасси", "Chassis", CHASSIS, R),
      en("pump", "Вакуумный насос", "Vacuum pump", [
        ["rotary_vane", "Пластинчато-роторный", "Rotary vane"],
        ["water_ring", "Водокольцевой", "Liquid ring"],
        ["roots", "Воздуходувка Рутса", "Roots blower"],
      ]),
      num("suction_depth_m", "Глубина всасывания", "Suction depth", "m", 2, 12),
      bool("jetting", "Каналопромывочное оборудование", "Jetting equipment"),
    ],
  ),
  leaf(
    "MUNICIPAL",
    5,
    "vodoochistka",
    "Водоочистка",
    "Water treatment",
    "Станции водоподготовки и обезжелезивания, установки УФ-обеззараживания и обратного осмоса, очистные сооружения.",
    "Water treatment and iron removal plants, UV disinfection, reverse osmosis and wastewater treatment.",
    [
      en(
        "process",
        "Технология",
        "Process",
        [
          ["filtration", "Механическая фильтрация", "Mechanical filtration"],
          ["iron_removal", "Обезжелезивание", "Iron removal"],
          ["ro", "Обратный осмос", "Reverse osmosis"],
          ["uv", "УФ-обеззараживание", "UV disinfection"],
          ["uf", "Ультрафильтрация", "Ultrafiltration"],
          ["bio", "Биологическая очистка стоков", "Biological wastewater treatment"],
          ["storm", "Очистка ливневых стоков", "Stormwater treatment"],
        ],
        R,
      ),
      num("capacity_m3h", "Производительность", "Capacity", "m³/h", 0.1, 5000, R),
      en("water", "Вид воды", "Water", [
        ["drinking", "Питьевая", "Drinking water"],
        ["process", "Техническая", "Process water"],
        ["sewage", "Хозяйственно-бытовые стоки", "Domestic sewage"],
        ["storm", "Ливневые стоки", "Stormwater"],
      ]),
      en("execution", "Исполнение", "Execution", [
        ["container", "Блочно-модульное в контейнере", "Containerised"],
        ["frame", "На раме", "Skid-mounted"],
        ["underground", "Подземные ёмкости", "Underground tanks"],
      ]),
      num("power_kw", "Потребляемая мощность", "Power consumption", "kW", 0.05, 1000, { filterable: false }),
    ],
  ),
  leaf(
    "MUNICIPAL",
    6,
    "kns",
    "Канализационные насосные станции",
    "Sewage pumping stations",
    "Комплектные КНС в стеклопластиковом, полиэтиленовом и бетонном корпусе с погружными насосами и автоматикой.",
    "Packaged sewage pumping stations in GRP, PE and concrete tanks with submersible pumps and controls.",
    [
      num("flow_m3h", "Производительность", "Capacity", "m³/h", 1, 10000, R),
      num("head_m", "Напор", "Head", "m", 3, 120, R),
      num("pumps", "Число насосов (рабочие + резерв)", "Pumps (duty + standby)", undefined, 1, 6),
      num("pump_power_kw", "Мощность насоса", "Pump power", "kW", 0.25, 500),
      num("body_diameter_mm", "Диаметр корпуса", "Tank diameter", "mm", 800, 6000),
      en("body_material", "Материал корпуса", "Tank material", [
        ["grp", "Стеклопластик", "GRP"],
        ["pe", "Полиэтилен", "Polyethylene"],
        ["concrete", "Железобетон", "Reinforced concrete"],
        ["steel", "Сталь", "Steel"],
      ]),
    ],
  ),
];

/** Leaf categories only (those that hold products). */
export const LEAF_CATEGORIES: CategorySeed[] = CATEGORIES.filter((c) => c.parentSlug !== null);

export function categoryBySlug(slug: string): CategorySeed | undefined {
  return CATEGORIES.find((c) => c.slug === slug);
}

/** Product spec values are keyed by attribute code. */
export type SpecValue = number | string | boolean;
export type Specs = Record<string, SpecValue>;

/**
 * Checks a product's specs against its category's attributes: known codes only, values of the right type, ENUM values
 * among the options, NUMBER values finite and in the plausible range, required attributes present.
 * Returns the problems found (empty = valid).
 */
export function validateSpecs(specs: Record<string, unknown>, attributes: readonly AttributeSeed[]): string[] {
  const problems: string[] = [];
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  for (const [code, value] of Object.entries(specs)) {
    const attr = byCode.get(code);
    if (!attr) {
      problems.push(`${code}: unknown attribute`);
      continue;
    }
    switch (attr.type) {
      case "NUMBER":
        if (typeof value !== "number" || !Number.isFinite(value)) problems.push(`${code}: not a number`);
        else if ((attr.min !== undefined && value < attr.min) || (attr.max !== undefined && value > attr.max))
          problems.push(`${code}: ${value} out of range ${attr.min}…${attr.max}`);
        break;
      case "ENUM":
        if (typeof value !== "string" || !attr.options?.some((o) => o.value === value))
          problems.push(`${code}: ${String(value)} is not an option`);
        break;
      case "BOOLEAN":
        if (typeof value !== "boolean") problems.push(`${code}: not a boolean`);
        break;
      case "TEXT":
        if (typeof value !== "string" || value.trim() === "") problems.push(`${code}: not a text`);
        break;
    }
  }
  for (const attr of attributes) {
    if (attr.required && !(attr.code in specs)) problems.push(`${attr.code}: required`);
  }
  return problems;
}
