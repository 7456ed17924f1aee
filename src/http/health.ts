/** The `/healthz` report: what an operator (or a load balancer) needs to know at a glance. */

/** The catalogue served: its procedures, its labelled questions (when counted) and its version. */
export interface CatalogueHealth {
  procedures: number;
  questions?: number;
  version: string;
}

export interface HealthSource {
  catalogue(): CatalogueHealth;
  /** Whether storage answers a ping right now. */
  storage(): Promise<boolean>;
  /** Each running channel and whether it is up. */
  channels(): Record<string, boolean>;
}

export interface HealthReport {
  /** "ok": all up; "degraded": storage fine but a channel is down; "down": storage unreachable. */
  status: "ok" | "degraded" | "down";
  catalogue: CatalogueHealth;
  storage: { reachable: boolean };
  channels: Record<string, boolean>;
}

export async function checkHealth(source: HealthSource): Promise<HealthReport> {
  const reachable = await source.storage().catch(() => false);
  const channels = source.channels();
  const status = !reachable ? "down" : Object.values(channels).every(Boolean) ? "ok" : "degraded";
  return { status, catalogue: source.catalogue(), storage: { reachable }, channels };
}
