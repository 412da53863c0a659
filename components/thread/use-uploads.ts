"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import type { UploadLimits } from "@/server/attachments/limits";

/** A finished upload: what a send passes as attachmentIds (and what an optimistic message shows). */
export type ReadyUpload = { id: string; filename: string; contentType: string; size: number };
export type UploadChip = {
  key: string;
  filename: string;
  size: number;
  status: "uploading" | "done" | "error";
  /** 0..1 while uploading */
  progress: number;
  upload?: ReadyUpload;
  error?: string;
};

const FALLBACK: UploadLimits = { maxBytes: 25 * 1024 * 1024, messageMaxBytes: 50 * 1024 * 1024, maxFiles: 10 };
const storageKey = (scope: string) => `switchboard:uploads:${scope}`;
let seq = 0;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

function readStored(scope: string | null): UploadChip[] {
  if (!scope) return [];
  try {
    const list = JSON.parse(sessionStorage.getItem(storageKey(scope)) ?? "[]") as ReadyUpload[];
    return list.map((u) => ({ key: `u${++seq}`, filename: u.filename, size: u.size, status: "done", progress: 1, upload: u }));
  } catch {
    return [];
  }
}

/**
 * Files attached in a composer: each is uploaded at once (POST /api/attachments, raw body, with progress) and
 * shows as a chip; sending takes the finished ones. With a `scope` (the conversation) finished uploads survive
 * switching conversations like the draft does; unsent uploads expire on the server after a day.
 */
export function useUploads(scope: string | null) {
  const [chips, setChips] = useState<UploadChip[]>([]);
  // the latest chips for add(): two drops in one tick must count each other against the limits
  const chipsRef = useRef(chips);
  useEffect(() => {
    chipsRef.current = chips;
  }, [chips]);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const limits = useQuery({
    queryKey: ["attachments", "limits"],
    queryFn: async (): Promise<UploadLimits> => {
      const res = await fetch("/api/attachments");
      if (!res.ok) throw new Error(`limits: ${res.status}`);
      return (await res.json()) as UploadLimits;
    },
    staleTime: Infinity,
  });
  const limit = limits.data ?? FALLBACK;

  // which scope's stored uploads are in `chips`: nothing is written back before they were read
  const [loadedScope, setLoadedScope] = useState<string | null>(null);
  useEffect(() => {
    // sessionStorage is only readable after hydration
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChips(readStored(scope));
    setLoadedScope(scope);
  }, [scope]);
  useEffect(() => {
    if (!scope || loadedScope !== scope) return;
    const ready = chips.flatMap((c) => (c.upload ? [c.upload] : []));
    try {
      if (ready.length) sessionStorage.setItem(storageKey(scope), JSON.stringify(ready));
      else sessionStorage.removeItem(storageKey(scope));
    } catch {
      // storage full or disabled: attachments just aren't kept across conversations
    }
  }, [scope, loadedScope, chips]);
  useEffect(() => {
    const open = requests.current;
    return () => open.forEach((xhr) => xhr.abort());
  }, []);

  const patch = (key: string, p: Partial<UploadChip>) => setChips((list) => list.map((c) => (c.key === key ? { ...c, ...p } : c)));

  function start(key: string, file: File) {
    const xhr = new XMLHttpRequest();
    requests.current.set(key, xhr);
    const fail = (error: string) => patch(key, { status: "error", error });
    xhr.open("POST", "/api/attachments");
    xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) patch(key, { progress: e.loaded / e.total });
    };
    xhr.onload = () => {
      requests.current.delete(key);
      let body: Partial<ReadyUpload> & { error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON (a proxy's error page): fall through to the generic message
      }
      if (xhr.status === 201 && body.id) patch(key, { status: "done", progress: 1, upload: body as ReadyUpload });
      else if (xhr.status === 413) fail(`Too large (max ${formatBytes(limit.maxBytes)})`);
      else fail(body.error ?? `Upload failed (${xhr.status})`);
    };
    xhr.onerror = () => {
      requests.current.delete(key);
      fail("Upload failed: check your connection");
    };
    xhr.send(file);
  }

  const add = (files: FileList | File[]) => {
    const list = Array.from(files);
    if (!list.length) return;
    // checked here as a courtesy (no doomed upload); the server enforces the same limits
    const current = chipsRef.current.filter((c) => c.status !== "error");
    let total = current.reduce((sum, c) => sum + c.size, 0);
    let count = current.length;
    const started: [string, File][] = [];
    const next = list.map((file): UploadChip => {
      const chip: UploadChip = { key: `u${++seq}`, filename: file.name, size: file.size, status: "uploading", progress: 0 };
      const error =
        count >= limit.maxFiles
          ? `At most ${limit.maxFiles} files per message`
          : file.size > limit.maxBytes
            ? `Too large (max ${formatBytes(limit.maxBytes)})`
            : file.size === 0
              ? "The file is empty"
              : total + file.size > limit.messageMaxBytes
                ? `Too large together (max ${formatBytes(limit.messageMaxBytes)})`
                : null;
      if (error) return { ...chip, status: "error", error };
      count += 1;
      total += file.size;
      started.push([chip.key, file]);
      return chip;
    });
    chipsRef.current = [...chipsRef.current, ...next];
    setChips((cur) => [...cur, ...next]);
    for (const [key, file] of started) start(key, file);
  };

  const remove = (key: string) => {
    requests.current.get(key)?.abort();
    requests.current.delete(key);
    setChips((list) => list.filter((c) => c.key !== key));
  };

  /** The finished uploads for a send; the tray empties (restore puts them back if the send fails). */
  const take = (): ReadyUpload[] => {
    const ready = chips.flatMap((c) => (c.upload ? [c.upload] : []));
    setChips([]);
    return ready;
  };
  const restore = useCallback((ready: ReadyUpload[]) => {
    const back = ready.map((u): UploadChip => ({
      key: `u${++seq}`,
      filename: u.filename,
      size: u.size,
      status: "done",
      progress: 1,
      upload: u,
    }));
    setChips((list) => [...back, ...list.filter((c) => !ready.some((u) => u.id === c.upload?.id))]);
  }, []);

  return {
    chips,
    add,
    remove,
    take,
    restore,
    /** finished uploads, in the order attached */
    ready: chips.flatMap((c) => (c.upload ? [c.upload] : [])),
    busy: chips.some((c) => c.status === "uploading"),
    failed: chips.some((c) => c.status === "error"),
  };
}

/** Drag-and-drop of files onto an element: `dragging` while files hover over it. */
export function useFileDrop(onFiles: (files: FileList) => void, enabled = true) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    // a file dropped a little beside the target would make the browser open it in place of the app (losing the draft)
    const swallow = (e: globalThis.DragEvent) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", swallow);
    window.addEventListener("drop", swallow);
    return () => {
      window.removeEventListener("dragover", swallow);
      window.removeEventListener("drop", swallow);
    };
  }, [enabled]);
  const hasFiles = (e: DragEvent) => enabled && Array.from(e.dataTransfer.types).includes("Files");
  return {
    dragging,
    handlers: {
      onDragEnter: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      },
      // enter/leave fire for every child: count them so the overlay does not flicker
      onDragLeave: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setDragging(false);
        onFiles(e.dataTransfer.files);
      },
    },
  };
}
