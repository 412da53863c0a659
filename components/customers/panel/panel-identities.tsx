"use client";

import { ChannelIcon, channelLabel } from "@/components/inbox/channel-icon";
import { CheckIcon } from "@/components/ui/icons";
import { Section, type PanelData } from "./panel-ui";

/** Every address the customer reaches us from, with its channel's icon (emails and phones are links). */
export function PanelIdentities({ identities }: { identities: PanelData["identities"] }) {
  return (
    <Section title="Channels" count={identities.length} testId="panel-identities">
      {identities.length === 0 ? (
        <p className="text-xs text-slate-400">No channel identities yet.</p>
      ) : (
        <ul className="space-y-1.5">
          {identities.map((i) => {
            const href =
              i.channelKind === "EMAIL"
                ? `mailto:${i.address}`
                : i.channelKind === "SMS" || i.channelKind === "WHATSAPP"
                  ? `tel:${i.address}`
                  : null;
            const label = i.channelKind === "INSTAGRAM" && i.displayName ? `@${i.displayName}` : i.address;
            return (
              <li key={i.id} className="flex min-w-0 items-center gap-2 text-xs text-slate-700">
                <ChannelIcon kind={i.channelKind} size="xs" />
                <span className="sr-only">{channelLabel(i.channelKind)}:</span>
                {href ? (
                  <a
                    href={href}
                    className="truncate hover:text-brand-700 hover:underline"
                    title={i.displayName ? `${i.displayName} · ${i.address}` : i.address}
                  >
                    {label}
                  </a>
                ) : (
                  <span className="truncate" title={i.displayName ? `${i.displayName} · ${i.address}` : i.address}>
                    {label}
                  </span>
                )}
                {i.verified && (
                  <span title="Verified" className="shrink-0 text-emerald-500">
                    <CheckIcon className="h-3 w-3" />
                    <span className="sr-only">verified</span>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
