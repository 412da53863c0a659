"use client";

import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import type { ShellUser } from "./app-shell";

const ROLE_LABEL: Record<ShellUser["role"], string> = { ADMIN: "Admin", LEAD: "Team lead", AGENT: "Agent", VOLUNTEER: "Volunteer" };

export function UserMenu({ user }: { user: ShellUser }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Account: ${user.name}`}
        onClick={() => setOpen((o) => !o)}
        className="rounded-full"
      >
        <Avatar name={user.name} />
      </button>
      {open && (
        <div
          role="menu"
          className="absolute bottom-0 left-12 z-50 w-64 rounded-lg border border-slate-200 bg-white p-1 text-sm text-slate-700 shadow-lg"
        >
          <div className="border-b border-slate-100 px-3 py-2.5">
            <p className="font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-slate-500">{user.email}</p>
            <p className="mt-1.5 flex items-center gap-2 text-xs">
              <span data-testid="user-role" className="rounded bg-brand-50 px-1.5 py-0.5 font-medium text-brand-700">
                {ROLE_LABEL[user.role]}
              </span>
              <span className="truncate text-slate-400">{user.workspaceName}</span>
            </p>
            {user.accessUntil && (
              <p className="mt-1 text-xs text-amber-700">Access until {new Date(user.accessUntil).toLocaleDateString()}</p>
            )}
          </div>
          <button
            role="menuitem"
            type="button"
            onClick={() => void signOut({ callbackUrl: "/signin" })}
            className="mt-1 w-full rounded-md px-3 py-2 text-left hover:bg-slate-100"
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
