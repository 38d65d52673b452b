/**
 * Small, valid content objects for tests, and a writer that lays them out as a repo tree in a
 * temp directory. Tests override single fields to make one thing wrong at a time.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ContentBundle } from '../../api/content/load.ts';
import type {
  Persona,
  RubricCriterion,
  RubricPack,
  Scenario,
  StandardDefinition,
} from '../../api/content/schemas.ts';

/** A criterion with indicators, evidenced by roleplay. */
export function makeCriterion(
  id: string,
  overrides: Partial<RubricCriterion> = {},
): RubricCriterion {
  return {
    id,
    title: `Title of ${id}`,
    standardRefs: [],
    description: `Description of ${id}`,
    metIndicators: ['does it'],
    notYetIndicators: ['does not'],
    evidencedBy: 'roleplay',
    ...overrides,
  };
}

/** The core pack with the seven required criteria. */
export function makeCorePack(): RubricPack {
  const ids = [
    'greeting',
    'security_check',
    'rapport',
    'empathy',
    'options',
    'follow_up_recorded',
    'close',
  ];
  return {
    id: 'core-webchat',
    version: '1.0.0',
    title: 'Core',
    standard: null,
    criteria: ids.map((id) => makeCriterion(id, { standardRefs: ['STD 1.1'] })),
    evidenceRequirements: [],
  };
}

/** A two-criterion standard "STD" with codes 1.1 and 1.2. */
export function makeStandard(overrides: Partial<StandardDefinition> = {}): StandardDefinition {
  return {
    id: 'std',
    source: 'std.txt',
    code: 'STD',
    title: 'A standard',
    level: 'L1',
    evidence: 'Two interactions.',
    criteria: [
      { code: '1.1', outcome: '1 Do things', text: 'Do the first thing' },
      { code: '1.2', outcome: '1 Do things', text: 'Do the second thing' },
    ],
    ...overrides,
  };
}

/** A pack for STD covering 1.1 by roleplay (reusing core empathy) and 1.2 as other evidence. */
export function makeStandardPack(overrides: Partial<RubricPack> = {}): RubricPack {
  return {
    id: 'std-pack',
    version: '1.0.0',
    title: 'STD pack',
    standard: { source: 'std.txt', title: 'A standard', code: 'STD', level: 'L1' },
    criteria: [
      makeCriterion('first', {
        standardRefs: ['1.1'],
        reuses: 'core-webchat#empathy',
        metIndicators: [],
        notYetIndicators: [],
      }),
      makeCriterion('second', {
        standardRefs: ['1.2'],
        evidencedBy: 'other',
        otherEvidence: 'Questioning.',
      }),
    ],
    evidenceRequirements: [],
    ...overrides,
  };
}

/** A persona with the given id and traits. */
export function makePersona(id: string, traits: Persona['traits']): Persona {
  return {
    id,
    version: '1.0.0',
    name: `Name ${id}`,
    locale: 'en-NZ',
    traits,
    summary: 'A customer.',
    voice: {
      messageLength: 'short',
      typos: 'none',
      literal: false,
      firstLanguage: 'English',
      languageLevel: 'fluent',
      phrases: ['hi'],
    },
    mood: { start: 5, raisedBy: ['empathy'], loweredBy: ['scripts'] },
    limits: { patience: 10, asksForSupervisorWhen: 'never', leavesWhen: 'done' },
  };
}

/** A scenario of the given type for the given persona, graded on core and std-pack. */
export function makeScenario(
  id: string,
  interactionType: Scenario['interactionType'],
  persona: string,
): Scenario {
  return {
    id,
    version: '1.0.0',
    title: `Scenario ${id}`,
    industry: 'telco',
    interactionType,
    persona,
    brief: 'Help the customer.',
    opening: 'hello',
    hiddenFacts: [{ id: 'fact', fact: 'A fact.', askedBy: ['when'] }],
    goal: 'Resolve it.',
    acceptableResolutions: ['Resolved.'],
    systems: {
      crm: {
        customerName: 'Pat',
        fields: { account: 'A1' },
        securityQuestions: [{ question: 'DOB?', answer: '1 May 1990' }],
      },
      knowledgeBase: [
        { id: 'kb-one', title: 'One', body: 'Policy one.', tags: [] },
        { id: 'kb-two', title: 'Two', body: 'Policy two.', tags: [] },
      ],
      actions: [{ id: 'fix', label: 'Fix', resolves: true, requiresSecurityCheck: true }],
    },
    rubrics: ['core-webchat', 'std-pack'],
    endConditions: { resolved: 'fixed', customerLeaves: 'rude', escalated: 'asked', maxTurns: 10 },
  };
}

const TRAITS = ['angry', 'sad', 'confused', 'stressed', 'multilingual', 'neurodiverse'] as const;
const TYPES = [
  'bau',
  'complex',
  'complaint',
  'escalation',
  'technical',
  'multifaceted',
  'supervisor',
] as const;

/** A bundle with no problems: two personas per diversity trait and one scenario per type. */
export function makeCleanBundle(): ContentBundle {
  const personas = [makePersona('p-one', [...TRAITS]), makePersona('p-two', [...TRAITS])];
  return {
    rubrics: [makeCorePack(), makeStandardPack()],
    personas,
    scenarios: TYPES.map((t) => makeScenario(`s-${t}`, t, 'p-one')),
    standards: [makeStandard()],
    issues: [],
  };
}

/** Writes a bundle (or raw file texts) as a repo tree under a new temp dir; returns the root. */
export async function writeContentTree(
  bundle: ContentBundle,
  extraFiles: Record<string, string> = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rapport-content-'));
  const files: Record<string, string> = {};
  for (const p of bundle.rubrics) files[`rubrics/${p.id}.yaml`] = stringify(p);
  for (const s of bundle.standards ?? []) files[`rubrics/standards/${s.id}.yaml`] = stringify(s);
  for (const p of bundle.personas) files[`prompts/personas/${p.id}.yaml`] = stringify(p);
  for (const s of bundle.scenarios) files[`prompts/scenarios/${s.id}.yaml`] = stringify(s);
  for (const [path, text] of Object.entries({ ...files, ...extraFiles })) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}
