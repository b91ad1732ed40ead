import { checkDatabase } from "./db.server";

export interface HealthCheck {
  ok: boolean;
  [key: string]: unknown;
}

type ExtraCheck = () => Promise<HealthCheck>;
const extraChecks = new Map<string, ExtraCheck>();

/** Other parts (the outbox, the search engine) add their own section under a name: see app/startup.server.ts. */
export function registerHealthCheck(name: string, check: ExtraCheck) {
  extraChecks.set(name, check);
}

export async function getHealth() {
  const database = await checkDatabase();
  const extras: Record<string, HealthCheck> = {};
  for (const [name, check] of extraChecks) {
    try {
      extras[name] = await check();
    } catch (error) {
      extras[name] = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  const degraded = Object.values(extras).some((c) => !c.ok);
  return {
    status: database.ok ? (degraded ? "degraded" : "ok") : "down",
    time: new Date().toISOString(),
    database,
    ...extras,
  };
}
