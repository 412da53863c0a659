"use client";

import { useCallback, useRef, useState } from "react";

export type UploadKind = "auto" | "customers" | "orders" | "fulfillments";

export type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; filename: string; sent: number; total: number }
  | { phase: "checking"; filename: string; total: number }
  | { phase: "error"; filename: string; message: string };

/**
 * POST /api/imports with the file as the body. XMLHttpRequest rather than fetch: it reports upload progress, which a
 * 100 MB file on a slow uplink needs. Resolves with the new import's id.
 */
export function useImportUpload(onUploaded: (id: string) => void) {
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const xhrRef = useRef<XMLHttpRequest | null>(null);

  const upload = useCallback(
    (file: File, kind: UploadKind) => {
      xhrRef.current?.abort();
      const xhr = new XMLHttpRequest();
      xhrRef.current = xhr;
      setState({ phase: "uploading", filename: file.name, sent: 0, total: file.size });
      xhr.open("POST", `/api/imports?kind=${kind}`);
      // some systems report no type (or Excel's) for .csv files
      xhr.setRequestHeader("Content-Type", file.type && file.type !== "application/octet-stream" ? file.type : "text/csv");
      xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
      xhr.upload.onprogress = (e) => {
        if (!e.lengthComputable) return;
        setState(
          e.loaded >= e.total
            ? { phase: "checking", filename: file.name, total: e.total }
            : { phase: "uploading", filename: file.name, sent: e.loaded, total: e.total },
        );
      };
      xhr.upload.onload = () => setState({ phase: "checking", filename: file.name, total: file.size });
      xhr.onerror = () =>
        setState({ phase: "error", filename: file.name, message: "The upload failed. Check your connection and try again." });
      xhr.onload = () => {
        let body: { id?: string; error?: string } = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          // not JSON: a proxy's error page
        }
        if (xhr.status === 201 && body.id) {
          setState({ phase: "idle" });
          onUploaded(body.id);
        } else {
          const fallback = xhr.status === 413 ? "The file is too large." : `The upload failed (HTTP ${xhr.status}).`;
          setState({ phase: "error", filename: file.name, message: body.error ?? fallback });
        }
      };
      xhr.send(file);
    },
    [onUploaded],
  );

  const reset = useCallback(() => {
    xhrRef.current?.abort();
    xhrRef.current = null;
    setState({ phase: "idle" });
  }, []);

  return { state, upload, reset };
}
