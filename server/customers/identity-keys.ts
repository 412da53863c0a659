import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * The normalised forms CustomerIdentity.address stores, so the same person matches across channels and imports:
 * e-mail lower-cased and trimmed; phones in E.164 (parsed with the workspace's default country when no +prefix).
 */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const v = raw?.trim().toLowerCase();
  if (!v) return null;
  // one @, something on both sides, no spaces: good enough to key an identity (delivery is the mail server's job)
  return /^[^\s@]+@[^\s@]+$/.test(v) ? v : null;
}

export function normalizePhone(raw: string | null | undefined, defaultCountry: CountryCode = "US"): string | null {
  const v = raw?.trim();
  if (!v) return null;
  const parsed = parsePhoneNumberFromString(v, defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}
