import { authorizedProcedure, router } from "../trpc/init";
import {
  createAttributeDefinition,
  deleteAttributeDefinition,
  listAttributeDefinitions,
  setCustomerAttribute,
  updateAttributeDefinition,
} from "./custom-attributes";
import { createCustomerNote, deleteCustomerNote, editCustomerNote, noteHistory, pinCustomerNote } from "./customer-notes";
import { addCustomerTag, removeCustomerTag } from "./customer-tags";
import { getCustomerPanel, listPanelConversations, listPanelOrders } from "./get-customer-panel";
import {
  ZAttributeDefinitionId,
  ZCreateAttributeDefinitionInput,
  ZCreateNoteInput,
  ZCustomerId,
  ZCustomerTagInput,
  ZCustomerUntagInput,
  ZEditNoteInput,
  ZNoteId,
  ZPanelPageInput,
  ZPinNoteInput,
  ZSetAttributeInput,
  ZUpdateAttributeDefinitionInput,
  ZUpdateProfileInput,
} from "./profile.schemas";
import { updateCustomerProfile } from "./update-customer";

/** `customers.*` — the customer panel beside a conversation (and on the customer page) and its edits. */
export const customerProfileRouter = router({
  /** Profile, identities, attributes, tags, notes, stats, first orders and conversations: a fixed number of statements. */
  panel: authorizedProcedure("customers.read")
    .input(ZCustomerId)
    .query(({ ctx, input }) => getCustomerPanel(ctx.db, ctx.actor, input.customerId)),

  panelOrders: authorizedProcedure("orders.read")
    .input(ZPanelPageInput)
    .query(({ ctx, input }) => listPanelOrders(ctx.db, ctx.actor, input)),

  panelConversations: authorizedProcedure("customers.read")
    .input(ZPanelPageInput)
    .query(({ ctx, input }) => listPanelConversations(ctx.db, ctx.actor, input)),

  updateProfile: authorizedProcedure("customers.update")
    .input(ZUpdateProfileInput)
    .mutation(({ ctx, input }) => updateCustomerProfile(ctx.db, ctx.actor, input)),

  setAttribute: authorizedProcedure("customers.update")
    .input(ZSetAttributeInput)
    .mutation(({ ctx, input }) => setCustomerAttribute(ctx.db, ctx.actor, input)),

  addTag: authorizedProcedure("customers.update")
    .input(ZCustomerTagInput)
    .mutation(({ ctx, input }) => addCustomerTag(ctx.db, ctx.actor, input)),

  removeTag: authorizedProcedure("customers.update")
    .input(ZCustomerUntagInput)
    .mutation(({ ctx, input }) => removeCustomerTag(ctx.db, ctx.actor, input)),

  createNote: authorizedProcedure("customers.update")
    .input(ZCreateNoteInput)
    .mutation(({ ctx, input }) => createCustomerNote(ctx.db, ctx.actor, input)),

  /** author, or a lead/admin (customers.manageAllNotes) — checked in the domain function */
  editNote: authorizedProcedure("customers.update")
    .input(ZEditNoteInput)
    .mutation(({ ctx, input }) => editCustomerNote(ctx.db, ctx.actor, input)),

  pinNote: authorizedProcedure("customers.update")
    .input(ZPinNoteInput)
    .mutation(({ ctx, input }) => pinCustomerNote(ctx.db, ctx.actor, input)),

  deleteNote: authorizedProcedure("customers.update")
    .input(ZNoteId)
    .mutation(({ ctx, input }) => deleteCustomerNote(ctx.db, ctx.actor, input.noteId)),

  noteHistory: authorizedProcedure("customers.read")
    .input(ZNoteId)
    .query(({ ctx, input }) => noteHistory(ctx.db, ctx.actor, input.noteId)),

  attributeDefinitions: authorizedProcedure("attributes.manage").query(({ ctx }) => listAttributeDefinitions(ctx.db, ctx.actor)),

  createAttributeDefinition: authorizedProcedure("attributes.manage")
    .input(ZCreateAttributeDefinitionInput)
    .mutation(({ ctx, input }) => createAttributeDefinition(ctx.db, ctx.actor, input)),

  updateAttributeDefinition: authorizedProcedure("attributes.manage")
    .input(ZUpdateAttributeDefinitionInput)
    .mutation(({ ctx, input }) => updateAttributeDefinition(ctx.db, ctx.actor, input)),

  deleteAttributeDefinition: authorizedProcedure("attributes.manage")
    .input(ZAttributeDefinitionId)
    .mutation(({ ctx, input }) => deleteAttributeDefinition(ctx.db, ctx.actor, input.id)),
});
