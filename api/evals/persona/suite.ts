/**
 * The persona-fidelity suite: each case plays a learner script against a scenario's persona
 * (offline rules, or the LLM with --live) and checks the named assertions on the played chat.
 */
import { LearnerScriptError, parseLearnerScript } from '../../roleplay/learner-script.ts';
import { PersonaModelError } from '../../roleplay/persona-errors.ts';
import { playScript } from '../../roleplay/play-script.ts';
import { templateStaticText } from '../../roleplay/template.ts';
import { SuitePlanError, type EvalContext, type SuitePlan } from '../context.ts';
import { figure, ratio, type CaseResult } from '../result.ts';
import type { PersonaFidelitySuite } from '../suite-schema.ts';
import { versionsOf } from '../versions.ts';
import { evaluateAssertion } from './assertions.ts';

function resolveCards(suite: PersonaFidelitySuite, ctx: EvalContext, index: number) {
  const c = suite.cases[index];
  if (!c) throw new SuitePlanError(suite.id, `cases.${index}`, 'missing case');
  const at = `cases.${index}`;
  const scenario = ctx.content.scenarios.find((s) => s.id === c.scenario);
  if (!scenario)
    throw new SuitePlanError(suite.id, `${at}.scenario`, `unknown scenario "${c.scenario}"`);
  const persona = ctx.content.personas.find((p) => p.id === scenario.persona);
  if (!persona)
    throw new SuitePlanError(suite.id, `${at}.scenario`, `unknown persona "${scenario.persona}"`);
  try {
    parseLearnerScript(JSON.stringify(c.script), scenario);
  } catch (err) {
    if (err instanceof LearnerScriptError)
      throw new SuitePlanError(suite.id, `${at}.script`, err.message);
    throw err;
  }
  const factIds = scenario.hiddenFacts.map((f) => f.id);
  c.assertions.forEach((a, j) => {
    if (a.name !== 'facts_revealed') return;
    const unknown = a.expect.filter((id) => !factIds.includes(id));
    if (unknown.length > 0) {
      const known = factIds.join(', ');
      throw new SuitePlanError(
        suite.id,
        `${at}.assertions.${j}.expect`,
        `unknown fact "${unknown[0]}" (known: ${known})`,
      );
    }
  });
  return { c, scenario, persona };
}

/** Plans a persona-fidelity suite (checks every reference first). */
export function planPersonaFidelity(suite: PersonaFidelitySuite, ctx: EvalContext): SuitePlan {
  const resolved = suite.cases.map((_, i) => resolveCards(suite, ctx, i));
  const templateText = templateStaticText(ctx.personaTemplate);
  const cases = resolved.map(({ c, scenario, persona }) => ({
    id: c.id,
    run: async (): Promise<CaseResult> => {
      let chat;
      try {
        chat = await playScript(ctx.persona, { scenario, persona }, c.script);
      } catch (err) {
        if (!(err instanceof PersonaModelError)) throw err;
        return {
          id: c.id,
          outcome: 'error',
          summary: `persona model failed: ${err.message}`,
          details: {},
        };
      }
      const results = [...suite.always, ...c.assertions].map((a) =>
        evaluateAssertion(a, { chat, persona, scenario, bands: suite.bands, templateText }),
      );
      const failed = results.filter((r) => !r.passed);
      return {
        id: c.id,
        outcome: failed.length === 0 ? 'pass' : 'fail',
        summary:
          failed.length === 0
            ? `${results.length} assertions passed`
            : failed.map((r) => `${r.name}: ${r.detail}`).join('; '),
        details: {
          scenario: scenario.id,
          persona: persona.id,
          assertions: results,
          endReason: chat.endReason,
          transcript: chat.turns,
          director: chat.states.map((s) => ({
            mood: s.mood,
            patience: s.patience,
            factsRevealed: s.factsRevealed,
          })),
        },
      };
    },
  }));
  return {
    versions: versionsOf({
      personas: [...new Set(resolved.map((r) => r.persona))],
      scenarios: [...new Set(resolved.map((r) => r.scenario))],
      prompts: { persona: ctx.promptVersions.persona },
    }),
    cases,
    figures: (results) => personaFigures(suite, results),
  };
}

function personaFigures(suite: PersonaFidelitySuite, results: CaseResult[]) {
  const passed = results.filter((r) => r.outcome === 'pass').length;
  const byName = new Map<string, { passed: number; total: number }>();
  for (const r of results) {
    const list = Array.isArray(r.details.assertions) ? r.details.assertions : [];
    for (const a of list as { name: string; passed: boolean }[]) {
      const entry = byName.get(a.name) ?? { passed: 0, total: 0 };
      entry.total += 1;
      if (a.passed) entry.passed += 1;
      byName.set(a.name, entry);
    }
  }
  return [
    figure('case_pass_rate', ratio(passed, results.length), { op: '>=', value: suite.threshold }),
    ...[...byName.entries()].map(([name, e]) =>
      figure(`assertion.${name}`, ratio(e.passed, e.total), undefined, {
        passed: e.passed,
        total: e.total,
      }),
    ),
  ];
}
