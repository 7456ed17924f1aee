/**
 * Strips personal data from a citizen's question before it is kept (Decree 13/2023/NĐ-CP):
 * e-mail addresses, phone numbers, ID numbers (CCCD 12 digits, CMND 9 digits, passports) and any
 * other long run of digits.
 */

const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Vietnamese phone numbers: 0xx / +84 / 84, with spaces, dots or dashes between groups. */
const phone = /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])/gu;
/** Passport numbers: one letter then 7–8 digits. */
const passport = /(?<![\p{L}\p{N}])[A-Za-z]\d{7,8}(?![\p{N}])/gu;
/** Any other run of 6 or more digits (ID numbers, account numbers, dossier codes with a name…). */
const longNumber = /(?<![\p{N}])\d(?:[\s.-]?\d){5,}(?![\p{N}])/gu;

/** National procedure codes (1.001193) are not personal data. */
const procedureCode = /^\d\.\d{6}$/;

export function redactPersonalData(text: string): string {
  return text
    .replace(email, "[email]")
    .replace(phone, "[phone]")
    .replace(passport, "[id]")
    .replace(longNumber, (match) => (procedureCode.test(match) ? match : "[number]"));
}
