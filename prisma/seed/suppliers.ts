/**
 * Demo organisations: fictional Petersburg suppliers and Sevastopol buyers with checksum-valid requisites.
 * All names, addresses, phones and bank details are invented; ИНН/КПП/ОГРН/accounts are generated deterministically
 * and pass the official checks (see app/modules/accounts/ru-requisites.ts and ./ru-requisites.ts).
 */

import type { SectorCode } from "./categories";
import { makeCorrespondentAccount, makeInn10, makeKpp, makeOgrn, makeSettlementAccount } from "./ru-requisites";

export interface OrganizationSeed {
  kind: "SUPPLIER" | "BUYER";
  slug: string;
  legalName: string;
  shortName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  region: string;
  city: string;
  legalAddress: string;
  phone: string;
  email: string;
  website: string | null;
  description: string;
  sectors: SectorCode[];
  deliveryTerms: string | null;
  deliveryAddress: string | null;
  bankName: string;
  bik: string;
  settlementAccount: string;
  correspondentAccount: string;
  /** verified by the operator (Organization.verifiedAt) */
  verifiedAt: Date | null;
}

export interface SupplierSeed extends OrganizationSeed {
  kind: "SUPPLIER";
  /** leaf category slugs the supplier offers; null = every category of its sectors */
  specialties: string[] | null;
  /** a manufacturer sells its own brand; a distributor sells other makers' equipment */
  isManufacturer: boolean;
  /** false = simplified taxation (УСН), prices «без НДС» */
  vatPayer: boolean;
  /** short Latin code used in generated SKUs */
  skuCode: string;
  /** multiplier on list prices (0.9–1.15) */
  priceFactor: number;
}

export interface BuyerSeed extends OrganizationSeed {
  kind: "BUYER";
}

export interface BankSeed {
  name: string;
  bik: string;
}

/** Fictional Petersburg banks (БИК of the Северо-Западное ГУ Банка России range 0440305xx). */
export const SPB_BANKS: BankSeed[] = [
  { name: "ПАО «Банк «Петровский мост»»", bik: "044030511" },
  { name: "АО «Невский промышленный банк»", bik: "044030527" },
  { name: "ООО «Банк «Адмиралтейский»»", bik: "044030538" },
  { name: "АО «Охтинский коммерческий банк»", bik: "044030546" },
  { name: "ПАО «Ладога-Кредит»", bik: "044030559" },
];

/** Fictional Crimean bank for the buyers. */
export const CRIMEA_BANK: BankSeed = { name: "АО «Банк «Таврида-Кредит»»", bik: "043510618" };

const SEVASTOPOL_DELIVERY = [
  "Доставка автотранспортом до Севастополя 7–10 дней через Крымский мост; самовывоз со склада в Шушарах.",
  "Отгрузка со склада в Санкт-Петербурге (Парнас) в течение 3 дней после оплаты; доставка до Севастополя транспортной компанией за 8–12 дней, стоимость по тарифу перевозчика.",
  "Доставка до объекта в Севастополе и Крыму собственным автотранспортом за 9–14 дней; негабаритные грузы — по согласованному маршруту с сопровождением.",
  "Поставка на условиях DAP Севастополь: доставка включена в цену при заказе от 1,5 млн ₽, иначе по тарифу. Срок в пути 7–10 дней.",
  "Железнодорожная доставка до станции Севастополь (Крымская железная дорога) 12–18 дней; мелкие партии — сборным грузом автотранспортом.",
  "Самовывоз с завода в Колпино или доставка до Севастополя через паромную переправу «Кавказ — Крым» / Крымский мост, 10–14 дней. Шеф-монтаж по запросу.",
  "Доставка до склада покупателя в Севастополе за счёт поставщика при заказе от 500 тыс. ₽; срок 7–9 рабочих дней. Упаковка для морской и дальней перевозки.",
  "Отгрузка из Санкт-Петербурга автотранспортом поставщика, до Севастополя 8–11 дней; техника своим ходом или на трале, с постановкой на учёт по договорённости.",
];

interface SupplierDef {
  slug: string;
  legalName: string;
  shortName: string;
  sectors: SectorCode[];
  specialties: string[] | null;
  isManufacturer: boolean;
  vatPayer?: boolean;
  verified: boolean;
  taxOffice: string;
  /** ОГРН year (2 digits) and inspection code */
  ogrnYear: string;
  address: string;
  description: string;
  delivery: number;
  skuCode: string;
}

const SUPPLIER_DEFS: SupplierDef[] = [
  {
    slug: "balt-energomash",
    legalName: "Акционерное общество «Балтэнергомаш»",
    shortName: "АО «Балтэнергомаш»",
    sectors: ["HEAT_POWER"],
    specialties: ["kotly-vodogreynye", "kotly-parovye", "gorelki", "dymososy-ventilyatory"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7805",
    ogrnYear: "03",
    address: "198095, г. Санкт-Петербург, ул. Котлостроительная, д. 12, лит. А",
    description:
      "Производство водогрейных и паровых котлов мощностью до 35 МВт, горелочных устройств и тягодутьевых машин. Собственное конструкторское бюро, шеф-монтаж и пусконаладка.",
    delivery: 0,
    skuCode: "BEM",
  },
  {
    slug: "nevskiy-kotelnyy-zavod",
    legalName: "Общество с ограниченной ответственностью «Невский котельный завод»",
    shortName: "ООО «Невский котельный завод»",
    sectors: ["HEAT_POWER"],
    specialties: ["kotly-vodogreynye", "kotly-parovye", "gorelki"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7811",
    ogrnYear: "09",
    address: "192019, г. Санкт-Петербург, Обуховский пр-д, д. 7, корп. 2, лит. Б",
    description:
      "Завод выпускает жаротрубные и водотрубные котлы, блочно-модульные котельные и горелки. Поставляет оборудование для муниципальных котельных Северо-Запада и Крыма.",
    delivery: 5,
    skuCode: "NKZ",
  },
  {
    slug: "teplosila-severo-zapad",
    legalName: "Общество с ограниченной ответственностью «Теплосила Северо-Запад»",
    shortName: "ООО «Теплосила Северо-Запад»",
    sectors: ["HEAT_POWER"],
    specialties: null,
    isManufacturer: false,
    verified: true,
    taxOffice: "7802",
    ogrnYear: "12",
    address: "194292, г. Санкт-Петербург, Складской пр-д, д. 4, лит. В, офис 210",
    description:
      "Комплексные поставки теплоэнергетического оборудования: котлы, насосы, теплообменники, арматура и трубы ППУ со склада в Парнасе и под заказ.",
    delivery: 1,
    skuCode: "TSZ",
  },
  {
    slug: "petrotermostroy",
    legalName: "Общество с ограниченной ответственностью «ПетроТермоСтрой»",
    shortName: "ООО «ПетроТермоСтрой»",
    sectors: ["HEAT_POWER"],
    specialties: ["itp-btp", "teploobmenniki", "nasosy-setevye"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7816",
    ogrnYear: "11",
    address: "192102, г. Санкт-Петербург, ул. Тепловая, д. 21, лит. А",
    description:
      "Проектирование и изготовление индивидуальных и блочных тепловых пунктов заводской готовности, узлов учёта тепла и насосных групп.",
    delivery: 6,
    skuCode: "PTS",
  },
  {
    slug: "ohtinskiy-zavod-teploobmennikov",
    legalName: "Общество с ограниченной ответственностью «Охтинский завод теплообменников»",
    shortName: "ООО «ОЗТ»",
    sectors: ["HEAT_POWER"],
    specialties: ["teploobmenniki"],
    isManufacturer: true,
    verified: false,
    taxOffice: "7806",
    ogrnYear: "15",
    address: "195027, г. Санкт-Петербург, Охтинская наб., д. 18, лит. Д",
    description:
      "Пластинчатые разборные и паяные теплообменники, кожухотрубные подогреватели. Подбор по тепловому расчёту за один день.",
    delivery: 6,
    skuCode: "OZT",
  },
  {
    slug: "kolpinskiy-nasosnyy-zavod",
    legalName: "Акционерное общество «Колпинский насосный завод»",
    shortName: "АО «Колпинский насосный завод»",
    sectors: ["HEAT_POWER", "MUNICIPAL"],
    specialties: ["nasosy-setevye", "kns"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7817",
    ogrnYear: "02",
    address: "196650, г. Санкт-Петербург, г. Колпино, Заводская ул., д. 33, лит. К",
    description:
      "Сетевые и консольные насосы для тепловых сетей, комплектные канализационные насосные станции. Испытательный стенд, ремонт и модернизация насосов.",
    delivery: 5,
    skuCode: "KNZ",
  },
  {
    slug: "neva-ppu",
    legalName: "Общество с ограниченной ответственностью «Нева-ППУ»",
    shortName: "ООО «Нева-ППУ»",
    sectors: ["HEAT_POWER"],
    specialties: ["truby-ppu", "armatura-truboprovodnaya"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7820",
    ogrnYear: "10",
    address: "196626, г. Санкт-Петербург, пос. Шушары, Изоляционная ул., д. 5, лит. А",
    description:
      "Изоляция стальных труб пенополиуретаном по ГОСТ 30732-2020 диаметром 57–1020 мм, фасонные изделия, шаровые краны в ППУ. Склад готовой продукции в Шушарах.",
    delivery: 0,
    skuCode: "NPU",
  },
  {
    slug: "armaturnyy-tsentr-petrogradskiy",
    legalName: "Общество с ограниченной ответственностью «Арматурный центр «Петроградский»",
    shortName: "ООО «АЦ Петроградский»",
    sectors: ["HEAT_POWER"],
    specialties: ["armatura-truboprovodnaya"],
    isManufacturer: false,
    vatPayer: false,
    verified: false,
    taxOffice: "7813",
    ogrnYear: "18",
    address: "197110, г. Санкт-Петербург, Корпусная ул., д. 9, пом. 14-Н",
    description:
      "Трубопроводная арматура для тепловых сетей и ЖКХ: задвижки, шаровые краны, затворы, обратные клапаны. Работаем на УСН, цены без НДС.",
    delivery: 6,
    skuCode: "ACP",
  },
  {
    slug: "pulkovo-tdm",
    legalName: "Общество с ограниченной ответственностью «Завод тягодутьевых машин «Пулково»",
    shortName: "ООО «ЗТДМ «Пулково»",
    sectors: ["HEAT_POWER"],
    specialties: ["dymososy-ventilyatory"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7810",
    ogrnYear: "07",
    address: "196158, г. Санкт-Петербург, Пулковское ш., д. 40, корп. 4, лит. Е",
    description:
      "Дымососы и дутьевые вентиляторы для котлов паропроизводительностью до 100 т/ч, рабочие колёса и ремонтные комплекты.",
    delivery: 0,
    skuCode: "TDM",
  },
  {
    slug: "energotehkomplekt-spb",
    legalName: "Общество с ограниченной ответственностью «Энерготехкомплект-СПб»",
    shortName: "ООО «ЭТК-СПб»",
    sectors: ["HEAT_POWER", "GRID"],
    specialties: null,
    isManufacturer: false,
    verified: true,
    taxOffice: "7804",
    ogrnYear: "14",
    address: "195197, г. Санкт-Петербург, Полюстровский пр., д. 59, лит. Ф, офис 305",
    description:
      "Комплексная комплектация объектов теплоэнергетики и электросетевого хозяйства: от котельной до трансформаторной подстанции. Спецификации под ключ.",
    delivery: 3,
    skuCode: "ETK",
  },
  {
    slug: "nevagidromash",
    legalName: "Акционерное общество «Невагидромаш»",
    shortName: "АО «Невагидромаш»",
    sectors: ["HYDRO_POWER"],
    specialties: ["gidroturbiny", "gidroagregaty-malyh-ges", "maslonapornye-ustanovki"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7801",
    ogrnYear: "02",
    address: "199106, г. Санкт-Петербург, Кожевенная линия, д. 34, лит. М",
    description:
      "Гидротурбины всех типов мощностью до 300 МВт, гидроагрегаты малых ГЭС и маслонапорные установки. Модельные испытания на собственном гидродинамическом стенде.",
    delivery: 2,
    skuCode: "NGM",
  },
  {
    slug: "baltiyskiy-elektromash",
    legalName: "Акционерное общество «Балтийский электромашиностроительный завод»",
    shortName: "АО «Балтэлектромаш»",
    sectors: ["HYDRO_POWER"],
    specialties: ["gidrogeneratory", "sistemy-avtomatiki-ges"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7805",
    ogrnYear: "04",
    address: "198188, г. Санкт-Петербург, ул. Электромашинная, д. 6, лит. А",
    description:
      "Вертикальные и горизонтальные гидрогенераторы, системы тиристорного и бесщёточного возбуждения. Реконструкция генераторов действующих ГЭС.",
    delivery: 2,
    skuCode: "BEZ",
  },
  {
    slug: "gidrozatvor-inzhiniring",
    legalName: "Общество с ограниченной ответственностью «Гидрозатвор-Инжиниринг»",
    shortName: "ООО «Гидрозатвор-Инжиниринг»",
    sectors: ["HYDRO_POWER"],
    specialties: ["zatvory", "maslonapornye-ustanovki"],
    isManufacturer: true,
    verified: false,
    taxOffice: "7807",
    ogrnYear: "16",
    address: "198320, г. Санкт-Петербург, г. Красное Село, Гидротехническая ул., д. 2, лит. Б",
    description:
      "Проектирование и изготовление гидромеханического оборудования: плоские и сегментные затворы, закладные части, гидроприводы и подъёмные механизмы.",
    delivery: 2,
    skuCode: "GZI",
  },
  {
    slug: "mges-tehno",
    legalName: "Общество с ограниченной ответственностью «МГЭС-Техно»",
    shortName: "ООО «МГЭС-Техно»",
    sectors: ["HYDRO_POWER"],
    specialties: ["gidroagregaty-malyh-ges", "sistemy-avtomatiki-ges", "gidroturbiny"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7814",
    ogrnYear: "13",
    address: "197374, г. Санкт-Петербург, ул. Савушкина, д. 83, корп. 3, лит. А, офис 17",
    description:
      "Комплектные гидроагрегаты для малых и мини-ГЭС мощностью от 10 кВт до 10 МВт «от воды до провода», включая автоматику и дистанционный мониторинг.",
    delivery: 3,
    skuCode: "MGT",
  },
  {
    slug: "ladoga-avtomatika",
    legalName: "Общество с ограниченной ответственностью «Научно-производственное предприятие «Ладога-Автоматика»",
    shortName: "ООО «НПП «Ладога-Автоматика»",
    sectors: ["HYDRO_POWER", "GRID"],
    specialties: ["sistemy-avtomatiki-ges", "rza"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7842",
    ogrnYear: "08",
    address: "191119, г. Санкт-Петербург, ул. Коломенская, д. 28, лит. А, пом. 3-Н",
    description:
      "Разработка и производство систем управления гидроагрегатами, регуляторов скорости и микропроцессорных терминалов РЗА. Собственное ПО, поддержка МЭК 61850.",
    delivery: 3,
    skuCode: "LAV",
  },
  {
    slug: "gidroservis-neva",
    legalName: "Общество с ограниченной ответственностью «Гидросервис-Нева»",
    shortName: "ООО «Гидросервис-Нева»",
    sectors: ["HYDRO_POWER"],
    specialties: null,
    isManufacturer: false,
    verified: false,
    taxOffice: "7838",
    ogrnYear: "19",
    address: "190121, г. Санкт-Петербург, наб. реки Пряжки, д. 3, лит. Б, офис 8",
    description:
      "Поставка и сервис оборудования ГЭС: турбины, генераторы, МНУ, затворы, запасные части. Обследование и техническое перевооружение малых ГЭС.",
    delivery: 2,
    skuCode: "GSN",
  },
  {
    slug: "nevskiy-transformatornyy-zavod",
    legalName: "Общество с ограниченной ответственностью «Невский трансформаторный завод»",
    shortName: "ООО «Невский трансформаторный завод»",
    sectors: ["GRID"],
    specialties: ["silovye-transformatory", "ktp-bktp"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7811",
    ogrnYear: "06",
    address: "193079, г. Санкт-Петербург, Октябрьская наб., д. 104, корп. 15, лит. А",
    description:
      "Силовые масляные трансформаторы ТМГ и ТМ мощностью 25–4000 кВА, сухие ТСЛ и комплектные трансформаторные подстанции. Приёмо-сдаточные испытания в заводской лаборатории.",
    delivery: 0,
    skuCode: "NTZ",
  },
  {
    slug: "petroelektroschit",
    legalName: "Акционерное общество «Петроэлектрощит»",
    shortName: "АО «Петроэлектрощит»",
    sectors: ["GRID"],
    specialties: ["ktp-bktp", "kru-kso"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7819",
    ogrnYear: "05",
    address: "198516, г. Санкт-Петербург, г. Петергоф, Щитовой пр-д, д. 1, лит. А",
    description:
      "Камеры КСО, ячейки КРУ, подстанции КТП и БКТП на напряжение 6–20 кВ. Изготовление по опросным листам, сборка на собственной площадке 12 000 м².",
    delivery: 7,
    skuCode: "PES",
  },
  {
    slug: "baltelektrokomplekt",
    legalName: "Общество с ограниченной ответственностью «Завод «Балтэлектрокомплект»",
    shortName: "ООО «Завод «Балтэлектрокомплект»",
    sectors: ["GRID"],
    specialties: ["kru-kso", "ktp-bktp", "rza"],
    isManufacturer: true,
    verified: false,
    taxOffice: "7807",
    ogrnYear: "17",
    address: "198323, г. Санкт-Петербург, Волхонское ш., д. 2, корп. 7, лит. Г",
    description:
      "Низко- и средневольтные комплектные устройства: КРУ, КСО, КТП, шкафы РЗА. Типовые решения для сетевых компаний и застройщиков.",
    delivery: 7,
    skuCode: "BEK",
  },
  {
    slug: "kabelnyy-dom-vasilevskiy",
    legalName: "Общество с ограниченной ответственностью «Кабельный дом «Васильевский»",
    shortName: "ООО «Кабельный дом «Васильевский»",
    sectors: ["GRID"],
    specialties: ["kabel-i-provod"],
    isManufacturer: false,
    verified: true,
    taxOffice: "7801",
    ogrnYear: "11",
    address: "199178, г. Санкт-Петербург, 17-я линия В. О., д. 54, лит. Л",
    description:
      "Склад кабельно-проводниковой продукции: силовые кабели до 35 кВ, СИП и провода для ВЛ. Резка в размер, отгрузка на барабанах с возвратом тары.",
    delivery: 6,
    skuCode: "KDV",
  },
  {
    slug: "ohta-kabel",
    legalName: "Акционерное общество «Кабельный завод «Охта-Кабель»",
    shortName: "АО «Охта-Кабель»",
    sectors: ["GRID"],
    specialties: ["kabel-i-provod"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7806",
    ogrnYear: "03",
    address: "195030, г. Санкт-Петербург, ул. Кабельная, д. 11, лит. Р",
    description:
      "Производство силовых кабелей с изоляцией из сшитого полиэтилена на напряжение 1–35 кВ и кабелей нг(А)-LS. Входной и выходной контроль в аккредитованной лаборатории.",
    delivery: 4,
    skuCode: "OKB",
  },
  {
    slug: "energouchet-spb",
    legalName: "Общество с ограниченной ответственностью «Научно-производственное объединение «Энергоучёт-СПб»",
    shortName: "ООО «НПО «Энергоучёт-СПб»",
    sectors: ["GRID"],
    specialties: ["pribory-ucheta", "rza"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7810",
    ogrnYear: "12",
    address: "196084, г. Санкт-Петербург, ул. Измерительная, д. 25, лит. А, офис 402",
    description:
      "Счётчики электроэнергии для интеллектуальных систем учёта, устройства сбора и передачи данных, терминалы релейной защиты. Счётчики внесены в реестр средств измерений.",
    delivery: 6,
    skuCode: "EUS",
  },
  {
    slug: "zavod-opor-severo-zapad",
    legalName: "Общество с ограниченной ответственностью «Завод опор «Северо-Запад»",
    shortName: "ООО «Завод опор «Северо-Запад»",
    sectors: ["GRID"],
    specialties: ["opory-lep"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7817",
    ogrnYear: "10",
    address: "196641, г. Санкт-Петербург, пос. Металлострой, Опорная ул., д. 3, лит. А",
    description:
      "Железобетонные стойки СВ, металлические решётчатые и многогранные опоры ВЛ 0,4–110 кВ. Горячее цинкование, комплектация узлами крепления.",
    delivery: 4,
    skuCode: "ZOS",
  },
  {
    slug: "izolyator-neva",
    legalName: "Общество с ограниченной ответственностью «Изолятор-Нева»",
    shortName: "ООО «Изолятор-Нева»",
    sectors: ["GRID"],
    specialties: ["opn", "opory-lep"],
    isManufacturer: true,
    verified: false,
    taxOffice: "7814",
    ogrnYear: "20",
    address: "197229, г. Санкт-Петербург, Лахтинский пр., д. 85, корп. 2, лит. В",
    description:
      "Ограничители перенапряжений ОПН в полимерной покрышке для сетей 0,4–110 кВ, линейная арматура. Испытания в высоковольтной лаборатории.",
    delivery: 6,
    skuCode: "IZN",
  },
  {
    slug: "petroenergosnab",
    legalName: "Общество с ограниченной ответственностью «Петроэнергоснаб»",
    shortName: "ООО «Петроэнергоснаб»",
    sectors: ["GRID"],
    specialties: null,
    isManufacturer: false,
    verified: false,
    taxOffice: "7840",
    ogrnYear: "15",
    address: "191040, г. Санкт-Петербург, Лиговский пр., д. 50, корп. 13, лит. А, офис 51",
    description:
      "Дистрибуция электротехнического оборудования для сетевых компаний: трансформаторы, подстанции, кабель, ОПН, приборы учёта. Работаем по 223-ФЗ.",
    delivery: 3,
    skuCode: "PES2",
  },
  {
    slug: "pulkovskiy-zavod-kommunalnyh-mashin",
    legalName: "Акционерное общество «Пулковский завод коммунальных машин»",
    shortName: "АО «ПЗКМ»",
    sectors: ["MUNICIPAL"],
    specialties: ["kdm", "snegouborochnaya-tehnika", "podmetalno-uborochnye-mashiny", "musorovozy"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7810",
    ogrnYear: "04",
    address: "196140, г. Санкт-Петербург, Пулковское ш., д. 60, корп. 1, лит. В",
    description:
      "Монтаж коммунального оборудования на шасси КАМАЗ, МАЗ и ГАЗ: КДМ, мусоровозы, подметально-уборочные машины, снегоочистители. Сервисная сеть и склад запчастей.",
    delivery: 7,
    skuCode: "PZK",
  },
  {
    slug: "spetstehnika-neva",
    legalName: "Общество с ограниченной ответственностью «Спецтехника-Нева»",
    shortName: "ООО «Спецтехника-Нева»",
    sectors: ["MUNICIPAL"],
    specialties: ["kdm", "snegouborochnaya-tehnika", "podmetalno-uborochnye-mashiny", "musorovozy", "assenizatory"],
    isManufacturer: false,
    verified: true,
    taxOffice: "7802",
    ogrnYear: "16",
    address: "194362, г. Санкт-Петербург, пос. Парголово, Выборгское ш., д. 503, корп. 2, лит. А",
    description:
      "Официальный дилер коммунальной техники ведущих российских заводов. Лизинг, трейд-ин, гарантийное обслуживание и обучение водителей.",
    delivery: 7,
    skuCode: "STN",
  },
  {
    slug: "nevskie-ochistnye-tehnologii",
    legalName: "Общество с ограниченной ответственностью «Невские очистные технологии»",
    shortName: "ООО «НОТ»",
    sectors: ["MUNICIPAL"],
    specialties: ["vodoochistka", "kns"],
    isManufacturer: true,
    verified: true,
    taxOffice: "7816",
    ogrnYear: "13",
    address: "192236, г. Санкт-Петербург, ул. Софийская, д. 14, лит. Ж",
    description:
      "Станции водоподготовки, локальные очистные сооружения и КНС в стеклопластиковых корпусах. Проектирование, изготовление, монтаж и пусконаладка.",
    delivery: 4,
    skuCode: "NOT",
  },
  {
    slug: "ekomash-spb",
    legalName: "Общество с ограниченной ответственностью «Экомаш-СПб»",
    shortName: "ООО «Экомаш-СПб»",
    sectors: ["MUNICIPAL"],
    specialties: ["musorovozy", "assenizatory"],
    isManufacturer: true,
    verified: false,
    taxOffice: "7805",
    ogrnYear: "18",
    address: "198097, г. Санкт-Петербург, пр. Стачек, д. 47, корп. 9, лит. А",
    description:
      "Мусоровозы с задней и боковой загрузкой, вакуумные и каналопромывочные машины собственного производства на российских шасси.",
    delivery: 7,
    skuCode: "EKM",
  },
  {
    slug: "akvaprom-baltika",
    legalName: "Общество с ограниченной ответственностью «Аквапром-Балтика»",
    shortName: "ООО «Аквапром-Балтика»",
    sectors: ["MUNICIPAL", "HEAT_POWER"],
    specialties: ["vodoochistka", "kns", "nasosy-setevye", "teploobmenniki"],
    isManufacturer: false,
    vatPayer: false,
    verified: true,
    taxOffice: "7825",
    ogrnYear: "17",
    address: "191186, г. Санкт-Петербург, ул. Малая Конюшенная, д. 9, лит. А, пом. 21-Н",
    description:
      "Насосное оборудование и водоочистка для ЖКХ и котельных: поставка со склада, подбор, монтаж и сервис. Применяем упрощённую систему налогообложения.",
    delivery: 1,
    skuCode: "APB",
  },
];

// ─── requisites ───────────────────────────────────────────────────────────

function hash32(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function digitsFrom(seed: string, n: number): string {
  let out = "";
  let h = hash32(seed);
  while (out.length < n) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    out += String(h % 100000).padStart(5, "0");
  }
  return out.slice(0, n);
}

function phoneFrom(seed: string, code: string): string {
  const d = digitsFrom(`phone:${seed}`, 7);
  const first = code === "812" ? String(3 + (Number(d[0]) % 7)) : d[0];
  return `+7 (${code}) ${first}${d.slice(1, 3)}-${d.slice(3, 5)}-${d.slice(5, 7)}`;
}

const VERIFIED_AT = (i: number) => new Date(Date.UTC(2026, 1, 10 + (i % 18), 9 + (i % 8), (i * 7) % 60));

function buildSupplier(def: SupplierDef, i: number): SupplierSeed {
  const inn = makeInn10(`${def.taxOffice}${digitsFrom(`inn:${def.slug}`, 5)}`);
  const ogrn = makeOgrn(`1${def.ogrnYear}78${def.taxOffice.slice(2)}${digitsFrom(`ogrn:${def.slug}`, 5)}`);
  const bank = SPB_BANKS[i % SPB_BANKS.length];
  const domain = `${def.slug}.example`;
  return {
    kind: "SUPPLIER",
    slug: def.slug,
    legalName: def.legalName,
    shortName: def.shortName,
    inn,
    kpp: makeKpp(def.taxOffice),
    ogrn,
    region: "Санкт-Петербург",
    city: "Санкт-Петербург",
    legalAddress: def.address,
    phone: phoneFrom(def.slug, "812"),
    email: `sales@${domain}`,
    website: `https://www.${domain}`,
    description: def.description,
    sectors: def.sectors,
    deliveryTerms: SEVASTOPOL_DELIVERY[def.delivery % SEVASTOPOL_DELIVERY.length],
    deliveryAddress: null,
    bankName: bank.name,
    bik: bank.bik,
    settlementAccount: makeSettlementAccount(bank.bik, digitsFrom(`acc:${def.slug}`, 11)),
    correspondentAccount: makeCorrespondentAccount(bank.bik),
    verifiedAt: def.verified ? VERIFIED_AT(i) : null,
    specialties: def.specialties,
    isManufacturer: def.isManufacturer,
    vatPayer: def.vatPayer ?? true,
    skuCode: def.skuCode,
    priceFactor: 0.9 + (hash32(`price:${def.slug}`) % 26) / 100,
  };
}

/** ≥ 28 fictional Petersburg suppliers; about 70 % verified. */
export const SUPPLIERS: SupplierSeed[] = SUPPLIER_DEFS.map(buildSupplier);

function buildBuyer(
  slug: string,
  legalName: string,
  shortName: string,
  taxOffice: string,
  ogrnYear: string,
  address: string,
  deliveryAddress: string,
  description: string,
  sectors: SectorCode[],
  i: number,
): BuyerSeed {
  return {
    kind: "BUYER",
    slug,
    legalName,
    shortName,
    inn: makeInn10(`${taxOffice}${digitsFrom(`inn:${slug}`, 5)}`),
    kpp: makeKpp(taxOffice),
    ogrn: makeOgrn(`1${ogrnYear}92${taxOffice.slice(2)}${digitsFrom(`ogrn:${slug}`, 5)}`),
    region: "Севастополь",
    city: "Севастополь",
    legalAddress: address,
    phone: phoneFrom(slug, "8692"),
    email: `zakupki@${slug}.example`,
    website: `https://${slug}.example`,
    description,
    sectors,
    deliveryTerms: null,
    deliveryAddress,
    bankName: CRIMEA_BANK.name,
    bik: CRIMEA_BANK.bik,
    settlementAccount: makeSettlementAccount(CRIMEA_BANK.bik, digitsFrom(`acc:${slug}`, 11)),
    correspondentAccount: makeCorrespondentAccount(CRIMEA_BANK.bik),
    verifiedAt: VERIFIED_AT(i + 3),
  };
}

/** Two fictional Sevastopol buyer organisations. */
export const BUYERS: BuyerSeed[] = [
  buildBuyer(
    "hersones-energoservis",
    "Общество с ограниченной ответственностью «Херсонес-Энергосервис»",
    "ООО «Херсонес-Энергосервис»",
    "9204",
    "15",
    "299011, г. Севастополь, ул. Энергетиков, д. 14, офис 3",
    "299053, г. Севастополь, Фиолентовское ш., д. 7, склад № 2 (приёмка пн–пт 8:00–16:00)",
    "Эксплуатация котельных, тепловых сетей и трансформаторных подстанций жилых кварталов и промышленных площадок Севастополя.",
    ["HEAT_POWER", "GRID"],
    0,
  ),
  buildBuyer(
    "balaklavskiy-vodokanal",
    "Муниципальное унитарное предприятие «Балаклавский водоканал»",
    "МУП «Балаклавский водоканал»",
    "9202",
    "16",
    "299042, г. Севастополь, г. Балаклава, ул. Рыбацкая, д. 21",
    "299042, г. Севастополь, г. Балаклава, ул. Рыбацкая, д. 21, производственная база",
    "Водоснабжение и водоотведение Балаклавского района: водозаборы, очистные сооружения, канализационные насосные станции, спецтехника.",
    ["MUNICIPAL", "HYDRO_POWER"],
    1,
  ),
];

export const ORGANIZATIONS: OrganizationSeed[] = [...SUPPLIERS, ...BUYERS];
