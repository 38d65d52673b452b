/**
 * Where the web's eval runs come from: the suite files and the engines to run them with. An
 * interface, so the routes never touch the file system: the Node runtime reads the repository
 * (see node-source.ts); a runtime without one (Workers) simply has no eval source.
 */
import type { EvalContext } from '../../evals/context.ts';
import type { ReportFiles } from '../../evals/report/write.ts';
import type { SuiteResult } from '../../evals/result.ts';
import type { Suite } from '../../evals/suite-schema.ts';

/** One suite as the designer picks it. */
export interface SuiteInfo {
  id: string;
  kind: Suite['kind'];
  title: string;
  description: string | null;
  cases: number | null;
  /** Only a live run can play it (a model plays the learner). */
  needsLive: boolean;
}

/** Suites and the files that failed to parse (`file:line at path: reason`). */
export interface SuiteListing {
  suites: SuiteInfo[];
  issues: string[];
}

/** Reads suites and builds the engines a run uses. */
export interface EvalSource {
  listSuites(): Promise<SuiteListing>;
  /** The named suites in the order given; throws SuiteError for an unknown or broken one. */
  loadSuites(ids: string[]): Promise<Suite[]>;
  /** Offline engines, or the configured LLM (with its response cache) when `live`. */
  buildContext(live: boolean): Promise<EvalContext>;
  /** Cases run at once within a suite. */
  concurrency: number;
  /** Writes the report files of finished runs (Node: `evals/reports/`); absent where there is no disk. */
  writeReports?: (results: readonly SuiteResult[], at: Date) => Promise<ReportFiles>;
}

/** What the designer sees of a suite. */
export function suiteInfo(suite: Suite): SuiteInfo {
  return {
    id: suite.id,
    kind: suite.kind,
    title: suite.title,
    description: suite.description ?? null,
    cases: 'cases' in suite ? suite.cases.length : null,
    needsLive: suite.kind === 'learner-simulation',
  };
}
