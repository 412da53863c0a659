import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";

/**
 * Email HTML is hostile until proven otherwise. Sanitised ONCE on ingest (what we store is inert), and still rendered in
 * a sandboxed iframe with a CSP. Remote images become `data-remote-src` (tracking pixels stay dark until an agent
 * allows them for that message); `cid:` images point at our attachment route.
 */
const { window } = new JSDOM("<!doctype html><html><body></body></html>");
const purify = createDOMPurify(window);

const FORBID_TAGS = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea"];
const FORBID_MORE = ["select", "option", "meta", "link", "base", "svg", "math", "template", "portal", "noscript", "video", "audio"];
const FORBID_ATTR = ["srcdoc", "formaction", "action", "ping", "background", "srcset", "lowsrc", "dynsrc", "poster", "xmlns"];

/** CSS that can run code (old IE expressions, bindings) or fetch from the network (url(), image-set(), @import). */
const DANGEROUS_CSS =
  /expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:|@import|image-set\s*\(|\bsrc\s*\(|url\s*\(\s*(['"]?)\s*(?!data:image\/|cid:)/i;

/** CSS escapes decoded (`\75 rl(` is `url(` to a browser), so an escaped keyword cannot slip past DANGEROUS_CSS. */
const unescapeCss = (css: string) =>
  css
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => {
      const cp = parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "\ufffd";
    })
    .replace(/\\([^\n])/g, "$1");

export function cleanCss(css: string): string {
  // one declaration at a time so a hostile one does not take the whole style with it
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split(";")
    .filter((decl) => !DANGEROUS_CSS.test(decl.replace(/\\/g, "")) && !DANGEROUS_CSS.test(unescapeCss(decl)))
    .join(";");
}

export type SanitizeOptions = {
  /** maps an inline image's Content-ID (no brackets) to the URL we serve it from; null leaves it blocked */
  cidUrl?: (contentId: string) => string | null;
};

export type SanitizedHtml = { html: string; remoteImages: number };

export function sanitizeEmailHtml(dirty: string, opts: SanitizeOptions = {}): SanitizedHtml {
  let remoteImages = 0;
  purify.removeAllHooks();
  purify.addHook("afterSanitizeAttributes", (node) => {
    const el = node;
    if (el.tagName === "IMG") {
      const src = (el.getAttribute("src") ?? "").trim();
      if (/^cid:/i.test(src)) {
        const cid = decodeURIComponent(src.slice(4)).replace(/^<|>$/g, "");
        const url = opts.cidUrl?.(cid) ?? null;
        if (url) el.setAttribute("src", url);
        else el.removeAttribute("src");
      } else if (/^(https?:)?\/\//i.test(src)) {
        el.setAttribute("data-remote-src", src);
        el.removeAttribute("src");
        remoteImages += 1;
      } else if (src && !/^data:image\/(png|jpe?g|gif|webp|bmp);/i.test(src) && !src.startsWith("/api/attachments/")) {
        el.removeAttribute("src");
      }
    }
    if (el.tagName === "A" && el.hasAttribute("href")) {
      el.setAttribute("target", "_blank");
      el.setAttribute("rel", "noopener noreferrer nofollow");
    }
    const style = el.getAttribute("style");
    if (style !== null) {
      const safe = cleanCss(style);
      if (safe.trim()) el.setAttribute("style", safe);
      else el.removeAttribute("style");
    }
  });
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && node.textContent) node.textContent = cleanCss(node.textContent);
  });
  const html = purify.sanitize(dirty, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [...FORBID_TAGS, ...FORBID_MORE],
    FORBID_ATTR,
    ADD_ATTR: ["target"],
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    WHOLE_DOCUMENT: false,
    FORCE_BODY: true,
  });
  purify.removeAllHooks();
  return { html, remoteImages };
}

/** Markers mail clients put in front of the quoted history (Gmail, Apple Mail/Thunderbird, Outlook web/desktop, Yahoo). */
const QUOTE_START = [
  "div.gmail_quote",
  "blockquote.gmail_quote",
  "blockquote[type=cite]",
  "div.moz-cite-prefix",
  "div#divRplyFwdMsg",
  "div#appendonsend",
  "div.yahoo_quoted",
  "div#mail-editor-reference-message-container",
].join(",");

/** Splits sanitised HTML into what the sender wrote and the quoted history (null when there is none to fold). */
export function splitQuotedHtml(html: string): { body: string; quoted: string | null } {
  const doc = window.document;
  const root = doc.createElement("div");
  root.innerHTML = html;
  const start = root.querySelector(QUOTE_START);
  if (!start) return { body: html, quoted: null };
  const quoted = doc.createElement("div");
  // everything from the marker to the end of its ancestors' sibling lists belongs to the history
  let node: Element | null = start;
  while (node && node !== root) {
    const parent: Element | null = node.parentElement;
    let sibling = node.nextSibling;
    if (node === start) quoted.appendChild(node);
    while (sibling) {
      const next = sibling.nextSibling;
      quoted.appendChild(sibling);
      sibling = next;
    }
    node = parent;
  }
  const body = root.innerHTML;
  if (!root.textContent?.trim() && !root.querySelector("img")) return { body: html, quoted: null };
  return { body, quoted: quoted.innerHTML };
}
