import type { Metadata } from "next";
import { PagePlaceholder } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Customers" };

export default function CustomersPage() {
  return (
    <PagePlaceholder title="Customers" description="Everyone who has contacted you, on every channel.">
      <p className="text-sm font-medium text-slate-700">The customer directory is not built yet</p>
      <p className="mt-1 text-sm text-slate-500">Search, filters, merges and exports arrive with the single customer view.</p>
    </PagePlaceholder>
  );
}
