/**
 * The learner's area: the practice home (/learner) or one attempt's chat
 * (/learner/attempts/:id), chosen from the path.
 */
import type { Me } from '../auth/session.ts';
import { AttemptPage } from './AttemptPage.tsx';
import { attemptIdOf, attemptPath, PRACTICE_PATH } from './paths.ts';
import { PracticeHome } from './PracticeHome.tsx';

export function LearnerHome({
  me,
  path,
  navigate,
}: {
  me: Me;
  path: string;
  navigate: (path: string) => void;
}) {
  const attemptId = attemptIdOf(path);
  if (attemptId)
    return <AttemptPage key={attemptId} id={attemptId} onBack={() => navigate(PRACTICE_PATH)} />;
  return <PracticeHome me={me} onOpen={(id) => navigate(attemptPath(id))} />;
}
