"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { AlertIcon, RefreshIcon } from "@/components/ui/icons";
import { PanelAttributes } from "./panel-attributes";
import { PanelConversations } from "./panel-conversations";
import { PanelHeader } from "./panel-header";
import { PanelIdentities } from "./panel-identities";
import { PanelNotes } from "./panel-notes";
import { PanelOrders } from "./panel-orders";
import { PanelStats } from "./panel-stats";
import { PanelTags } from "./panel-tags";
import { PanelSkeleton } from "./panel-ui";
import { usePanelActions } from "./use-panel-actions";
import { useOrderTracking } from "./use-order-tracking";

/**
 * The single customer view: who it is (identities, attributes, tags, notes), lifetime stats, orders with their
 * shipments and actions, and every conversation on every channel. It loads its own data (customers.panel).
 * Beside a conversation (`conversationId`), order tracking can go straight into that conversation's reply
 * (`onInsertReply`) and order requests leave an internal note there; on the customer page neither is given.
 */
export function CustomerPanel({
  customerId,
  conversationId,
  onInsertReply,
}: {
  customerId: string;
  conversationId?: string;
  onInsertReply?: (text: string) => void;
}) {
  const trpc = useTRPC();
  const panel = useQuery(trpc.customers.panel.queryOptions({ customerId }));
  const me = useQuery(trpc.workspace.me.queryOptions());
  const actions = usePanelActions(customerId);
  const tracking = useOrderTracking(conversationId, onInsertReply);
  const perms = new Set<string>(me.data?.permissions ?? []);
  const can = (p: string) => perms.has(p);

  if (panel.isPending) return <PanelSkeleton />;
  if (panel.isError) {
    const missing = panel.error.data?.code === "NOT_FOUND" || panel.error.data?.code === "BAD_REQUEST";
    return (
      <div role={missing ? undefined : "alert"} className="px-4 py-8 text-center">
        <AlertIcon className={missing ? "mx-auto mb-2 h-5 w-5 text-slate-300" : "mx-auto mb-2 h-5 w-5 text-red-400"} />
        <p className="text-sm font-medium text-slate-700">{missing ? "Customer not available" : "Couldn't load the customer"}</p>
        <p className="mt-1 text-xs text-slate-500">
          {missing ? "They may have been merged, or are outside your queues." : panel.error.message}
        </p>
        {!missing && (
          <button
            type="button"
            onClick={() => void panel.refetch()}
            className="mt-3 inline-flex items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
          >
            <RefreshIcon className="h-3.5 w-3.5" /> Try again
          </button>
        )}
      </div>
    );
  }
  const data = panel.data;
  const canEdit = can("customers.update");
  return (
    <div data-testid="customer-panel" data-customer-id={customerId} className="text-slate-700">
      <PanelHeader data={data} actions={actions} canEdit={canEdit} />
      <PanelIdentities identities={data.identities} />
      <PanelStats stats={data.stats} since={data.customer.createdAt} />
      <PanelTags customerId={customerId} tags={data.tags} actions={actions} canEdit={canEdit} />
      <PanelNotes
        customerId={customerId}
        notes={data.notes}
        actions={actions}
        perms={{ canEdit, canManageAll: can("customers.manageAllNotes"), myId: me.data?.user.id }}
      />
      <PanelOrders
        customerId={customerId}
        data={data}
        conversationId={conversationId}
        tracking={tracking}
        canRequest={can("orders.requestAction")}
        canUseReplies={can("savedReplies.use")}
      />
      <PanelConversations customerId={customerId} data={data} currentId={conversationId} />
      <PanelAttributes
        customerId={customerId}
        attributes={data.attributes}
        actions={actions}
        canEdit={canEdit}
        canManage={can("attributes.manage")}
      />
    </div>
  );
}
