import Link from "next/link";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { UsersIcon } from "@/components/ui/icons";
import type { CustomerSummary } from "./timeline-types";

export const customerName = (c: { name: string | null; email: string | null; phone: string | null }) =>
  c.name ?? c.email ?? c.phone ?? "Unknown customer";

/** Breadcrumb, who this is (name, VIP, every channel identity) and, for leads, Merge. */
export function CustomerHeader({ summary, canMerge, onMerge }: { summary: CustomerSummary; canMerge: boolean; onMerge: () => void }) {
  const name = customerName(summary);
  return (
    <header className="border-b border-slate-200 bg-white px-6 pt-3 pb-4">
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-slate-500">
        <Link href="/customers" className="hover:text-slate-800 hover:underline">
          Customers
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="text-slate-700">{name}</span>
      </nav>
      <div className="flex items-center gap-3">
        {summary.avatarUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- avatars come from channel providers' CDNs
          <img src={summary.avatarUrl} alt="" className="h-11 w-11 rounded-full object-cover" />
        ) : (
          <Avatar name={name} className="h-11 w-11 text-sm" />
        )}
        <div className="min-w-0 flex-1">
          <h1 className="flex items-center gap-2 text-lg font-semibold text-slate-900">
            <span className="truncate">{name}</span>
            {summary.vip && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-800">VIP</span>}
          </h1>
          <ul aria-label="Channel identities" className="mt-1 flex flex-wrap gap-1.5">
            {summary.identities.map((i) => (
              <li
                key={i.id}
                className="flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pr-2 pl-0.5 text-xs text-slate-600"
              >
                <ChannelIcon kind={i.channelKind} size="xs" className="rounded-full" />
                <span className="max-w-56 truncate">
                  {i.displayName && i.channelKind !== "EMAIL" && !/^\+?\d+$/.test(i.address) ? i.displayName : i.address}
                </span>
              </li>
            ))}
            {summary.identities.length === 0 && <li className="text-xs text-slate-400">No channel identities</li>}
          </ul>
        </div>
        {canMerge && !summary.mergedInto && (
          <Button variant="secondary" onClick={onMerge} className="shrink-0">
            <UsersIcon className="h-4 w-4" /> Merge…
          </Button>
        )}
      </div>
      {summary.mergedInto && (
        <p role="status" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This customer was merged into{" "}
          <Link href={`/customers/${summary.mergedInto.id}`} className="font-semibold underline">
            {summary.mergedInto.name ?? summary.mergedInto.email ?? "another customer"}
          </Link>
          . Their conversations, orders and notes are there now{canMerge ? "; the merge can be undone from Merge history." : "."}
        </p>
      )}
    </header>
  );
}
