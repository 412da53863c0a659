import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db/client";
import { getCurrentActor } from "@/server/auth/session";
import { demoWorkspaceExists } from "@/server/workspaces/workspaces.repository";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const DEMO_USERS = [
  { email: "admin@example.com", role: "Admin" },
  { email: "lead@example.com", role: "Team lead" },
  { email: "agent@example.com", role: "Agent" },
  { email: "agent2@example.com", role: "Agent" },
  { email: "volunteer@example.com", role: "Volunteer" },
];

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (await getCurrentActor()) redirect("/inbox");
  const params = await searchParams;
  const showDemo = await demoWorkspaceExists(getDb());
  return (
    <main className="flex min-h-full items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo className="h-10 w-10" />
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Switchboard</h1>
          <p className="text-sm text-slate-500">Every customer conversation, one shared inbox.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm initialError={params.error} callbackUrl={safeCallback(params.callbackUrl)} />
        </div>
        {showDemo && (
          <section aria-labelledby="demo-heading" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white/60 p-4 text-sm">
            <h2 id="demo-heading" className="font-medium text-slate-700">
              Demo workspace
            </h2>
            <p className="mt-1 text-slate-500">
              Every demo account uses the password <code className="rounded bg-slate-100 px-1 font-mono text-slate-700">switchboard</code>.
            </p>
            <ul className="mt-3 grid grid-cols-1 gap-1">
              {DEMO_USERS.map((u) => (
                <li key={u.email} className="flex justify-between gap-2">
                  <span className="font-mono text-slate-700">{u.email}</span>
                  <span className="text-slate-400">{u.role}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}

function safeCallback(url: string | undefined): string {
  // only same-origin paths: never an open redirect
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/inbox";
}
