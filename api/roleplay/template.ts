/**
 * The one trusted template renderer. Templates (prompts/templates/*.md) hold `{{name}}` slots that
 * are filled in a single pass from trusted card fields only; a value that itself contains `{{`
 * is never expanded, and learner or transcript text is never passed here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A template slot with no value, or a value for a slot the template lacks. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const SLOT = /\{\{(\w+)\}\}/g;

/** Fills every `{{slot}}` of `template` from `values`; every slot and every value must match. */
export function renderTrustedTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
): string {
  const used = new Set<string>();
  const out = template.replace(SLOT, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new TemplateError(`template slot {{${key}}} has no value`);
    used.add(key);
    return value;
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new TemplateError(`values without a slot: ${unused.join(', ')}`);
  return out;
}

/** The template's fixed wording (slots removed): what a reply must never quote back. */
export function templateStaticText(template: string): string {
  return template.replace(SLOT, ' ');
}

/** Reads `prompts/templates/<name>.md` under the repo root. */
export async function loadTemplate(root: string, name: string): Promise<string> {
  return readFile(join(root, 'prompts', 'templates', `${name}.md`), 'utf8');
}
