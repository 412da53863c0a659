"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { UserMenu } from "./user-menu";
import { InboxIcon, CustomersIcon, DashboardIcon, SettingsIcon } from "./nav-icons";

export type ShellUser = {
  name: string;
  email: string;
  role: "ADMIN" | "LEAD" | "AGENT" | "VOLUNTEER";
  workspaceName: string;
  accessUntil: string | null;
  nav: { customers: boolean; dashboard: boolean; settings: boolean };
};

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const items = [
    { href: "/inbox", label: "Inbox", icon: InboxIcon, show: true },
    { href: "/customers", label: "Customers", icon: CustomersIcon, show: user.nav.customers },
    { href: "/dashboard", label: "Dashboard", icon: DashboardIcon, show: user.nav.dashboard },
    { href: "/settings", label: "Settings", icon: SettingsIcon, show: user.nav.settings },
  ].filter((i) => i.show);
  return (
    <div className="flex h-full min-h-screen">
      <nav aria-label="Main" className="flex w-16 shrink-0 flex-col items-center gap-1 bg-slate-900 py-3 text-slate-400">
        <Link href="/inbox" className="mb-3" title={user.workspaceName}>
          <Logo className="h-8 w-8" />
          <span className="sr-only">Switchboard — {user.workspaceName}</span>
        </Link>
        {items.map((item) => {
          const active = pathname.startsWith(item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={clsx(
                "group flex w-12 flex-col items-center gap-0.5 rounded-lg py-2 text-[10px] font-medium transition-colors",
                active ? "bg-slate-800 text-white" : "hover:bg-slate-800/60 hover:text-slate-200",
              )}
            >
              <item.icon className="h-5 w-5" />
              {item.label}
            </Link>
          );
        })}
        <div className="mt-auto flex flex-col items-center gap-2">
          <NotificationBell />
          <UserMenu user={user} />
        </div>
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">{children}</div>
    </div>
  );
}
