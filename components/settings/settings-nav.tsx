import clsx from "clsx";
import Link from "next/link";

export const SETTINGS_SECTIONS = [
  { key: "channels", label: "Channels", description: "Email addresses, chat, social and SMS" },
  { key: "integrations", label: "Integrations", description: "Shopify and other stores: orders and shipments" },
  { key: "import", label: "Import data", description: "Customers, orders and shipments from CSV files" },
  { key: "attributes", label: "Customer attributes", description: "Typed fields shown on every customer" },
  { key: "teams", label: "Teams", description: "Who works which queue" },
  { key: "members", label: "Members", description: "People, roles and volunteers" },
  { key: "hours", label: "Business hours", description: "Opening hours and holidays" },
  { key: "sla", label: "SLAs", description: "Response and resolution targets" },
  { key: "replies", label: "Saved replies", description: "Shared answers with variables" },
  { key: "automation", label: "Automation", description: "Rules, auto-replies and surveys" },
] as const;
export type SettingsSectionKey = (typeof SETTINGS_SECTIONS)[number]["key"];
/** Sections that exist; the others show "Soon". */
const BUILT: ReadonlySet<SettingsSectionKey> = new Set<SettingsSectionKey>(["channels", "integrations", "import", "attributes"]);

export function isSettingsSection(value: string | undefined): value is SettingsSectionKey {
  return SETTINGS_SECTIONS.some((s) => s.key === value);
}

/** The settings sub-navigation: Channels is built; the others say so honestly. */
export function SettingsNav({ current }: { current: SettingsSectionKey }) {
  return (
    <nav aria-label="Settings" className="w-56 shrink-0 border-r border-slate-200 bg-slate-50/80 px-3 py-4">
      <p className="mb-2 px-2.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Settings</p>
      <ul className="flex flex-col gap-0.5">
        {SETTINGS_SECTIONS.map((s) => {
          const active = s.key === current;
          return (
            <li key={s.key}>
              <Link
                href={s.key === "channels" ? "/settings" : `/settings?section=${s.key}`}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "flex items-center justify-between gap-2 rounded-md px-2.5 py-1.5 text-sm",
                  active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
                )}
              >
                {s.label}
                {!BUILT.has(s.key) && <span className="text-[10px] font-medium text-slate-400">Soon</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
