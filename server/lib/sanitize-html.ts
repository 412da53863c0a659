import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { createRequire } from "node:module";

/**
 * Email HTML is hostile until proven otherwise. Sanitised ONCE on ingest (what we store is inert), and still rendered in
 * a sandboxed iframe with a CSP. Remote images become `data-remote-src` (tracking pixels stay dark until an agent
 * allows them for that message); `cid:` images point at our attachment route.
 */
const { window } = new JSDOM("<!doctype html><html><body></body></html>");
const purify = createDOMPurify(window);

/**
 * jsdom parses every `style` attribute it sees into a CSSStyleDeclaration (a full CSS parse: ~0.25 ms each, and email
 * HTML carries one on nearly every element). Nothing here reads `element.style` — DOMPurify and cleanCss() work on the
 * attribute text — so for THIS window only, a `style` attribute is kept as plain text like any other attribute. Other
 * jsdom windows in the process are untouched; if a jsdom upgrade moves these internals, sanitising just stays slower.
 */
function keepInlineStyleAsText(own: object): void {
  try {
    const require = createRequire(import.meta.url);
    const html = require("jsdom/lib/jsdom/living/nodes/HTMLElement-impl.js") as { implementation?: { prototype: object } };
    const element = require("jsdom/lib/jsdom/living/nodes/Element-impl.js") as { implementation?: { prototype: object } };
    type Impl = { _globalObject: unknown };
    type AttrModified = (this: Impl, name: string, value: string | null, oldValue: string | null) => void;
    const proto = html.implementation?.prototype as { _attrModified?: AttrModified } | undefined;
    const base = (element.implementation?.prototype as { _attrModified?: AttrModified } | undefined)?._attrModified;
    const original = proto?._attrModified;
    if (!proto || !original || !base) return;
    proto._attrModified = function (this: Impl, name, value, oldValue) {
      if (name === "style" && this._globalObject === own) base.call(this, name, value, oldValue);
      else original.call(this, name, value, oldValue);
    };
  } catch {
    // internals moved: nothing to skip
  }
}
keepInlineStyleAsText(window);

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

/**
 * One DOMPurify configuration, set once: re-parsing the options and re-adding the hooks on every call cost as much as a
 * small message. RETURN_DOM hands back the sanitised tree, so the quoted-history split below needs no second parse
 * (jsdom parsing is the expensive part: ~1 ms per KB plus a CSS parse per `style` attribute).
 */
purify.setConfig({
  USE_PROFILES: { html: true },
  FORBID_TAGS: [...FORBID_TAGS, ...FORBID_MORE],
  FORBID_ATTR,
  ADD_ATTR: ["target"],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  WHOLE_DOCUMENT: false,
  FORCE_BODY: true,
  RETURN_DOM: true,
});

/** The call in progress: sanitising is synchronous, so the hooks (added once) read the current call's options here. */
let current: { opts: SanitizeOptions; remoteImages: number } = { opts: {}, remoteImages: 0 };

purify.addHook("uponSanitizeAttribute", (node, data) => {
  // with RETURN_DOM, DOMPurify drops a whole element (text and all) for an `is` attribute, because the serialiser
  // writes the element's is-value back when the attribute is gone; `is=""` (what its string mode leaves) keeps the text
  // and is just as inert
  if (data.attrName === "is") {
    node.setAttribute("is", "");
    data.forceKeepAttr = true;
  }
});
purify.addHook("afterSanitizeAttributes", (node) => {
  const el = node;
  if (el.tagName === "IMG") {
    const src = (el.getAttribute("src") ?? "").trim();
    if (/^cid:/i.test(src)) {
      const cid = decodeURIComponent(src.slice(4)).replace(/^<|>$/g, "");
      const url = current.opts.cidUrl?.(cid) ?? null;
      if (url) el.setAttribute("src", url);
      else el.removeAttribute("src");
    } else if (/^(https?:)?\/\//i.test(src)) {
      el.setAttribute("data-remote-src", src);
      el.removeAttribute("src");
      current.remoteImages += 1;
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
    // setting an unchanged value is free; a changed one makes jsdom parse the CSS again
    if (!safe.trim()) el.removeAttribute("style");
    else if (safe !== style) el.setAttribute("style", safe);
  }
});
purify.addHook("uponSanitizeElement", (node, data) => {
  if (data.tagName === "style" && node.textContent) node.textContent = cleanCss(node.textContent);
});

/** DOMPurify over the dirty HTML: the sanitised tree (a `<body>` of a scratch document), or null when there is no markup. */
function sanitizeToDom(dirty: string, opts: SanitizeOptions): { body: HTMLElement | null; remoteImages: number } {
  // like DOMPurify's string mode: text without a `<` cannot carry markup and is returned as it is
  if (!dirty.includes("<")) return { body: null, remoteImages: 0 };
  current = { opts, remoteImages: 0 };
  try {
    const body = purify.sanitize(dirty) as unknown as HTMLElement;
    return { body, remoteImages: current.remoteImages };
  } finally {
    current = { opts: {}, remoteImages: 0 };
  }
}

export function sanitizeEmailHtml(dirty: string, opts: SanitizeOptions = {}): SanitizedHtml {
  const { body, remoteImages } = sanitizeToDom(dirty, opts);
  return { html: body ? body.innerHTML : dirty, remoteImages };
}

/** Sanitises and splits the quoted history off in one parse: what ingest stores (both parts are sanitised). */
export function sanitizeAndSplitEmailHtml(
  dirty: string,
  opts: SanitizeOptions = {},
): { body: string; quoted: string | null; remoteImages: number } {
  const { body, remoteImages } = sanitizeToDom(dirty, opts);
  if (!body) return { body: dirty, quoted: null, remoteImages };
  return { ...splitQuotedDom(body), remoteImages };
}

/**
 * Markers mail clients put in front of the quoted history (Gmail, Apple Mail/Thunderbird, Outlook web/desktop, Yahoo),
 * matched like the selectors `div.gmail_quote, blockquote.gmail_quote, blockquote[type=cite], div.moz-cite-prefix,
 * div#divRplyFwdMsg, div#appendonsend, div.yahoo_quoted, div#mail-editor-reference-message-container` — by hand,
 * because jsdom's selector engine costs more than the walk.
 */
const QUOTE_CLASSES: Record<string, readonly string[]> = {
  DIV: ["gmail_quote", "moz-cite-prefix", "yahoo_quoted"],
  BLOCKQUOTE: ["gmail_quote"],
};
const QUOTE_IDS = new Set(["divRplyFwdMsg", "appendonsend", "mail-editor-reference-message-container"]);

function isQuoteStart(el: Element): boolean {
  const tag = el.tagName;
  if (tag !== "DIV" && tag !== "BLOCKQUOTE") return false;
  if (tag === "BLOCKQUOTE" && el.getAttribute("type")?.toLowerCase() === "cite") return true;
  if (tag === "DIV" && QUOTE_IDS.has(el.getAttribute("id") ?? "")) return true;
  const cls = el.getAttribute("class");
  if (!cls) return false;
  const tokens = cls.split(/[\t\n\f\r ]+/);
  return (QUOTE_CLASSES[tag] ?? []).some((c) => tokens.includes(c));
}

/** The first marker in document order (what querySelector would return). */
function findQuoteStart(root: Element): Element | null {
  let el = root.firstElementChild;
  while (el) {
    if (isQuoteStart(el)) return el;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      if (el === root) return null;
    }
    el = el?.nextElementSibling ?? null;
  }
  return null;
}

/** Splits a sanitised tree into what the sender wrote and the quoted history (null when there is none to fold). */
function splitQuotedDom(root: Element): { body: string; quoted: string | null } {
  const start = findQuoteStart(root);
  if (!start) return { body: root.innerHTML, quoted: null };
  const whole = root.innerHTML;
  const quoted = root.ownerDocument.createElement("div");
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
  if (!root.textContent?.trim() && !root.getElementsByTagName("img").length) return { body: whole, quoted: null };
  return { body: root.innerHTML, quoted: quoted.innerHTML };
}

/** Splits sanitised HTML into what the sender wrote and the quoted history (null when there is none to fold). */
export function splitQuotedHtml(html: string): { body: string; quoted: string | null } {
  const root = window.document.createElement("div");
  root.innerHTML = html;
  const split = splitQuotedDom(root);
  return split.quoted === null ? { body: html, quoted: null } : split;
}
