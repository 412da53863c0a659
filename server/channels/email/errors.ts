import { DatabaseError } from "pg";
import { Prisma } from "../../db/generated/client";

/**
 * A unique constraint said no: P2002 from a model query, or P2010 from a raw statement whose driver error is 23505
 * (Prisma does not map raw statements' errors to P2002), or pg's own 23505 from a statement run on pg directly.
 */
export function isUniqueViolation(err: unknown): boolean {
  // a statement run on pg directly (server/db/sql.ts) fails with pg's DatabaseError, which carries the SQLSTATE
  if (err instanceof DatabaseError) return err.code === "23505";
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2002") return true;
  if (err.code !== "P2010") return false;
  const cause = (err.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined)?.driverAdapterError
    ?.cause;
  return cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505";
}
