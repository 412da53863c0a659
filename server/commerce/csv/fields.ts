// The documented columns of each import kind and the header spellings accepted for them. Data only: the settings UI
// shows the same definitions as its column help and templates.

export const IMPORT_KINDS = ["customers", "orders", "fulfillments"] as const;
export type ImportKindKey = (typeof IMPORT_KINDS)[number];

export type FieldDef = {
  key: string;
  label: string;
  /** header spellings accepted (compared after normaliseHeader); earlier ones win when two columns map to one field */
  aliases: readonly string[];
  hint: string;
  example: string;
  /** the file must have this column */
  required?: boolean;
  /** tells this kind apart when the kind is detected from the headers */
  distinctive?: boolean;
};

const ORDER_NUMBER: FieldDef = {
  key: "order_number",
  label: "Order number",
  aliases: ["order number", "order", "order no", "order id", "order name", "number", "name"],
  hint: "Matches an existing order in this workspace (e.g. #1001)",
  example: "#1001",
  required: true,
};

export const FIELDS: Record<ImportKindKey, readonly FieldDef[]> = {
  customers: [
    {
      key: "name",
      label: "Name",
      aliases: ["name", "full name", "customer name", "customer", "display name"],
      hint: "Full name",
      example: "Maya Lopez",
    },
    {
      key: "first_name",
      label: "First name",
      aliases: ["first name", "given name", "firstname"],
      hint: "Joined with the last name when there is no name column",
      example: "",
      distinctive: true,
    },
    {
      key: "last_name",
      label: "Last name",
      aliases: ["last name", "surname", "family name", "lastname"],
      hint: "",
      example: "",
      distinctive: true,
    },
    {
      key: "email",
      label: "Email",
      aliases: ["email", "email address", "e mail", "e mail address", "mail", "customer email"],
      hint: "Matched first; an email or a phone is required on every row",
      example: "maya@example.com",
    },
    {
      key: "phone",
      label: "Phone",
      aliases: ["phone", "phone number", "mobile", "mobile phone", "cell", "telephone", "tel", "default address phone"],
      hint: "Any format; stored as E.164 (+15555550123), US numbers without +1 accepted",
      example: "+1 555 555 0123",
    },
    { key: "vip", label: "VIP", aliases: ["vip", "is vip"], hint: "yes/no, true/false, 1/0", example: "yes", distinctive: true },
    {
      key: "tags",
      label: "Tags",
      aliases: ["tags", "tag", "labels"],
      hint: "Separated by commas, semicolons or |; added, never removed",
      example: "wholesale, newsletter",
      distinctive: true,
    },
    {
      key: "locale",
      label: "Locale",
      aliases: ["locale", "language", "lang"],
      hint: "e.g. en-US, fr",
      example: "en-US",
      distinctive: true,
    },
    {
      key: "timezone",
      label: "Time zone",
      aliases: ["timezone", "time zone", "tz"],
      hint: "IANA name, e.g. America/New_York",
      example: "America/Chicago",
      distinctive: true,
    },
  ],
  orders: [
    { ...ORDER_NUMBER, hint: "One row per line item; rows of one order share the number" },
    {
      key: "email",
      label: "Email",
      aliases: ["email", "customer email", "email address", "e mail", "billing email"],
      hint: "Finds the customer (then the phone); a new customer is created when none matches",
      example: "maya@example.com",
    },
    {
      key: "phone",
      label: "Phone",
      aliases: ["phone", "customer phone", "phone number", "billing phone", "shipping phone"],
      hint: "Used when there is no email match",
      example: "+1 555 555 0123",
    },
    {
      key: "customer_name",
      label: "Customer name",
      aliases: ["customer name", "billing name", "shipping name", "full name", "customer"],
      hint: "Name of a customer created by the import",
      example: "Maya Lopez",
    },
    {
      key: "placed_at",
      label: "Placed at",
      aliases: ["placed at", "created at", "order date", "date", "ordered at", "processed at", "created"],
      hint: "YYYY-MM-DD or ISO 8601 (UTC unless an offset is given)",
      example: "2025-11-28T14:05:00Z",
      required: true,
      distinctive: true,
    },
    { key: "status", label: "Status", aliases: ["status", "order status"], hint: "open, closed, cancelled", example: "open" },
    {
      key: "financial_status",
      label: "Financial status",
      aliases: ["financial status", "payment status", "payment"],
      hint: "paid, pending, authorized, refunded, partially_refunded, voided",
      example: "paid",
      distinctive: true,
    },
    {
      key: "fulfillment_status",
      label: "Fulfilment status",
      aliases: ["fulfillment status", "fulfilment status", "shipping status"],
      hint: "unfulfilled, fulfilled, backordered, in transit, delivered…",
      example: "unfulfilled",
    },
    { key: "currency", label: "Currency", aliases: ["currency", "currency code"], hint: "ISO code, e.g. USD", example: "USD" },
    {
      key: "subtotal",
      label: "Subtotal",
      aliases: ["subtotal", "sub total", "subtotal price"],
      hint: "New orders: defaults to the sum of the line items",
      example: "58.40",
      distinctive: true,
    },
    {
      key: "shipping",
      label: "Shipping",
      aliases: ["shipping", "shipping cost", "shipping price", "shipping total"],
      hint: "",
      example: "5.00",
    },
    { key: "tax", label: "Tax", aliases: ["tax", "taxes", "total tax", "tax total"], hint: "", example: "4.41" },
    {
      key: "total",
      label: "Total",
      aliases: ["total", "order total", "total price", "grand total", "amount"],
      hint: "New orders: defaults to subtotal + shipping + tax",
      example: "67.81",
      distinctive: true,
    },
    {
      key: "cancelled_at",
      label: "Cancelled at",
      aliases: ["cancelled at", "canceled at"],
      hint: "Marks the order cancelled",
      example: "",
    },
    {
      key: "sku",
      label: "SKU",
      aliases: ["sku", "lineitem sku", "item sku", "product sku", "variant sku"],
      hint: "",
      example: "HOOD-NVY-M",
      distinctive: true,
    },
    {
      key: "product",
      label: "Product",
      aliases: ["product", "product name", "lineitem name", "item", "item name", "product title", "title"],
      hint: "A row without product or SKU carries no line item",
      example: "Harbor Hoodie",
      distinctive: true,
    },
    {
      key: "variant",
      label: "Variant",
      aliases: ["variant", "variant title", "lineitem variant", "option"],
      hint: "",
      example: "Navy / M",
    },
    {
      key: "product_type",
      label: "Product type",
      aliases: ["product type", "type", "category", "product category"],
      hint: "Used for auto-tags",
      example: "Apparel",
    },
    {
      key: "quantity",
      label: "Quantity",
      aliases: ["qty", "quantity", "lineitem quantity", "item quantity"],
      hint: "Whole number ≥ 1 (default 1)",
      example: "1",
      distinctive: true,
    },
    {
      key: "price",
      label: "Price",
      aliases: ["price", "unit price", "lineitem price", "item price"],
      hint: "Unit price",
      example: "49.00",
      distinctive: true,
    },
  ],
  fulfillments: [
    ORDER_NUMBER,
    {
      key: "fulfillment_id",
      label: "Fulfilment id",
      aliases: ["fulfillment id", "fulfilment id", "shipment id"],
      hint: "Identifies a shipment without a tracking number",
      example: "",
    },
    {
      key: "carrier",
      label: "Carrier",
      aliases: ["carrier", "tracking company", "shipping carrier", "courier"],
      hint: "",
      example: "UPS",
      distinctive: true,
    },
    {
      key: "tracking_number",
      label: "Tracking number",
      aliases: ["tracking number", "tracking", "tracking no", "tracking code", "tracking id"],
      hint: "Matches an existing shipment of the order",
      example: "1Z999AA10123456784",
      distinctive: true,
    },
    {
      key: "tracking_url",
      label: "Tracking URL",
      aliases: ["tracking url", "tracking link", "tracking urls"],
      hint: "http(s) link",
      example: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      distinctive: true,
    },
    {
      key: "status",
      label: "Status",
      aliases: ["status", "fulfillment status", "fulfilment status", "shipment status"],
      hint: "label created, in transit, out for delivery, delivered, exception, backordered, returned, cancelled",
      example: "in transit",
    },
    {
      key: "shipped_at",
      label: "Shipped at",
      aliases: ["shipped at", "ship date", "shipped", "shipped on", "fulfilled at"],
      hint: "",
      example: "2025-11-29",
      distinctive: true,
    },
    {
      key: "eta",
      label: "ETA",
      aliases: ["eta", "estimated delivery", "estimated delivery at", "expected delivery", "delivery estimate"],
      hint: "",
      example: "2025-12-03",
      distinctive: true,
    },
    { key: "delayed", label: "Delayed", aliases: ["delayed", "is delayed", "late"], hint: "yes/no", example: "no", distinctive: true },
    { key: "delay_reason", label: "Delay reason", aliases: ["delay reason", "reason"], hint: "", example: "", distinctive: true },
    {
      key: "delivered_at",
      label: "Delivered at",
      aliases: ["delivered at", "delivered on", "delivery date"],
      hint: "",
      example: "",
      distinctive: true,
    },
  ],
};
