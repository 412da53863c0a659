"use client";

import clsx from "clsx";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { LockIcon, PackageIcon, RefreshIcon } from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { RelativeTime } from "@/components/ui/relative-time";
import { useToast } from "@/components/ui/toast";
import type { IntegrationSummary } from "@/server/commerce/commerce.schemas";
import { IntegrationEvents } from "./integration-events";
import { Pill } from "@/components/ui/status-pill";
import { CopyButton, FieldRow, useOrigin } from "./integration-parts";

const KIND_LABEL: Record<IntegrationSummary["kind"], string> = { SHOPIFY: "Shopify", API: "JSON API", CSV: "CSV import" };
const SHOPIFY_TOPICS =
  "orders/create, orders/updated, orders/cancelled, fulfillments/create, fulfillments/update, customers/create, customers/update";
const MASK = "•".repeat(32);

/** One integration: where to send data, the signing secret (admins), and what arrived lately. */
export function IntegrationCard({ integration: i, canManage }: { integration: IntegrationSummary; canManage: boolean }) {
  const origin = useOrigin();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  return (
    <article data-testid="integration-card" aria-labelledby={`integration-${i.id}`} className="rounded-lg border border-slate-200 bg-white">
      <header className="flex items-center gap-3 px-5 py-4">
        <span
          className={clsx(
            "flex h-9 w-9 shrink-0 items-center justify-center rounded-lg",
            i.kind === "SHOPIFY" ? "bg-emerald-50 text-emerald-700" : "bg-sky-50 text-sky-700",
          )}
        >
          <PackageIcon className="h-5 w-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h3 id={`integration-${i.id}`} className="truncate text-sm font-semibold text-slate-900">
            {i.name}
          </h3>
          <p className="text-xs text-slate-500">
            {KIND_LABEL[i.kind]} · {i.orderCount.toLocaleString("en-US")} {i.orderCount === 1 ? "order" : "orders"}
            {i.lastEventAt ? (
              <>
                {" "}
                · last delivery <RelativeTime date={i.lastEventAt} />
              </>
            ) : (
              " · no deliveries yet"
            )}
          </p>
        </div>
        {i.active ? <Pill tone="green">Active</Pill> : <Pill tone="slate">Inactive</Pill>}
      </header>

      <dl className="divide-y divide-slate-100 border-t border-slate-100 px-5">
        {i.webhookPath && (
          <FieldRow
            label="Webhook URL"
            testId="integration-webhook-url"
            value={`${origin}${i.webhookPath}`}
            actions={<CopyButton text={`${origin}${i.webhookPath}`} label={`Copy the webhook URL of ${i.name}`} />}
            hint={<>In Shopify: Settings → Notifications → Webhooks → Create webhook, format JSON, one per topic: {SHOPIFY_TOPICS}.</>}
          />
        )}
        <FieldRow
          label="JSON endpoint"
          testId="integration-api-url"
          value={`${origin}${i.apiPath}`}
          actions={<CopyButton text={`${origin}${i.apiPath}`} label={`Copy the JSON endpoint of ${i.name}`} />}
          hint={
            <>
              For other platforms: POST {"{ orders, customers }"} with{" "}
              <code className="font-mono">Authorization: Bearer &lt;secret&gt;</code> and an optional{" "}
              <code className="font-mono">Idempotency-Key</code>.
            </>
          }
        />
        <FieldRow
          label={i.kind === "SHOPIFY" ? "Signing secret" : "Secret"}
          testId="integration-secret"
          value={secret ?? (i.hasSecret ? MASK : "Not set")}
          actions={
            canManage ? (
              <SecretActions integration={i} secret={secret} onSecret={setSecret} onRotate={() => setConfirming(true)} />
            ) : undefined
          }
          hint={
            canManage ? (
              i.kind === "SHOPIFY" ? (
                "Shopify signs each webhook with it (X-Shopify-Hmac-Sha256). Reveals are recorded in the audit log."
              ) : (
                "API clients send it as the Bearer token. Reveals are recorded in the audit log."
              )
            ) : (
              <span className="inline-flex items-center gap-1">
                <LockIcon className="h-3 w-3" /> Only admins can reveal or rotate the secret.
              </span>
            )
          }
        />
      </dl>

      <IntegrationEvents integrationId={i.id} name={i.name} />

      {confirming && (
        <RotateDialog
          integration={i}
          onClose={() => setConfirming(false)}
          onRotated={(s) => {
            setSecret(s);
            setConfirming(false);
          }}
        />
      )}
    </article>
  );
}

function SecretActions({
  integration: i,
  secret,
  onSecret,
  onRotate,
}: {
  integration: IntegrationSummary;
  secret: string | null;
  onSecret: (s: string | null) => void;
  onRotate: () => void;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const reveal = useMutation(
    trpc.commerce.revealIntegrationSecret.mutationOptions({
      onSuccess: (r) => onSecret(r.secret),
      onError: (err) => toast.show({ tone: "error", message: err.message }),
    }),
  );
  return (
    <>
      {secret ? (
        <>
          <CopyButton text={secret} label={`Copy the secret of ${i.name}`} />
          <Button type="button" variant="secondary" className="h-8 shrink-0 px-2.5 py-0 text-xs" onClick={() => onSecret(null)}>
            Hide
          </Button>
        </>
      ) : (
        i.hasSecret && (
          <Button
            type="button"
            variant="secondary"
            className="h-8 shrink-0 px-2.5 py-0 text-xs"
            disabled={reveal.isPending}
            aria-label={`Reveal the secret of ${i.name}`}
            onClick={() => reveal.mutate({ id: i.id })}
          >
            {reveal.isPending ? "Revealing…" : "Reveal"}
          </Button>
        )
      )}
      <Button type="button" variant="ghost" className="h-8 shrink-0 px-2.5 py-0 text-xs" onClick={onRotate}>
        <RefreshIcon className="h-3.5 w-3.5" />
        {i.hasSecret ? "Rotate" : "Create secret"}
      </Button>
    </>
  );
}

function RotateDialog({
  integration: i,
  onClose,
  onRotated,
}: {
  integration: IntegrationSummary;
  onClose: () => void;
  onRotated: (secret: string) => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const rotate = useMutation(
    trpc.commerce.rotateIntegrationSecret.mutationOptions({
      onSuccess: (r) => {
        void qc.invalidateQueries({ queryKey: trpc.commerce.listIntegrations.queryKey() });
        toast.show({ tone: "success", message: `New secret for ${i.name}: paste it where the old one was` });
        onRotated(r.secret);
      },
      onError: (err) => toast.show({ tone: "error", message: err.message }),
    }),
  );
  return (
    <Modal title={i.hasSecret ? `Rotate the secret of ${i.name}?` : `Create a secret for ${i.name}?`} onClose={onClose}>
      <div className="px-5 py-4 text-sm text-slate-600">
        {i.hasSecret ? (
          <p>
            The current secret stops working at once: deliveries signed with it are refused until you paste the new one
            {i.kind === "SHOPIFY" ? " into Shopify" : " into your API client"}.
          </p>
        ) : (
          <p>A new secret is generated and shown here, to paste {i.kind === "SHOPIFY" ? "into Shopify" : "into your API client"}.</p>
        )}
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-100 bg-slate-50/60 px-5 py-3">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="button" disabled={rotate.isPending} onClick={() => rotate.mutate({ id: i.id })}>
          {rotate.isPending ? "Rotating…" : i.hasSecret ? "Rotate secret" : "Create secret"}
        </Button>
      </div>
    </Modal>
  );
}
