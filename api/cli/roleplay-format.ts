/**
 * Plain-text rendering of a played roleplay for designers: `Agent:` / `Customer:` lines, the
 * director state under each customer line, system actions where they happened, the end reason.
 */
import type { Transcript } from '../transcript/schema.ts';

/** Renders a roleplay transcript (with director snapshots) as readable text. */
export function formatRoleplayText(t: Transcript, meta: { title: string; mode: string }): string {
  const out: string[] = [`Scenario: ${t.scenario ?? t.id} (${meta.title}) [${meta.mode}]`, ''];
  const events = t.systemEvents ?? [];
  const eventLine = (e: (typeof events)[number]) => `  [system] ${e.kind} ${e.target}`.trimEnd();
  out.push(...events.filter((e) => e.afterTurn < 0).map(eventLine));
  t.turns.forEach((turn, i) => {
    out.push(`${turn.speaker === 'agent' ? 'Agent' : 'Customer'}: ${turn.text}`);
    const d = t.director?.find((s) => s.turn === i);
    if (d) {
      const facts = d.factsRevealed.length > 0 ? d.factsRevealed.join(', ') : 'none';
      out.push(`  (mood ${d.mood}/10, patience ${d.patience}, facts: ${facts})`);
    }
    out.push(...events.filter((e) => e.afterTurn === i).map(eventLine));
  });
  out.push('', `End: ${t.endReason ?? 'unknown'}`);
  return `${out.join('\n')}\n`;
}
