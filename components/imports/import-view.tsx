"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { ImportPreview } from "./import-preview";
import { ImportProgress } from "./import-progress";

/** One import, whatever its state: the preview to confirm, the live progress, or the outcome. Polls while it runs. */
export function ImportView({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const job = useQuery({
    ...trpc.commerce.getImport.queryOptions({ id }),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === "QUEUED" || q.state.data?.status === "RUNNING" ? 1000 : false),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.commerce.getImport.queryKey({ id }) });
    void qc.invalidateQueries({ queryKey: trpc.commerce.listImports.pathKey() });
  };
  const start = useMutation(
    trpc.commerce.startImport.mutationOptions({
      onSuccess: (row) => {
        qc.setQueryData(trpc.commerce.getImport.queryKey({ id }), row);
        refresh();
      },
      onError: (err) => toast.show({ tone: "error", message: err.message }),
    }),
  );
  const cancel = useMutation(
    trpc.commerce.cancelImport.mutationOptions({
      onSuccess: () => {
        refresh();
        onClose();
      },
      onError: (err) => toast.show({ tone: "error", message: err.message }),
    }),
  );

  if (job.isPending) {
    return (
      <div className="flex flex-col gap-3 p-5" aria-busy="true" aria-label="Loading the import">
        <div className="h-5 w-64 animate-pulse rounded bg-slate-100" />
        <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
      </div>
    );
  }
  if (job.isError) {
    return (
      <div role="alert" className="flex items-center gap-3 p-5 text-sm text-red-700">
        <AlertIcon className="h-4 w-4" /> Could not load the import: {job.error.message}
        <Button type="button" variant="secondary" className="ml-auto" onClick={() => void job.refetch()}>
          Retry
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Back
        </Button>
      </div>
    );
  }
  const data = job.data;
  if (data.status === "PREVIEWED") {
    return (
      <ImportPreview
        job={data}
        starting={start.isPending}
        cancelling={cancel.isPending}
        onStart={() => start.mutate({ id })}
        // a previewed import is dropped with its file; nothing else to undo
        onDiscard={() => cancel.mutate({ id })}
      />
    );
  }
  return <ImportProgress job={data} onDone={onClose} onCancel={() => cancel.mutate({ id })} cancelling={cancel.isPending} />;
}
