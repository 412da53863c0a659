import { z } from "zod";

export const ZCustomerId = z.object({ customerId: z.uuid() });

/** "More" pages of the panel's orders / conversations (keyset cursors from the previous page). */
export const ZPanelPageInput = z.object({
  customerId: z.uuid(),
  cursor: z.string().min(1).max(200),
});

const ZTimezone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone (use an IANA name like Europe/Berlin)");

const ZLocale = z
  .string()
  .trim()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, "Use a language tag like en, en-US or pt-BR");

export const ZUpdateProfileInput = z
  .object({
    customerId: z.uuid(),
    name: z.string().trim().min(1, "A name cannot be empty").max(200).nullable().optional(),
    vip: z.boolean().optional(),
    locale: ZLocale.nullable().optional(),
    timezone: ZTimezone.nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.vip !== undefined || v.locale !== undefined || v.timezone !== undefined, {
    message: "Nothing to change",
  });

export const ATTRIBUTE_TYPES = ["TEXT", "NUMBER", "DATE", "BOOLEAN", "LIST"] as const;
export type AttributeTypeValue = (typeof ATTRIBUTE_TYPES)[number];

/** A value as sent by the client; checked against the definition's type on the server (custom-attributes.ts). */
export const ZAttributeValue = z.union([z.string().max(2000), z.number().finite(), z.boolean()]).nullable();

export const ZSetAttributeInput = z.object({
  customerId: z.uuid(),
  key: z.string().min(1).max(64),
  /** null clears the value */
  value: ZAttributeValue,
});

const ZAttributeKey = z
  .string()
  .trim()
  .min(1, "Give the attribute a key")
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, "Keys are lower-case letters, digits and _ (e.g. loyalty_tier)");
const ZOptions = z
  .array(z.string().trim().min(1).max(80))
  .max(50, "At most 50 options")
  .refine((o) => new Set(o).size === o.length, "Options must be unique");

export const ZCreateAttributeDefinitionInput = z
  .object({
    key: ZAttributeKey,
    label: z.string().trim().min(1, "Give the attribute a label").max(80),
    type: z.enum(ATTRIBUTE_TYPES),
    options: ZOptions.default([]),
  })
  .refine((v) => v.type !== "LIST" || v.options.length > 0, { message: "A list needs at least one option", path: ["options"] });

export const ZUpdateAttributeDefinitionInput = z.object({
  id: z.uuid(),
  label: z.string().trim().min(1).max(80).optional(),
  /** LIST only: the allowed values (values already stored stay, and show as not in the list) */
  options: ZOptions.optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

export const ZAttributeDefinitionId = z.object({ id: z.uuid() });

export const ZCustomerTagInput = z.object({
  customerId: z.uuid(),
  /** an existing tag's name, or a new one (created on the fly) */
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^,<>]+$/, "Tags cannot contain , < or >"),
});
export const ZCustomerUntagInput = z.object({ customerId: z.uuid(), tagId: z.uuid() });

const ZNoteBody = z.string().trim().min(1, "Write the note first").max(5000);
export const ZCreateNoteInput = z.object({ customerId: z.uuid(), body: ZNoteBody, pinned: z.boolean().default(false) });
export const ZEditNoteInput = z.object({ noteId: z.uuid(), body: ZNoteBody });
export const ZPinNoteInput = z.object({ noteId: z.uuid(), pinned: z.boolean() });
export const ZNoteId = z.object({ noteId: z.uuid() });
