"use client";

/**
 * Email HTML is untrusted: it is shown only inside a fully sandboxed iframe (no scripts, no same origin,
 * no forms, no top navigation) and a CSP meta forbids every network fetch, so no tracking pixels load.
 */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:`;
const BASE_STYLE = `body{margin:0;font:14px/1.55 ui-sans-serif,system-ui,sans-serif;color:#1e293b;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:0 0 0 .5rem;padding-left:.75rem;border-left:2px solid #cbd5e1;color:#64748b}a{color:#2563eb}`;

export function emailSrcDoc(html: string): string {
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"><meta charset="utf-8"><style>${BASE_STYLE}</style></head><body>${html}</body></html>`;
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
  return (
    <iframe
      sandbox=""
      srcDoc={emailSrcDoc(html)}
      title={title}
      referrerPolicy="no-referrer"
      style={{ height: estimateHeight(html) }}
      className="block max-h-80 w-full rounded-md bg-white"
    />
  );
}
