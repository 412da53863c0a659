/** One dotted event vocabulary for realtime, automation, notifications and analytics. */
export type DomainEventPayload =
  | { type: "conversation.created"; conversationId: string; teamId: string | null }
  | { type: "conversation.updated"; conversationId: string; teamId: string | null; changes: string[] }
  | { type: "conversation.assigned"; conversationId: string; teamId: string | null; assigneeId: string | null }
  | { type: "message.created"; conversationId: string; teamId: string | null; messageId: string }
  | { type: "message.updated"; conversationId: string; teamId: string | null; messageId: string }
  /** profile, attributes, tags, notes or order requests of a customer changed (open panels refresh); not tied to a conversation */
  | { type: "customer.updated"; customerId: string; conversationId: null; teamId: null; changes: string[] }
  /** ephemeral (never stored): who views / types in a conversation, relayed between instances */
  | {
      type: "presence.changed";
      conversationId: string;
      teamId: null;
      presence: { userId: string; name: string; typing: boolean; leave: boolean };
    };

export type DomainEventType = DomainEventPayload["type"];
