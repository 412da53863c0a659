/** "2 conversations, 1 order, 1 identity": the rows of a merge people think of as the customer's (not every message). */
export function movedSummary(counts: Record<string, number>): string {
  const parts: string[] = [];
  const add = (n: number | undefined, one: string, many = `${one}s`) => {
    if (n) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  add(counts.Conversation, "conversation");
  add(counts.Order, "order");
  add(counts.CustomerIdentity, "identity", "identities");
  add(counts.Note, "note");
  return parts.join(", ");
}
