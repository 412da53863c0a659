"use client";

import { useMutation } from "@tanstack/react-query";
import clsx from "clsx";
import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Kbd, useModKey } from "@/components/ui/kbd";
import { useToast } from "@/components/ui/toast";
import type { Member } from "@/components/inbox/types";
import { ConflictBanner, TypingIndicator, unfilledVariables, VariablesWarning } from "./composer-notices";
import { MentionMenu, mentionAt, mentionMatches, type MentionQuery } from "./mention-menu";
import { SavedReplyPicker } from "./saved-reply-picker";
import { useDraft, type ComposerMode } from "./use-draft";
import { useSend } from "./use-send";
import { AttachButton, AttachmentTray, DropOverlay } from "./attachment-tray";
import { useFileDrop, useUploads } from "./use-uploads";
import type { useThreadMessages } from "./use-thread-messages";
import type { Viewer } from "./use-thread-realtime";

export type ComposerHandle = {
  focus: (mode: ComposerMode) => void;
  openSavedReplies: () => void;
  /** puts text into the reply at the caret (e.g. tracking from the customer panel) and focuses it */
  insert: (text: string) => void;
};

export function Composer({
  ref,
  conversationId,
  thread,
  me,
  members,
  customerName,
  channelName,
  typing,
  onKeystroke,
  can,
}: {
  ref: Ref<ComposerHandle>;
  conversationId: string;
  thread: ReturnType<typeof useThreadMessages>;
  me: { id: string; name: string } | undefined;
  members: Member[];
  customerName: string;
  channelName: string;
  typing: Viewer[];
  onKeystroke: () => void;
  can: (permission: string) => boolean;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const mod = useModKey();
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const { draft, update } = useDraft(conversationId);
  const [savedOpen, setSavedOpen] = useState(false);
  const [mention, setMention] = useState<(MentionQuery & { active: number }) | null>(null);
  const mode = draft.mode;
  const text = draft[mode];
  const newest = thread.items.findLast((m) => !m.id.startsWith("optimistic:"));
  const threadLoaded = thread.query.isSuccess;

  const uploads = useUploads(conversationId);
  const send = useSend({
    conversationId,
    thread,
    author: me,
    restore: (m, t, files) => {
      update((d) => ({ mode: m, [m]: d[m] ? `${t}\n\n${d[m]}` : t }));
      uploads.restore(files);
    },
  });
  const variables = mode === "reply" ? unfilledVariables(text) : [];
  const canMode = (m: ComposerMode) => can(m === "reply" ? "conversations.reply" : "conversations.note");
  const canSend = text.trim().length > 0 && variables.length === 0 && canMode(mode) && !uploads.busy && !uploads.failed;
  const drop = useFileDrop(uploads.add, canMode(mode));

  const focusAt = (m: ComposerMode, caret?: number) => {
    // same mode: focus now, so keys typed right after `r` land in the composer, not on the page
    const now = area.current;
    if (m === mode && caret === undefined && now) {
      if (document.activeElement !== now) {
        now.focus();
        now.setSelectionRange(now.value.length, now.value.length);
      }
      return;
    }
    update({ mode: m });
    requestAnimationFrame(() => {
      const el = area.current;
      if (!el) return;
      el.focus();
      const at = caret ?? el.value.length;
      el.setSelectionRange(at, at);
    });
  };
  useImperativeHandle(ref, () => ({ focus: (m) => focusAt(m), openSavedReplies: () => setSavedOpen(true), insert: insertText }));

  // Ctrl/⌘+Shift+S anywhere in the inbox opens saved replies
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.shiftKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        setSavedOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const render = useMutation(
    trpc.savedReplies.render.mutationOptions({ onError: (err) => toast.show({ tone: "error", message: err.message }) }),
  );
  function insertSaved(rendered: string) {
    const el = area.current;
    const current = draft.reply;
    const start = mode === "reply" && el ? el.selectionStart : current.length;
    const end = mode === "reply" && el ? el.selectionEnd : current.length;
    setText(current ? current.slice(0, start) + rendered + current.slice(end) : rendered, "reply");
    focusAt("reply", current ? start + rendered.length : rendered.length);
  }
  /** like a saved reply, with a space before it when it would otherwise run into the previous word */
  function insertText(value: string) {
    const el = area.current;
    const before = draft.reply.slice(0, mode === "reply" && el ? el.selectionStart : draft.reply.length);
    insertSaved(before && !/\s$/.test(before) ? ` ${value}` : value);
  }
  const chooseSaved = (savedReplyId: string) =>
    render.mutate({ savedReplyId, conversationId }, { onSuccess: (res) => insertSaved(res.text) });

  function setText(value: string, m: ComposerMode = mode) {
    update((d) => {
      // soft lock: remember the newest message on screen when this reply was started
      const seen = m === "reply" && !d.reply && value ? (threadLoaded ? (newest?.id ?? null) : undefined) : d.seenMessageId;
      return { [m]: value, seenMessageId: m === "reply" && !value ? undefined : seen };
    });
  }

  function submit(force = false) {
    if (!canSend || !me) return;
    setMention(null);
    if (mode === "reply") {
      // after a conflict the agent has seen what arrived: the newest message is the new baseline
      const seen = send.conflict
        ? (newest?.id ?? null)
        : draft.seenMessageId !== undefined
          ? draft.seenMessageId
          : threadLoaded
            ? (newest?.id ?? null)
            : undefined;
      send.sendReply(text, seen, force, uploads.take());
      update({ reply: "", seenMessageId: undefined });
    } else {
      const ids = Object.entries(draft.mentions)
        .filter(([, name]) => text.includes(`@${name}`))
        .map(([id]) => id);
      send.sendNote(text, ids, uploads.take());
      update({ note: "", mentions: {} });
    }
  }

  const matches = mention ? mentionMatches(members, mention.query) : [];
  function pickMention(m: Member) {
    if (!mention) return;
    const before = text.slice(0, mention.start);
    const after = text.slice(mention.start + 1 + mention.query.length);
    const insert = `@${m.name} `;
    update((d) => ({ note: before + insert + after, mentions: { ...d.mentions, [m.id]: m.name } }));
    setMention(null);
    focusAt("note", before.length + insert.length);
  }
  function trackMention(el: HTMLTextAreaElement) {
    if (mode !== "note") return setMention(null);
    const q = mentionAt(el.value, el.selectionStart);
    setMention(q ? { ...q, active: mention?.query === q.query ? mention.active : 0 } : null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (mention && matches.length > 0 && ["ArrowDown", "ArrowUp", "Enter", "Tab"].includes(e.key)) {
      e.preventDefault();
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        const n = matches.length;
        setMention({ ...mention, active: (mention.active + (e.key === "ArrowDown" ? 1 : n - 1)) % n });
      } else {
        const m = matches[mention.active];
        if (m) pickMention(m);
      }
      return;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      if (mention) setMention(null);
      else e.currentTarget.blur(); // give j/k back to the list
      return;
    }
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      submit();
    }
  }

  const unseen = send.conflict
    ? thread.items.filter((m, i, all) => {
        const sinceIndex = send.conflict?.since ? all.findIndex((x) => x.id === send.conflict?.since) : -1;
        return i > sinceIndex && m.kind === "MESSAGE" && m.author?.id !== me?.id && !m.id.startsWith("optimistic:");
      })
    : [];

  return (
    <div className="@container border-t border-slate-200 bg-white">
      <TypingIndicator typing={typing} />
      <div
        {...drop.handlers}
        className={clsx(
          "relative m-3 mt-2 overflow-visible rounded-lg border shadow-sm",
          mode === "note" ? "border-amber-300 bg-amber-50/60" : "border-slate-300 bg-white",
        )}
      >
        {drop.dragging && <DropOverlay />}
        {send.conflict && mode === "reply" && (
          <ConflictBanner
            conflict={send.conflict}
            unseen={unseen}
            customerName={customerName}
            onDismiss={send.dismissConflict}
            onSendAnyway={() => submit(true)}
          />
        )}
        {variables.length > 0 && <VariablesWarning variables={variables} />}
        <div role="tablist" aria-label="Composer mode" className="flex items-center gap-1 px-2 pt-1.5">
          {(["reply", "note"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              disabled={!canMode(m)}
              onClick={() => focusAt(m)}
              className={clsx(
                "rounded-md px-2.5 py-1 text-xs font-semibold whitespace-nowrap transition-colors disabled:opacity-40",
                mode === m
                  ? m === "note"
                    ? "bg-amber-100 text-amber-900"
                    : "bg-slate-100 text-slate-900"
                  : "text-slate-500 hover:text-slate-800",
              )}
            >
              {m === "reply" ? "Reply" : "Internal note"}
            </button>
          ))}
          <span className="ml-auto hidden truncate pr-1 text-[11px] text-slate-400 @lg:block">
            {mode === "reply" ? `To ${customerName} via ${channelName}` : "Only your team sees notes · @ to mention"}
          </span>
        </div>
        {mention && <MentionMenu id={listId} matches={matches} active={mention.active} onPick={pickMention} />}
        <textarea
          ref={area}
          data-testid="composer"
          aria-label={mode === "reply" ? `Reply to ${customerName}` : "Internal note"}
          aria-controls={mention ? listId : undefined}
          aria-activedescendant={mention && matches.length ? `${listId}-${mention.active}` : undefined}
          placeholder={mode === "reply" ? `Reply to ${customerName}…` : "Write an internal note — type @ to mention a teammate"}
          value={text}
          rows={4}
          onChange={(e) => {
            setText(e.target.value);
            trackMention(e.target);
            onKeystroke();
          }}
          onSelect={(e) => trackMention(e.currentTarget)}
          onBlur={() => setMention(null)}
          onKeyDown={onKeyDown}
          onPaste={(e) => {
            // a pasted screenshot or copied file is attached; pasted text stays text
            if (!e.clipboardData.files.length || !canMode(mode)) return;
            e.preventDefault();
            uploads.add(e.clipboardData.files);
          }}
          className="block max-h-72 min-h-24 w-full resize-y bg-transparent px-3 py-2 text-sm leading-relaxed text-slate-800 placeholder:text-slate-400 focus:outline-none"
        />
        <AttachmentTray chips={uploads.chips} onRemove={uploads.remove} className="px-3 pb-2" />
        <div className="flex items-center gap-2 px-2 pb-2">
          <AttachButton onFiles={uploads.add} disabled={!canMode(mode)} />
          <SavedReplyPicker open={savedOpen} setOpen={setSavedOpen} disabled={!can("savedReplies.use")} onChoose={chooseSaved} />
          <span className="ml-auto hidden items-center gap-1 text-[11px] whitespace-nowrap text-slate-400 @lg:flex">
            <Kbd>{mod}</Kbd>
            <Kbd>↵</Kbd> to {mode === "reply" ? "send" : "add"}
          </span>
          <button
            type="button"
            data-testid="send"
            disabled={!canSend}
            onClick={() => submit()}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title={
              variables.length
                ? "Fill in the placeholders first"
                : uploads.busy
                  ? "Wait for the files to finish uploading"
                  : uploads.failed
                    ? "Remove the files that could not be attached"
                    : undefined
            }
            className={clsx(
              "ml-auto inline-flex h-8 items-center rounded-md px-3.5 whitespace-nowrap @lg:ml-0 text-sm font-semibold text-white transition-colors disabled:cursor-not-allowed disabled:opacity-50",
              mode === "note" ? "bg-amber-600 hover:bg-amber-700" : "bg-brand-600 hover:bg-brand-700",
            )}
          >
            {mode === "reply" ? "Send" : "Add note"}
          </button>
        </div>
      </div>
    </div>
  );
}
