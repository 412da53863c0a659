import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LockIcon } from "@/components/ui/icons";
import { ComingSoon, PagePlaceholder } from "@/components/ui/coming-soon";
import { ChannelsSection } from "@/components/settings/channels-section";
import { IntegrationsSection } from "@/components/settings/integrations-section";
import { ImportSection } from "@/components/settings/import-section";
import { AttributesSection } from "@/components/settings/attributes-section";
import { SETTINGS_SECTIONS, SettingsNav, isSettingsSection } from "@/components/settings/settings-nav";
import { getCurrentActor } from "@/server/auth/session";
import { can } from "@/server/auth/actor";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ section?: string }> }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  if (!can(actor, "channels.read")) {
    return (
      <PagePlaceholder title="Settings" description="Channels, teams, routing, SLAs, saved replies and automation.">
        <LockIcon className="mx-auto mb-3 h-6 w-6 text-slate-400" />
        <p className="text-sm font-medium text-slate-700">Only admins and team leads can change settings</p>
        <p className="mt-1 text-sm text-slate-500">Ask a lead or an admin of {actor.workspaceName} if something needs changing.</p>
      </PagePlaceholder>
    );
  }
  const { section: raw } = await searchParams;
  const section = isSettingsSection(raw) ? raw : "channels";
  const meta = SETTINGS_SECTIONS.find((s) => s.key === section);
  return (
    <div className="flex h-screen flex-col">
      <header className="border-b border-slate-200 bg-white px-8 py-5">
        <h1 className="text-lg font-semibold text-slate-900">Settings</h1>
        <p className="text-sm text-slate-500">{actor.workspaceName} · how your workspace receives, routes and answers</p>
      </header>
      <div className="flex min-h-0 flex-1">
        <SettingsNav current={section} />
        <main className="min-w-0 flex-1 overflow-y-auto bg-slate-50/40">
          {section === "channels" ? (
            <ChannelsSection />
          ) : section === "integrations" ? (
            <IntegrationsSection />
          ) : section === "import" ? (
            <ImportSection />
          ) : section === "attributes" ? (
            <AttributesSection />
          ) : (
            <ComingSoon
              title={`${meta?.label ?? "These"} settings are coming soon`}
              description={`${meta?.description ?? ""} — this page arrives with its issue.`}
            />
          )}
        </main>
      </div>
    </div>
  );
}
