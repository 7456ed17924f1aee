/**
 * Vietnamese phone numbers as people type them: `0912 345 678`, `091.234.5678`, `+84 912 345 678`,
 * `84912345678`, landlines `024 3825 1234` / `(028) 3829 1234`. The result is the national form
 * (`0912345678`), or null when it is not a Vietnamese number.
 */
export function normaliseVietnamesePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s.\-()]/g, "");
  if (!/^\+?\d{9,13}$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith("+84")) national = `0${compact.slice(3)}`;
  else if (compact.startsWith("84") && compact.length >= 11) national = `0${compact.slice(2)}`;
  else national = compact;
  // Mobile: 10 digits, 03x, 05x, 07x, 08x, 09x.
  if (/^0[35789]\d{8}$/.test(national)) return national;
  // Landline: 11 digits starting 02 (area code 02xx + 7 digits).
  if (/^02\d{9}$/.test(national)) return national;
  return null;
}
