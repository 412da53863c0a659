"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CheckIcon, LinkIcon, LockIcon, RefreshIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";

const noop = () => () => {};
/** The page's origin (empty while server rendering). */
function useOrigin(): string {
  return useSyncExternalStore(
    noop,
    () => window.location.origin,
    () => "",
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const toast = useToast();
  return (
    <Button
      type="button"
      variant="secondary"
      className="h-8 shrink-0 px-2.5 py-0 text-xs"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          },
          () => toast.show({ tone: "error", message: "Could not copy: select the text and copy it by hand" }),
        );
      }}
    >
      {copied ? <CheckIcon className="h-3.5 w-3.5 text-emerald-600" /> : null}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

/** A value shown once (a fresh secret): copyable, with a warning that it will not be shown again. */
export function OneTimeSecret({ secret }: { secret: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="flex items-center gap-1.5 text-xs font-semibold text-amber-900">
        <LockIcon className="h-3.5 w-3.5" /> New webhook secret — copy it now, it is shown only once
      </p>
      <div className="mt-2 flex items-center gap-2">
        <code
          data-testid="webhook-secret"
          className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-800"
        >
          {secret}
        </code>
        <CopyButton text={secret} label="Copy webhook secret" />
      </div>
    </div>
  );
}

/** The inbound webhook URL of a saved channel, with copy and "Rotate secret". */
export function WebhookBox({ channelId, path, hasSecret }: { channelId: string | null; path: string | null; hasSecret: boolean }) {
  const trpc = useTRPC();
  const toast = useToast();
  const origin = useOrigin();
  const [fresh, setFresh] = useState<string | null>(null);
  const rotate = useMutation(
    trpc.channels.rotateWebhookSecret.mutationOptions({
      onSuccess: (r) => {
        setFresh(r.secret);
        toast.show({ tone: "success", message: "Webhook secret rotated: the old one no longer works" });
      },
      onError: (err) => toast.show({ tone: "error", message: err.message }),
    }),
  );
  if (!channelId || !path) {
    return <p className="text-xs text-slate-500">The webhook URL and its secret appear once the channel is saved.</p>;
  }
  const url = `${origin}${path}`;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <LinkIcon className="h-4 w-4 shrink-0 text-slate-400" />
        <code
          data-testid="webhook-url"
          className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1.5 font-mono text-xs text-slate-700"
        >
          {url}
        </code>
        <CopyButton text={url} label="Copy webhook URL" />
      </div>
      {fresh ? (
        <OneTimeSecret secret={fresh} />
      ) : (
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-slate-500">
            {hasSecret ? "A secret is set. It is stored encrypted and never shown again." : "Save with the webhook on to get a secret."}
          </p>
          {hasSecret && (
            <Button
              type="button"
              variant="secondary"
              className="h-8 shrink-0 px-2.5 py-0 text-xs"
              disabled={rotate.isPending}
              onClick={() => rotate.mutate({ id: channelId })}
            >
              <RefreshIcon className="h-3.5 w-3.5" />
              Rotate secret
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
