import { z } from "zod";

// Validated once, at first use (the launcher sets DATABASE_URL / NEXTAUTH_SECRET for embedded mode).
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  SWITCHBOARD_DB_MODE: z.enum(["embedded", "server"]).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  SIGNIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
});
export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function dbMode(): "embedded" | "server" {
  return env().SWITCHBOARD_DB_MODE ?? "server";
}
