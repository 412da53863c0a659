import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/actor";
import type { Permission } from "../auth/permissions";
import type { SessionIdentity } from "../auth/session";
import { AppError, type AppErrorCode } from "../lib/errors";
import { findActor } from "../workspaces/workspaces.repository";

export type Context = { db: Db; identity: SessionIdentity | null };

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        // flattened zod issues so forms can show them next to fields
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
export const mergeRouters = t.mergeRouters;

/** Maps domain AppErrors to TRPCErrors, once, for every procedure. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapAppErrors);

/** Signed in AND an active member of the session's workspace (access window checked on every call). */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.identity) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const actor: Actor | null = await findActor(ctx.db, ctx.identity.userId, ctx.identity.workspaceId);
  if (!actor) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this workspace (or your access has ended)." });
  return next({ ctx: { ...ctx, actor } });
});

/** protectedProcedure + one permission from server/auth/permissions.ts. */
export function authorizedProcedure(permission: Permission) {
  return protectedProcedure.use(({ ctx, next }) => {
    assertCan(ctx.actor, permission);
    return next();
  });
}
