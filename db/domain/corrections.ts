// What a registered document's correction (更正) may change; the key fields need an approval (domain.md, Corrections).
export const DOCUMENT_CORRECTED_FIELDS = ['title', 'docNumber', 'originUnit', 'issueDate', 'marking', 'copies', 'attachments', 'remarks'] as const;
export type DocumentCorrectedField = (typeof DOCUMENT_CORRECTED_FIELDS)[number];

/** 文号, 密级标志 and 份数: corrected only with an approval of kind correction. */
const DOCUMENT_KEY_FIELDS: readonly DocumentCorrectedField[] = ['docNumber', 'marking', 'copies'];

export const isKeyField = (field: DocumentCorrectedField): boolean => DOCUMENT_KEY_FIELDS.includes(field);
