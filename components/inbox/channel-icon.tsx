import clsx from "clsx";

export type ChannelKindValue = "EMAIL" | "CHAT" | "MESSENGER" | "INSTAGRAM" | "WHATSAPP" | "TELEGRAM" | "SMS";

const META: Record<ChannelKindValue, { label: string; className: string; path: string }> = {
  EMAIL: { label: "Email", className: "bg-slate-100 text-slate-600", path: "M4 6h16v12H4zM4 7l8 6 8-6" },
  CHAT: { label: "Live chat", className: "bg-brand-50 text-brand-600", path: "M5 5h14v10H9l-4 4z" },
  MESSENGER: {
    label: "Messenger",
    className: "bg-blue-50 text-blue-600",
    path: "M12 4a8 7.5 0 0 0-4 14l-.5 2.5L10 19a8 7.5 0 1 0 2-15zM8 13l3-3 2 2 3-3",
  },
  INSTAGRAM: {
    label: "Instagram",
    className: "bg-pink-50 text-pink-600",
    path: "M5 5h14v14H5zM12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7M16.5 7.5h.01",
  },
  WHATSAPP: { label: "WhatsApp", className: "bg-emerald-50 text-emerald-600", path: "M4 20l1.3-4A8 8 0 1 1 8 18.7zM9 9c0 3 3 6 6 6" },
  TELEGRAM: { label: "Telegram", className: "bg-sky-50 text-sky-600", path: "M3 11l18-7-3 16-6-5-3 3v-4l9-8-11 7z" },
  SMS: { label: "SMS", className: "bg-amber-50 text-amber-600", path: "M7 3h10v18H7zM11 18h2" },
};

export function channelLabel(kind: ChannelKindValue): string {
  return META[kind].label;
}

export function ChannelIcon({ kind, className, size = "md" }: { kind: ChannelKindValue; className?: string; size?: "xs" | "md" }) {
  const m = META[kind];
  return (
    <span
      title={m.label}
      className={clsx(
        "inline-flex shrink-0 items-center justify-center",
        size === "xs" ? "h-4 w-4 rounded" : "h-6 w-6 rounded-md",
        m.className,
        className,
      )}
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        className={size === "xs" ? "h-3 w-3" : "h-3.5 w-3.5"}
        aria-hidden="true"
      >
        <path d={m.path} />
      </svg>
      <span className="sr-only">{m.label}</span>
    </span>
  );
}
