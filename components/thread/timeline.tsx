"use client";

import { useLayoutEffect, useRef } from "react";
import type { MessageItem } from "@/components/inbox/types";
import { TimelineItem } from "./timeline-item";
import type { useThreadMessages } from "./use-thread-messages";

const NEAR_BOTTOM = 160;

/** One chronological stream; opens at the newest message, keeps its place when older pages load. */
export function Timeline({
  thread,
  customerName,
  memberName,
  myId,
}: {
  thread: ReturnType<typeof useThreadMessages>;
  customerName: string;
  memberName: (id: string) => string | undefined;
  myId: string | undefined;
}) {
  const { query, items, retry } = thread;
  const scrollRef = useRef<HTMLDivElement>(null);
  const last = useRef<{ oldest?: string; newest?: string; height: number; atBottom: boolean }>({ height: 0, atBottom: true });
  const oldest = items[0]?.id;
  const newest = items[items.length - 1];

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const prev = last.current;
    if (!prev.newest && newest)
      el.scrollTop = el.scrollHeight; // first paint: the newest message
    else if (newest && newest.id !== prev.newest && (prev.atBottom || newest.author?.id === myId)) el.scrollTop = el.scrollHeight;
    else if (oldest !== prev.oldest && newest?.id === prev.newest) el.scrollTop += el.scrollHeight - prev.height; // older page above: stay put
    last.current = {
      oldest,
      newest: newest?.id,
      height: el.scrollHeight,
      atBottom: el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM,
    };
  }, [oldest, newest, myId]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    last.current = { ...last.current, height: el.scrollHeight, atBottom: el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM };
  };

  return (
    <div ref={scrollRef} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto px-6 py-4" aria-busy={query.isFetching}>
      {query.hasNextPage && (
        <div className="mb-3 flex justify-center">
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            className="rounded-full border border-slate-200 bg-white px-3 py-1 text-xs font-medium text-slate-600 shadow-sm hover:bg-slate-50 disabled:opacity-60"
          >
            {query.isFetchingNextPage ? "Loading…" : "Load earlier messages"}
          </button>
        </div>
      )}
      {query.isPending ? (
        <TimelineSkeleton />
      ) : items.length === 0 ? (
        <div className="flex h-full flex-col items-center justify-center text-center">
          <p className="text-sm font-medium text-slate-600">No messages yet</p>
          <p className="mt-1 text-sm text-slate-400">Start the conversation below — replies go out on this channel.</p>
        </div>
      ) : (
        <ol aria-label="Messages" className="mx-auto flex max-w-3xl flex-col gap-3">
          {items.map((m: MessageItem) => (
            <TimelineItem
              key={m.id}
              message={m}
              customerName={customerName}
              memberName={memberName}
              onRetry={(messageId) => retry.mutate({ messageId })}
              retrying={retry.isPending && retry.variables.messageId === m.id}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

export function TimelineSkeleton() {
  return (
    <div aria-hidden="true" className="mx-auto flex max-w-3xl animate-pulse flex-col gap-3">
      {[72, 48, 96].map((h, i) => (
        <div key={i} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <div className="flex items-center gap-2">
            <span className="h-6 w-6 rounded-full bg-slate-200" />
            <span className="h-3 w-28 rounded bg-slate-200" />
            <span className="ml-auto h-3 w-8 rounded bg-slate-100" />
          </div>
          <div className="mt-3 ml-8 space-y-2" style={{ height: h }}>
            <div className="h-3 w-11/12 rounded bg-slate-100" />
            <div className="h-3 w-3/4 rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}
