import type { Metadata } from "next";
import { PagePlaceholder } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <PagePlaceholder title="Dashboard" description="Live queue health, SLAs and satisfaction.">
      <p className="text-sm font-medium text-slate-700">The live dashboard is not built yet</p>
      <p className="mt-1 text-sm text-slate-500">Volumes, response times, SLA breaches and CSAT will show here.</p>
    </PagePlaceholder>
  );
}
