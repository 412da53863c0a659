"use client";

import { useState } from "react";

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * "Show more" after the panel's first page: pages fetched on demand with the keyset cursor, appended below.
 * Items already shown (e.g. after a refresh moved them) are not repeated.
 */
export function useMore<T extends { id: string }>(first: Page<T>, fetchPage: (cursor: string) => Promise<Page<T>>) {
  const [more, setMore] = useState<{ after: string | null; items: T[]; cursor: string | null }>({ after: null, items: [], cursor: null });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // the first page's cursor changed (new data): extra pages no longer follow it
  const current = more.after === first.nextCursor || more.after === null ? more : { after: null, items: [], cursor: null };
  const cursor = current.after === null ? first.nextCursor : current.cursor;

  async function load() {
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(cursor);
      setMore((m) => ({
        after: first.nextCursor,
        items: [...(m.after === first.nextCursor ? m.items : []), ...page.items],
        cursor: page.nextCursor,
      }));
    } catch (err) {
      setError(err instanceof Error ? err.message : "Couldn't load more");
    } finally {
      setLoading(false);
    }
  }
  const seen = new Set(first.items.map((i) => i.id));
  const items = [...first.items, ...current.items.filter((i) => !seen.has(i.id))];
  return { items, hasMore: Boolean(cursor), load, loading, error };
}
