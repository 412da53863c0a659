// CSV downloads of the import screen: the template per kind, and every error of an import.
import { stringify } from "csv-stringify/sync";
import type { Db } from "../db/client";
import { can, type Actor } from "../auth/actor";
import { IMPORT_KINDS, templateRows, type ImportKindKey } from "./csv/columns";
import { allImportErrors } from "./import-preview";
import { findImportFile, findImportJob } from "./import.repository";
import type { ImportRowError } from "./import.schemas";

const deny = (actor: Actor | null): Response | null =>
  !actor
    ? Response.json({ error: "Sign in to continue." }, { status: 401 })
    : !can(actor, "commerce.import")
      ? Response.json({ error: "Your role cannot import data." }, { status: 403 })
      : null;

function csvResponse(filename: string, rows: string[][]): Response {
  // a BOM so Excel opens it as UTF-8
  return new Response(`\uFEFF${stringify(rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]+/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A spreadsheet runs cells starting with = + - @ as formulas: quote them (OWASP "CSV injection"). */
const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function importTemplateResponse(actor: Actor | null, kind: string): Response {
  const denied = deny(actor);
  if (denied) return denied;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return Response.json({ error: "Unknown import kind" }, { status: 404 });
  return csvResponse(`switchboard-${kind}-template.csv`, templateRows(kind as ImportKindKey));
}

export async function importErrorsResponse(db: Db, actor: Actor | null, id: string): Promise<Response> {
  const denied = deny(actor);
  if (denied || !actor) return denied ?? new Response(null, { status: 401 });
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Response.json({ error: "Import not found" }, { status: 404 });
  const file = await findImportFile(db, actor.workspaceId, id);
  if (!file) return Response.json({ error: "Import not found" }, { status: 404 });
  let errors: ImportRowError[];
  if (file.status === "PREVIEWED") {
    // the stored list is capped: read the file again for all of them
    errors = await allImportErrors(db, actor.workspaceId, file);
  } else {
    const job = await findImportJob(db, actor.workspaceId, id);
    errors = (job?.errors ?? []) as ImportRowError[];
  }
  const rows = [
    ["line", "column", "problem"],
    ...errors.map((e) => [e.line === null ? "" : String(e.line), cell(e.field ?? ""), cell(e.message)]),
  ];
  return csvResponse(`${file.filename.replace(/\.[^.]+$/, "")}-errors.csv`, rows);
}
