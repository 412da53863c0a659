"use client";

import { Kbd, useModKey } from "@/components/ui/kbd";
import { Modal } from "@/components/ui/modal";
import { SHORTCUT_GROUPS } from "./shortcuts";

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const mod = useModKey();
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="max-w-2xl">
      <div data-testid="shortcut-sheet" className="grid gap-6 p-5 sm:grid-cols-2">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title} className={g.title === "Moving around" ? "sm:row-span-2" : undefined}>
            <h3 className="mb-2 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{g.title}</h3>
            <dl className="space-y-1.5">
              {g.items.map((s) => (
                <div key={s.label} className="flex items-center justify-between gap-4 text-sm">
                  <dt className="text-slate-600">{s.label}</dt>
                  <dd className="flex shrink-0 gap-1">
                    {s.keys.map((k) => (
                      <Kbd key={k}>{k === "Mod" ? mod : k}</Kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
