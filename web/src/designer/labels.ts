/** Human labels for content enums, so screens never show raw codes alone. */

const INTERACTION_TYPES: Record<string, string> = {
  bau: 'Business as usual',
  complex: 'Complex enquiry',
  complaint: 'Complaint',
  escalation: 'Escalation',
  technical: 'Technical',
  multifaceted: 'Multifaceted',
  supervisor: 'Supervisor exercise',
};

const EVIDENCED_BY: Record<string, string> = {
  roleplay: 'the roleplay chat',
  systems: 'system use (CRM, knowledge base, actions)',
  caseNotes: 'the case notes',
  supervisorReview: 'a supervisor review exercise',
  other: 'other means',
};

/** "Complaint" for `complaint`; unknown codes are shown as they are. */
export function interactionTypeLabel(type: string): string {
  return INTERACTION_TYPES[type] ?? type;
}

/** What a criterion is evidenced by, as a phrase. */
export function evidencedByLabel(by: string): string {
  return EVIDENCED_BY[by] ?? by;
}

/** "yes" / "no" for a flag, so meaning never rests on an icon or colour. */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** Sorted distinct values. */
export function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/** "Account number" for a camelCase or snake_case CRM field name. */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
