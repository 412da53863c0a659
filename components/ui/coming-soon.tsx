import type { ReactNode } from "react";

/** A finished-looking page header with an honest note about what is not built yet. */
export function PagePlaceholder({ title, description, children }: { title: string; description: string; children?: ReactNode }) {
  return (
    <div className="flex h-screen flex-col">
      <header className="border-b border-slate-200 bg-white px-8 py-5">
        <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
        <p className="text-sm text-slate-500">{description}</p>
      </header>
      <div className="flex flex-1 items-center justify-center p-8">
        <div className="max-w-md rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">{children}</div>
      </div>
    </div>
  );
}

/** The same honest note inside a page that has its own header (e.g. a settings section not built yet). */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <div className="flex h-full items-center justify-center p-8">
      <div className="max-w-md rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="text-sm font-medium text-slate-700">{title}</p>
        <p className="mt-1 text-sm text-slate-500">{description}</p>
      </div>
    </div>
  );
}
