import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getCurrentActor } from "@/server/auth/session";
import { can } from "@/server/auth/actor";
import { TrpcProviders } from "@/components/providers/trpc";
import { AppShell, type ShellUser } from "@/components/shell/app-shell";
import { ToastProvider } from "@/components/ui/toast";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  const user: ShellUser = {
    name: actor.name,
    email: actor.email,
    role: actor.role,
    workspaceName: actor.workspaceName,
    accessUntil: actor.accessUntil?.toISOString() ?? null,
    nav: {
      customers: can(actor, "customers.list"),
      dashboard: can(actor, "dashboard.read"),
      settings: can(actor, "settings.read"),
    },
  };
  return (
    <TrpcProviders>
      <ToastProvider>
        <AppShell user={user}>{children}</AppShell>
      </ToastProvider>
    </TrpcProviders>
  );
}
