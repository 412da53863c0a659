"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import type { PanelData } from "./panel-ui";

/**
 * The panel's edits. Each one refreshes this customer's panel when it settles (other open panels refresh
 * through the customer.updated event); failures show as a toast. Profile edits are applied optimistically.
 */
export function usePanelActions(customerId: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const toast = useToast();
  const panelKey = trpc.customers.panel.queryKey({ customerId });
  const refresh = () => qc.invalidateQueries({ queryKey: panelKey });
  const fail = (what: string) => (err: { message: string }) => toast.show({ tone: "error", message: `${what}: ${err.message}` });
  const common = (what: string) => ({ onError: fail(what), onSettled: refresh });

  const patch = (fn: (d: PanelData) => PanelData) => qc.setQueryData(panelKey, (old) => (old ? fn(old) : old));

  const updateProfile = useMutation(
    trpc.customers.updateProfile.mutationOptions({
      onMutate: async (input) => {
        await qc.cancelQueries({ queryKey: panelKey });
        const before = qc.getQueryData(panelKey);
        const { customerId: _id, ...fields } = input;
        patch((d) => ({
          ...d,
          customer: { ...d.customer, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) },
        }));
        return { before };
      },
      onError: (err, _input, ctx) => {
        if (ctx?.before) qc.setQueryData(panelKey, ctx.before);
        fail("Not saved")(err);
      },
      onSettled: refresh,
    }),
  );
  const setAttribute = useMutation(trpc.customers.setAttribute.mutationOptions(common("Attribute not saved")));
  const addTag = useMutation(trpc.customers.addTag.mutationOptions(common("Tag not added")));
  const removeTag = useMutation(
    trpc.customers.removeTag.mutationOptions({
      onMutate: ({ tagId }) => patch((d) => ({ ...d, tags: d.tags.filter((t) => t.id !== tagId) })),
      ...common("Tag not removed"),
    }),
  );
  const createNote = useMutation(trpc.customers.createNote.mutationOptions(common("Note not added")));
  const editNote = useMutation(trpc.customers.editNote.mutationOptions(common("Note not saved")));
  const pinNote = useMutation(trpc.customers.pinNote.mutationOptions(common("Note not pinned")));
  const deleteNote = useMutation(
    trpc.customers.deleteNote.mutationOptions({
      onSuccess: () => toast.show({ message: "Note deleted" }),
      ...common("Note not deleted"),
    }),
  );
  return { updateProfile, setAttribute, addTag, removeTag, createNote, editNote, pinNote, deleteNote };
}
export type PanelActions = ReturnType<typeof usePanelActions>;
