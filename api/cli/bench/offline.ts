/**
 * The offline engines, timed in this process: the rules grader over the labelled transcripts in
 * evals/golden, the offline persona over each turn of those transcripts, and `npm run grade`
 * end to end (a child process) on 100 transcripts.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../content/load.ts';
import { loadLabelledSet } from '../../evals/golden.ts';
import { gradeOffline } from '../../grading/offline/grader.ts';
import { openingReply } from '../../roleplay/engine.ts';
import { offlineReply } from '../../roleplay/offline-engine.ts';
import type { Transcript } from '../../transcript/schema.ts';
import { preciseNow } from './fake-openai.ts';
import { summarise, type Summary } from './stats.ts';

/** Offline figures. */
export interface OfflineFigures {
  transcripts: number;
  gradeMs: Summary;
  personaReplyMs: Summary;
  gradeCli: { transcripts: number; wallMs: number; exitCode: number | null };
}

/** Times the offline grader and persona `rounds` times over the golden set. */
export async function measureOffline(
  root: string,
  rounds: number,
): Promise<Omit<OfflineFigures, 'gradeCli'>> {
  const content = await loadContent(root);
  const rubric = content.rubrics.find((r) => r.id === 'core-webchat');
  if (!rubric) throw new Error('rubric core-webchat not found');
  const golden = await loadLabelledSet(join(root, 'evals', 'golden'));
  const grade: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of golden) {
      const t0 = preciseNow();
      gradeOffline({ transcript: c.transcript, rubric });
      grade.push(preciseNow() - t0);
    }
  }
  const scenario = content.scenarios[0];
  const persona = content.personas.find((p) => p.id === scenario?.persona);
  if (!scenario || !persona) throw new Error('no scenario with a persona');
  const reply: number[] = [];
  for (const c of golden) {
    let state = openingReply({ scenario, persona }).state;
    const turns = c.transcript.turns;
    for (let i = 0; i < turns.length; i++) {
      if (turns[i]!.speaker !== 'agent') continue;
      const t0 = preciseNow();
      const out = offlineReply({
        scenario,
        persona,
        turns: turns.slice(0, i + 1),
        events: [],
        state,
      });
      reply.push(preciseNow() - t0);
      state = out.state;
      if (state.ended) break;
    }
  }
  return {
    transcripts: golden.length,
    gradeMs: summarise(grade),
    personaReplyMs: summarise(reply),
  };
}

/** Runs `npm run grade` (as `node --import tsx api/cli/grade.ts`) on `count` transcripts. */
export async function measureGradeCli(
  root: string,
  count: number,
): Promise<OfflineFigures['gradeCli']> {
  const golden = await loadLabelledSet(join(root, 'evals', 'golden'));
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-grade-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const source = golden[i % golden.length]!.transcript;
      const transcript: Transcript = { ...source, id: `${source.id}-${i}` };
      const file = join(dir, `t${String(i).padStart(3, '0')}.json`);
      await writeFile(file, JSON.stringify(transcript));
      files.push(file);
    }
    const t0 = preciseNow();
    const exitCode = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'api/cli/grade.ts',
          '--rubric',
          'core-webchat',
          '--offline',
          '--format',
          'jsonl',
          ...files,
        ],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'ignore'],
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
        },
      );
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    return { transcripts: count, wallMs: Math.round(preciseNow() - t0), exitCode };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
