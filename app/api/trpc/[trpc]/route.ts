import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/server/db/client";
import { getSessionIdentity } from "@/server/auth/session";
import { appRouter } from "@/server/trpc/router";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1_000_000;

async function handler(req: Request): Promise<Response> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return Response.json({ error: "Request body too large" }, { status: 413 });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ db: getDb(), identity: await getSessionIdentity() }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
