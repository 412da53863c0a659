import { AlertIcon, InboxIcon, RefreshIcon } from "@/components/ui/icons";
import { TimelineSkeleton } from "./timeline";

export function PaneSkeleton() {
  return (
    <div data-testid="conversation-pane" aria-busy="true" aria-label="Loading conversation" className="flex min-w-0 flex-1 flex-col">
      <div className="animate-pulse border-b border-slate-200 bg-white px-5 pt-3 pb-2.5">
        <div className="flex items-center gap-3">
          <span className="h-6 w-6 rounded-md bg-slate-200" />
          <div className="flex-1 space-y-1.5">
            <div className="h-4 w-2/5 rounded bg-slate-200" />
            <div className="h-3 w-1/4 rounded bg-slate-100" />
          </div>
          <span className="h-7 w-20 rounded-md bg-slate-100" />
        </div>
        <div className="mt-2.5 flex gap-1.5 pl-9">
          {[96, 80, 64, 72].map((w) => (
            <span key={w} className="h-7 rounded-md bg-slate-100" style={{ width: w }} />
          ))}
        </div>
      </div>
      <div className="flex-1 overflow-hidden px-6 py-4">
        <TimelineSkeleton />
      </div>
      <div className="h-36 border-t border-slate-200 bg-white" />
    </div>
  );
}

export function PaneMessage({
  title,
  body,
  onRetry,
  tone = "neutral",
}: {
  title: string;
  body: string;
  onRetry?: () => void;
  tone?: "neutral" | "error";
}) {
  return (
    <div
      data-testid="conversation-pane"
      role={tone === "error" ? "alert" : undefined}
      className="flex min-w-0 flex-1 items-center justify-center p-8"
    >
      <div className="max-w-sm text-center">
        <span
          className={
            tone === "error"
              ? "mx-auto flex h-10 w-10 items-center justify-center rounded-full bg-red-50 text-red-600"
              : "mx-auto flex h-10 w-10 items-center justify-center rounded-full bg-slate-100 text-slate-500"
          }
        >
          {tone === "error" ? <AlertIcon className="h-5 w-5" /> : <InboxIcon className="h-5 w-5" />}
        </span>
        <p className="mt-3 text-sm font-semibold text-slate-800">{title}</p>
        <p className="mt-1 text-sm text-slate-500">{body}</p>
        {onRetry && (
          <button
            type="button"
            onClick={onRetry}
            className="mt-4 inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            <RefreshIcon className="h-3.5 w-3.5" /> Try again
          </button>
        )}
      </div>
    </div>
  );
}
