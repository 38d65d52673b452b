/** `npm run content:bundle` — writes api/content/bundle.generated.json for the Worker build. */
import { writeContentBundle } from '../content/bundle-file.ts';
import { repoRoot } from '../content/repo-root.ts';

const counts = await writeContentBundle(repoRoot);
process.stdout.write(
  `content bundle: ${counts.rubrics} rubric packs, ${counts.personas} personas, ${counts.scenarios} scenarios` +
    (counts.issues ? `, ${counts.issues} issues (run npm run content:check)` : '') +
    '\n',
);
