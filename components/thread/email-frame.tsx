"use client";

import { useState } from "react";

/**
 * Email HTML is untrusted: it is shown only inside a fully sandboxed iframe (no scripts, no same origin,
 * no forms, no top navigation) and a CSP meta forbids every network fetch, so no tracking pixels load.
 */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:`;
/** Remote images (rewritten to data-remote-src on ingest) load only after the agent allows them for this message. */
const REMOTE_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data: cid: https:`;
const BASE_STYLE = `body{margin:0;font:14px/1.55 ui-sans-serif,system-ui,sans-serif;color:#1e293b;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:0 0 0 .5rem;padding-left:.75rem;border-left:2px solid #cbd5e1;color:#64748b}a{color:#2563eb}`;

export function emailSrcDoc(html: string, opts: { remoteImages?: boolean } = {}): string {
  const csp = opts.remoteImages ? REMOTE_CSP : CSP;
  const body = opts.remoteImages ? html.replace(/\sdata-remote-src=/g, " src=") : html;
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"><meta charset="utf-8"><style>${BASE_STYLE}</style></head><body>${body}</body></html>`;
}

/** Sandboxed content cannot be measured, so the height is estimated from the text (scrolls beyond 20rem). */
function estimateHeight(html: string): number {
  html = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "").replace(/<img\b[^>]*\b(width|height)=["']?1\b[^>]*>/gi, "");
  const blocks = (html.match(/<(p|div|br|li|tr|h\d|blockquote)\b/gi) ?? []).length;
  const chars = html.replace(/<[^>]*>/g, "").length;
  const images = (html.match(/<img\b/gi) ?? []).length;
  return Math.max(72, Math.min(320, 24 + blocks * 22 + Math.ceil(chars / 90) * 22 + images * 120));
}

export function EmailFrame({ html, title }: { html: string; title: string }) {
  const [remoteImages, setRemoteImages] = useState(false);
  const hasRemote = html.includes("data-remote-src=");
  return (
    <div>
      {hasRemote && !remoteImages && (
        <button
          type="button"
          onClick={() => setRemoteImages(true)}
          className="mb-1 rounded px-1.5 py-0.5 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-700"
        >
          Show remote images
        </button>
      )}
      <iframe
        sandbox=""
        srcDoc={emailSrcDoc(html, { remoteImages })}
        title={title}
        referrerPolicy="no-referrer"
        style={{ height: estimateHeight(html) }}
        className="block max-h-80 w-full rounded-md bg-white"
      />
    </div>
  );
}
