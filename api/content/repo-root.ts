/** The repository root as seen from this module (content lives in rubrics/ and prompts/ there). */
import { fileURLToPath } from 'node:url';

/** Absolute path of the repo root, independent of the current working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
