import clsx from "clsx";
import { useSyncExternalStore, type ReactNode } from "react";

/** A keyboard key as shown in hints and the shortcut sheet. */
export function Kbd({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <kbd
      className={clsx(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-slate-200 bg-white px-1 font-sans text-[11px] leading-none font-medium text-slate-500 shadow-[0_1px_0_rgb(15_23_42/0.08)]",
        className,
      )}
    >
      {children}
    </kbd>
  );
}

const noSubscribe = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

/** "Mod" is ⌘ on Apple platforms and Ctrl elsewhere (the server renders "Ctrl", the client corrects it). */
export function useModKey(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => (isApple() ? "⌘" : "Ctrl"),
    () => "Ctrl",
  );
}
