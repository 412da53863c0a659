import { Prisma } from "../db/generated/client";
import { AppError } from "../lib/errors";

/** Data that passed the schema but cannot be stored: the sender's problem (400 / a per-item error), not ours. */
export class SyncInputError extends Error {}

/**
 * What a failed sync tells the sender: 409 for a conflict that a later delivery may resolve (a fulfilment ahead of its
 * order, an order number another order holds — also when a concurrent writer took it first), 400 for unusable data;
 * null for our own failures (500, logged).
 */
export function classifySyncError(err: unknown): { status: 400 | 409; message: string } | null {
  if (err instanceof AppError && err.code === "CONFLICT") return { status: 409, message: err.message };
  if (err instanceof SyncInputError) return { status: 400, message: err.message };
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    return { status: 409, message: "Another order with the same number or id was stored at the same moment; deliver it again" };
  }
  return null;
}
