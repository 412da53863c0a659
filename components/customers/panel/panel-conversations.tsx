"use client";

import clsx from "clsx";
import Link from "next/link";
import { useTRPCClient } from "@/components/providers/trpc";
import { ChannelIcon } from "@/components/inbox/channel-icon";
import { RelativeTime } from "@/components/ui/relative-time";
import { Badge, LinkButton, Section, humanize, type PanelData } from "./panel-ui";
import { useMore } from "./use-more";

const STATUS_TONE = { OPEN: "sky", PENDING: "amber", SNOOZED: "violet", RESOLVED: "slate" } as const;

/** Every conversation with this customer on every channel (the ones the member may see); one click opens it. */
export function PanelConversations({ customerId, data, currentId }: { customerId: string; data: PanelData; currentId?: string }) {
  const client = useTRPCClient();
  const more = useMore(data.conversations, (cursor) => client.customers.panelConversations.query({ customerId, cursor }));
  return (
    <Section title="Conversations" count={data.stats.conversationCount} testId="panel-conversations">
      {more.items.length === 0 ? (
        <p className="text-xs text-slate-400">No conversations yet.</p>
      ) : (
        <ul className="-mx-1.5 space-y-0.5">
          {more.items.map((c) => {
            const current = c.id === currentId;
            const body = (
              <>
                <ChannelIcon kind={c.channel.kind} size="xs" className="mt-0.5" />
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-1.5">
                    <span className={clsx("truncate text-xs", current ? "font-semibold text-slate-900" : "font-medium text-slate-700")}>
                      {c.subject ?? c.preview ?? `Conversation #${c.number}`}
                    </span>
                    <RelativeTime date={c.lastMessageAt} className="ml-auto shrink-0 text-[11px] text-slate-400" />
                  </span>
                  <span className="mt-0.5 flex items-center gap-1 text-[11px] text-slate-400">
                    <span className="truncate">
                      #{c.number} · {c.channel.name}
                    </span>
                    {current ? <Badge tone="sky">Viewing</Badge> : <Badge tone={STATUS_TONE[c.status]}>{humanize(c.status)}</Badge>}
                  </span>
                </span>
              </>
            );
            return (
              <li key={c.id} data-testid="panel-conversation" data-channel={c.channel.kind} data-current={current || undefined}>
                {current ? (
                  <div aria-current="page" className="flex items-start gap-2 rounded-md bg-slate-50 px-1.5 py-1">
                    {body}
                  </div>
                ) : (
                  <Link
                    href={`/inbox?c=${c.id}`}
                    className="flex items-start gap-2 rounded-md px-1.5 py-1 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                  >
                    {body}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {more.hasMore && (
        <LinkButton className="mt-1.5" onClick={() => void more.load()} disabled={more.loading}>
          {more.loading ? "Loading…" : "Show more conversations"}
        </LinkButton>
      )}
      {more.error && <p className="mt-1 text-xs text-red-600">{more.error}</p>}
    </Section>
  );
}
