/**
 * Demo users (demo only; the credentials are printed by `npm start` on first seed and listed in README):
 * the operator admin@snabmost.demo and one owner per seeded organisation, owner@<org-slug>.demo, all with the same
 * documented password, addresses confirmed.
 */
import type { PrismaClient } from "../../app/generated/prisma/client";
import { hashPassword } from "../../app/modules/accounts/passwords.server";

export const DEMO_PASSWORD = "Demo-Password-2026";
export const DEMO_OPERATOR_EMAIL = "admin@snabmost.demo";

export function demoOwnerEmail(orgSlug: string): string {
  return `owner@${orgSlug}.demo`;
}

/**
 * The people behind the demo organisations (fictional): surname, given name and patronymic, the way a Russian
 * company's contact person is written. One per organisation in seeding order; past the list the names repeat with a
 * different surname so every user stays distinct.
 */
export const DEMO_PEOPLE = [
  "Андреев Сергей Викторович",
  "Белова Наталья Игоревна",
  "Громов Алексей Петрович",
  "Дмитриева Ольга Сергеевна",
  "Ефимов Павел Андреевич",
  "Жукова Марина Владимировна",
  "Зайцев Игорь Николаевич",
  "Исаева Татьяна Олеговна",
  "Ковалёв Дмитрий Юрьевич",
  "Лебедева Анна Михайловна",
  "Миронов Виктор Александрович",
  "Николаева Елена Борисовна",
  "Орлов Константин Евгеньевич",
  "Павлова Светлана Анатольевна",
  "Романов Григорий Ильич",
  "Соколова Ирина Валерьевна",
  "Тарасов Максим Геннадьевич",
  "Уварова Людмила Петровна",
  "Фёдоров Артём Станиславович",
  "Харитонова Юлия Романовна",
  "Цветков Роман Дмитриевич",
  "Чернова Вера Алексеевна",
  "Шестаков Олег Иванович",
  "Яковлева Кристина Сергеевна",
];
const EXTRA_SURNAMES = ["Кузнецов", "Морозов", "Волков", "Соловьёв", "Васильев", "Попов"];

export function demoPersonName(i: number): string {
  const base = DEMO_PEOPLE[i % DEMO_PEOPLE.length];
  const round = Math.floor(i / DEMO_PEOPLE.length);
  if (round === 0) return base;
  const [, given, patronymic] = base.split(" ");
  const surname = EXTRA_SURNAMES[(round - 1) % EXTRA_SURNAMES.length];
  // a woman's surname takes -а (Кузнецов → Кузнецова); patronymics in -на mark her
  return `${patronymic.endsWith("на") ? `${surname}а` : surname} ${given} ${patronymic}`;
}

export interface SeedAccountsResult {
  operatorId: string;
  /** organisation id → the user ids of its members (the owner first). */
  userIdsByOrg: Record<string, string[]>;
  credentials: { role: string; email: string; password: string; organization?: string }[];
}

export async function seedAccounts(
  prisma: PrismaClient,
  opts: { orgIdsBySlug: Record<string, string>; password?: string },
): Promise<SeedAccountsResult> {
  const password = opts.password ?? DEMO_PASSWORD;
  // One hash for every demo user: argon2id is deliberately slow, and these accounts share one documented password.
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const operator = await prisma.user.upsert({
    where: { email: DEMO_OPERATOR_EMAIL },
    create: {
      email: DEMO_OPERATOR_EMAIL,
      name: "Котова Ирина Сергеевна",
      passwordHash,
      isOperator: true,
      emailVerifiedAt: now,
    },
    update: {},
  });
  const credentials: SeedAccountsResult["credentials"] = [{ role: "operator", email: DEMO_OPERATOR_EMAIL, password }];
  const userIdsByOrg: Record<string, string[]> = {};
  const orgs = await prisma.organization.findMany({
    where: { id: { in: Object.values(opts.orgIdsBySlug) } },
    select: { id: true, slug: true, kind: true, shortName: true },
    orderBy: [{ kind: "asc" }, { slug: "asc" }],
  });
  for (const [i, org] of orgs.entries()) {
    const email = demoOwnerEmail(org.slug);
    const user = await prisma.user.upsert({
      where: { email },
      create: {
        email,
        name: demoPersonName(i),
        passwordHash,
        emailVerifiedAt: now,
        memberships: { create: { organizationId: org.id, role: "OWNER" } },
      },
      update: {},
    });
    userIdsByOrg[org.id] = [user.id];
    credentials.push({
      role: org.kind === "BUYER" ? "buyer" : "supplier",
      email,
      password,
      organization: org.shortName,
    });
  }
  return { operatorId: operator.id, userIdsByOrg, credentials };
}
