"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ImportHistory } from "@/components/imports/import-history";
import { ImportView } from "@/components/imports/import-view";
import { UploadPanel } from "@/components/imports/upload-panel";

/** Settings → Import data: upload a CSV, check the preview, import it in one go, follow the progress; past imports below. */
export function ImportSection() {
  const [openId, setOpenId] = useState<string | null>(null);
  const trpc = useTRPC();
  const qc = useQueryClient();
  const uploaded = (id: string) => {
    setOpenId(id);
    void qc.invalidateQueries({ queryKey: trpc.commerce.listImports.pathKey() });
  };
  return (
    <section aria-labelledby="import-heading" className="mx-auto w-full max-w-5xl px-8 py-6">
      <div className="mb-4">
        <h2 id="import-heading" className="text-base font-semibold text-slate-900">
          Import data
        </h2>
        <p className="text-sm text-slate-500">
          Bring customers, orders and shipments in from a CSV export. You see every row checked before anything is written, and a file with
          a problem imports nothing.
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
        {openId ? <ImportView key={openId} id={openId} onClose={() => setOpenId(null)} /> : <UploadPanel onUploaded={uploaded} />}
      </div>
      <ImportHistory selectedId={openId} onOpen={setOpenId} />
    </section>
  );
}
