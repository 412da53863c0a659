import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PagePlaceholder } from "@/components/ui/coming-soon";
import { getCurrentActor } from "@/server/auth/session";
import { can } from "@/server/auth/actor";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await getCurrentActor();
  if (!actor || !can(actor, "settings.read")) redirect("/inbox");
  return (
    <PagePlaceholder title="Settings" description="Channels, teams, routing, SLAs, saved replies and automation.">
      <p className="text-sm font-medium text-slate-700">Settings pages are not built yet</p>
      <p className="mt-1 text-sm text-slate-500">Channel set-up, teams and business hours arrive with their issues.</p>
    </PagePlaceholder>
  );
}
