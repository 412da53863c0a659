// Static reference data for the demo store: people's names, places, products, carriers, tags.
import type { Rng } from "./random";

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Elijah", "Isabella", "Lucas",
  "Mia", "Ethan", "Amara", "Kwame", "Chloe", "Diego", "Priya", "Arjun", "Mei", "Wei",
  "Hana", "Kenji", "Yuna", "Min-jun", "Fatima", "Omar", "Layla", "Yusuf", "Aaliyah", "Malik",
  "Zara", "Tariq", "Sofía", "José", "Camila", "Santiago", "Valentina", "Luis", "Ximena", "Carlos",
  "Ngozi", "Chinedu", "Aisha", "Kofi", "Nadia", "Dmitri", "Anya", "Björn", "Freya", "Lars",
  "Siobhan", "Declan", "Aoife", "Giulia", "Marco", "Chiara", "Amélie", "Julien", "Zoë", "Noa",
  "Avi", "Leila", "Reza", "Thanh", "Linh", "Bao", "Tavita", "Kalani", "Ayasha", "Dakota",
  "Grace", "Henry", "Ruby", "Oscar", "Harper", "Jack", "Ines", "Rafael", "Naledi", "Thabo",
] as const;

export const LAST_NAMES = [
  "Johnson", "Williams", "Garcia", "Martinez", "Nguyen", "Kim", "Patel", "Singh", "Chen", "Wang",
  "Okafor", "Mensah", "Adeyemi", "Hassan", "Khan", "Ali", "Rahman", "Haddad", "Cohen", "Levi",
  "Rodriguez", "Hernández", "López", "Gonzalez", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera",
  "O'Brien", "Murphy", "Kelly", "Rossi", "Bianchi", "Dubois", "Moreau", "Müller", "Schmidt", "Novak",
  "Kowalski", "Ivanova", "Petrov", "Andersson", "Johansson", "Larsen", "Tanaka", "Sato", "Suzuki", "Park",
  "Choi", "Lee", "Tran", "Pham", "Begay", "Yazzie", "Kealoha", "Brown", "Davis", "Miller",
  "Wilson", "Moore", "Taylor", "Thomas", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker",
  "Young", "Allen", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Mitchell", "Campbell",
] as const;

export const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;

/** [locale, timezone, weight]; null locale/timezone = unknown. */
export const LOCALES: readonly (readonly [string | null, string | null, number])[] = [
  ["en-US", "America/New_York", 30],
  ["en-US", "America/Chicago", 18],
  ["en-US", "America/Denver", 8],
  ["en-US", "America/Los_Angeles", 20],
  ["es-US", "America/Los_Angeles", 6],
  ["es-US", "America/New_York", 4],
  ["en-CA", "America/Toronto", 5],
  ["fr-CA", "America/Toronto", 3],
  ["en-GB", "Europe/London", 2],
  [null, null, 4],
];

export type City = { city: string; province: string; zip: string };
export const CITIES: readonly City[] = [
  { city: "Brooklyn", province: "NY", zip: "112" },
  { city: "Philadelphia", province: "PA", zip: "191" },
  { city: "Boston", province: "MA", zip: "021" },
  { city: "Atlanta", province: "GA", zip: "303" },
  { city: "Miami", province: "FL", zip: "331" },
  { city: "Chicago", province: "IL", zip: "606" },
  { city: "Minneapolis", province: "MN", zip: "554" },
  { city: "Austin", province: "TX", zip: "787" },
  { city: "Houston", province: "TX", zip: "770" },
  { city: "Denver", province: "CO", zip: "802" },
  { city: "Phoenix", province: "AZ", zip: "850" },
  { city: "Seattle", province: "WA", zip: "981" },
  { city: "Portland", province: "OR", zip: "972" },
  { city: "Oakland", province: "CA", zip: "946" },
  { city: "Los Angeles", province: "CA", zip: "900" },
  { city: "San Diego", province: "CA", zip: "921" },
  { city: "Nashville", province: "TN", zip: "372" },
  { city: "Columbus", province: "OH", zip: "432" },
  { city: "Detroit", province: "MI", zip: "482" },
  { city: "Albuquerque", province: "NM", zip: "871" },
];

export const STREETS = [
  "Maple Ave", "Oak St", "Pine St", "Cedar Ln", "Elm St", "Washington Blvd", "Lakeview Dr", "Park Ave",
  "Hillcrest Rd", "Sunset Blvd", "River Rd", "Highland Ave", "Chestnut St", "Willow Way", "Main St", "Broadway",
] as const;

export type Product = { sku: string; name: string; productType: string; priceCents: number; variants?: readonly string[] };

const APPAREL_SIZES = ["XS", "S", "M", "L", "XL"] as const;

export const PRODUCTS: readonly Product[] = [
  { sku: "APP-SWTR-FAIR", name: "Fair Isle Wool Sweater", productType: "Apparel", priceCents: 8900, variants: APPAREL_SIZES },
  { sku: "APP-PJ-PLAID", name: "Flannel Pajama Set — Holiday Plaid", productType: "Apparel", priceCents: 5400, variants: APPAREL_SIZES },
  { sku: "APP-HOOD-SNOW", name: "Snowfall Hoodie", productType: "Apparel", priceCents: 6200, variants: APPAREL_SIZES },
  { sku: "APP-SCARF-CASH", name: "Cashmere Blend Scarf", productType: "Apparel", priceCents: 4800, variants: ["Charcoal", "Cranberry", "Oatmeal"] },
  { sku: "APP-BEANIE-POM", name: "Cable Knit Pom Beanie", productType: "Apparel", priceCents: 2600, variants: ["Forest Green", "Cream", "Navy"] },
  { sku: "APP-SOCK-3PK", name: "Cozy Cabin Socks (3-pack)", productType: "Apparel", priceCents: 1800, variants: ["S/M", "L/XL"] },
  { sku: "APP-GLOVE-TCH", name: "Touchscreen Knit Gloves", productType: "Apparel", priceCents: 2200, variants: ["S/M", "L/XL"] },
  { sku: "FTW-SLIP-SHRL", name: "Sherpa-Lined Slippers", productType: "Footwear", priceCents: 3900, variants: ["6", "7", "8", "9", "10", "11"] },
  { sku: "FTW-BOOT-WINT", name: "Waterproof Winter Boots", productType: "Footwear", priceCents: 12900, variants: ["7", "8", "9", "10", "11", "12"] },
  { sku: "TOY-TRAIN-WOOD", name: "Wooden Holiday Train Set", productType: "Toys", priceCents: 6900 },
  { sku: "TOY-LEGO-VLG", name: "Winter Village Building Kit", productType: "Toys", priceCents: 9900 },
  { sku: "TOY-PLUSH-REIN", name: "Reindeer Plush (16 in)", productType: "Toys", priceCents: 2400 },
  { sku: "TOY-PUZ-1000", name: "Snowy Village 1000-Piece Puzzle", productType: "Toys", priceCents: 2200 },
  { sku: "TOY-GAME-FAM", name: "Family Trivia Night Board Game", productType: "Toys", priceCents: 3400 },
  { sku: "ELE-SPK-MINI", name: "Mini Bluetooth Speaker", productType: "Electronics", priceCents: 4900, variants: ["Black", "Red", "Sage"] },
  { sku: "ELE-HDPH-ANC", name: "Noise-Cancelling Headphones", productType: "Electronics", priceCents: 17900, variants: ["Black", "Silver"] },
  { sku: "ELE-LIGHT-STR", name: "Smart LED String Lights (33 ft)", productType: "Electronics", priceCents: 3900 },
  { sku: "ELE-CAM-INST", name: "Instant Film Camera", productType: "Electronics", priceCents: 8900, variants: ["Mint", "Blush", "White"] },
  { sku: "ELE-CHRG-3IN1", name: "3-in-1 Wireless Charging Stand", productType: "Electronics", priceCents: 5900 },
  { sku: "ELE-FRAME-DIG", name: "Digital Photo Frame (10 in)", productType: "Electronics", priceCents: 11900 },
  { sku: "HOM-CNDL-PINE", name: "Balsam & Pine Soy Candle", productType: "Home", priceCents: 2800 },
  { sku: "HOM-THRW-KNIT", name: "Chunky Knit Throw Blanket", productType: "Home", priceCents: 7900, variants: ["Ivory", "Sage", "Rust"] },
  { sku: "HOM-MUG-SET", name: "Stoneware Mug Set (4)", productType: "Home", priceCents: 4400 },
  { sku: "HOM-ORN-GLASS", name: "Hand-Blown Glass Ornaments (6)", productType: "Home", priceCents: 3600 },
  { sku: "HOM-WREATH-EUC", name: "Eucalyptus Door Wreath", productType: "Home", priceCents: 5200 },
  { sku: "HOM-STOCK-PERS", name: "Personalized Knit Stocking", productType: "Home", priceCents: 3200, variants: ["Red", "Green", "Grey"] },
  { sku: "FOOD-COCOA-KIT", name: "Peppermint Hot Cocoa Gift Kit", productType: "Food & Drink", priceCents: 2900 },
  { sku: "FOOD-COOKIE-TIN", name: "Butter Cookie Holiday Tin", productType: "Food & Drink", priceCents: 2400 },
  { sku: "GC-25", name: "Demo Store Gift Card — $25", productType: "Gift Card", priceCents: 2500 },
  { sku: "GC-50", name: "Demo Store Gift Card — $50", productType: "Gift Card", priceCents: 5000 },
  { sku: "GC-100", name: "Demo Store Gift Card — $100", productType: "Gift Card", priceCents: 10000 },
];

export function isSized(product: Product): boolean {
  return product.productType === "Apparel" || product.productType === "Footwear";
}

export type CarrierName = "UPS" | "USPS" | "FedEx" | "DHL";
export type Carrier = {
  name: CarrierName;
  weight: number;
  transitDays: readonly [number, number];
  trackingNumber: (rng: Rng) => string;
  trackingUrl: (trackingNumber: string) => string;
};

export const CARRIERS: readonly Carrier[] = [
  {
    name: "UPS",
    weight: 35,
    transitDays: [2, 5],
    // 1Z + 6-character shipper number + 2-digit service code + 8 digits
    trackingNumber: (rng) => `1Z${rng.alphanumeric(6)}${rng.pick(["01", "02", "03"])}${rng.digits(8)}`,
    trackingUrl: (n) => `https://www.ups.com/track?tracknum=${n}`,
  },
  {
    name: "USPS",
    weight: 35,
    transitDays: [2, 6],
    // 22 digits, Priority Mail style
    trackingNumber: (rng) => `9400${rng.pick(["1", "2"])}${rng.digits(17)}`,
    trackingUrl: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  },
  {
    name: "FedEx",
    weight: 22,
    transitDays: [1, 4],
    trackingNumber: (rng) => rng.digits(12),
    trackingUrl: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  },
  {
    name: "DHL",
    weight: 8,
    transitDays: [3, 7],
    trackingNumber: (rng) => rng.digits(10),
    trackingUrl: (n) => `https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
  },
];

/** Delay reasons; exception = the carrier reports an exception rather than a slipped ETA. */
export const DELAY_REASONS: readonly { reason: string; exception: boolean }[] = [
  { reason: "Weather delay at Memphis hub", exception: false },
  { reason: "Winter storm in the Midwest", exception: false },
  { reason: "Held at Louisville Worldport due to holiday volume", exception: false },
  { reason: "Missed connection at the Chicago sort facility", exception: false },
  { reason: "Carrier capacity constraints (holiday peak)", exception: false },
  { reason: "Address information needed", exception: true },
  { reason: "Package damaged in transit, awaiting carrier inspection", exception: true },
  { reason: "Delivery attempted, business closed", exception: true },
  { reason: "Customs clearance delay", exception: true },
];

export const TAGS: readonly { name: string; color: string }[] = [
  { name: "where-is-my-order", color: "#2563eb" },
  { name: "delayed-order", color: "#dc2626" },
  { name: "backordered", color: "#d97706" },
  { name: "return", color: "#7c3aed" },
  { name: "refund", color: "#db2777" },
  { name: "damaged", color: "#b91c1c" },
  { name: "address-change", color: "#0891b2" },
  { name: "gift", color: "#16a34a" },
  { name: "vip", color: "#ca8a04" },
  { name: "wholesale", color: "#4f46e5" },
  { name: "billing", color: "#0d9488" },
];

export type TagName = (typeof TAGS)[number]["name"];

/** Lower-case ASCII for email local parts: "Sofía O'Brien" → "sofia", "obrien". */
export function asciiSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}
