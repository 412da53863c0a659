import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { AppError } from "../lib/errors";
import { authenticate } from "./sign-in";

const ZCredentials = z.object({ email: z.string().trim().email().max(320), password: z.string().min(1).max(1024) });

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}

// Error codes the sign-in page turns into messages (next-auth passes thrown messages through as ?error=).
export const SIGNIN_ERRORS = {
  CredentialsSignin: "Incorrect email or password.",
  RATE_LIMITED: "Too many sign-in attempts. Wait a few minutes and try again.",
  ACCESS_ENDED: "Your access to this workspace has ended. Ask a team lead to extend it.",
} as const;

export const authOptions: NextAuthOptions = {
  // JWT sessions signed with NEXTAUTH_SECRET (persisted under .data in embedded mode) survive restarts;
  // the membership is re-checked against the database on every request, so revoking access is immediate.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const user = await authenticate(getDb(), { ...parsed.data, ip: clientIp(req?.headers) });
          return { id: user.id, name: user.name, email: user.email, workspaceId: user.workspaceId };
        } catch (err) {
          if (err instanceof AppError && err.code === "UNAUTHORIZED") return null;
          if (err instanceof AppError && err.code === "TOO_MANY_REQUESTS") throw new Error("RATE_LIMITED");
          if (err instanceof AppError && err.code === "FORBIDDEN") throw new Error("ACCESS_ENDED");
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "workspaceId" in user) {
        token.sub = user.id;
        token.workspaceId = String(user.workspaceId);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub ?? "", workspaceId: typeof token.workspaceId === "string" ? token.workspaceId : "" };
    },
  },
};
