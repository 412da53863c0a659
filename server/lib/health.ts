import { getDb, type Db } from "../db/client";
import { dbMode } from "./env";

export type Health =
  | { status: "ok"; db: "ok"; mode: "embedded" | "server" }
  | { status: "error"; db: "unreachable"; mode: "embedded" | "server"; reason: string };

export async function checkHealth(opts: { db?: Db; timeoutMs?: number } = {}): Promise<Health> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const mode = dbMode();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([(opts.db ?? getDb()).$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", db: "ok", mode };
  } catch (err) {
    const reason = describe(err);
    return { status: "error", db: "unreachable", mode, reason };
  } finally {
    clearTimeout(timer);
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const line = err.message
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  const code = (err as { code?: unknown }).code;
  return line ?? (typeof code === "string" ? code : err.name);
}
