/**
 * The folder name of a field (lĩnh vực): the Vietnamese name folded to ascii kebab-case.
 * "Hộ tịch" → "ho-tich", "Đất đai" → "dat-dai". Safe for NFC and NFD input alike.
 */
export function fieldSlug(field: string): string {
  return field
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
