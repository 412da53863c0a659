"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import { movedSummary } from "./merge-summary";

/**
 * Merge and undo, with what both change on screen: every customers.* query (panel, timeline, list, suggestions,
 * history) and the open conversations refresh; a page whose customer was merged away follows to the kept one.
 */
export function useMergeActions(currentCustomerId: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.customers.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.conversation.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
  };

  const unmerge = useMutation(
    trpc.customers.unmerge.mutationOptions({
      onSuccess: (r) => {
        refresh();
        toast.show({ tone: "success", message: "Merge undone: both customers are back as they were" });
        if (r.mergedId !== currentCustomerId && r.keptId !== currentCustomerId) router.push(`/customers/${r.keptId}`);
      },
      onError: (err) => toast.show({ tone: "error", message: err.message, duration: 10_000 }),
    }),
  );

  const merge = useMutation(
    trpc.customers.merge.mutationOptions({
      onSuccess: (r) => {
        refresh();
        toast.show({
          tone: "success",
          message: `Customers merged${movedSummary(r.counts) ? `: ${movedSummary(r.counts)} moved` : ""}`,
          action: { label: "Undo", onClick: () => unmerge.mutate({ mergeRecordId: r.mergeRecordId }) },
          duration: 10_000,
        });
        if (r.mergedId === currentCustomerId) router.push(`/customers/${r.keptId}`);
      },
      onError: (err) => toast.show({ tone: "error", message: err.message, duration: 10_000 }),
    }),
  );
  return { merge, unmerge };
}
