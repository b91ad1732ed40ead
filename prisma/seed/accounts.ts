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
      name: "Оператор СнабМоста",
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
  for (const org of orgs) {
    const email = demoOwnerEmail(org.slug);
    const user = await prisma.user.upsert({
      where: { email },
      create: {
        email,
        name: `Владелец ${org.shortName}`.slice(0, 120),
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
