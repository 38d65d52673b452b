/**
 * The learner's area: the practice home (/learner) or one attempt's chat
 * (/learner/attempts/:id), chosen from the path.
 */
import { useRef } from 'react';
import type { Me } from '../auth/session.ts';
import { AttemptPage } from './AttemptPage.tsx';
import { attemptIdOf, attemptPath, PORTFOLIO_PATH, PRACTICE_PATH } from './paths.ts';
import { PortfolioPage } from './PortfolioPage.tsx';
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
  // Focus moves to the new page's heading only after a move within the learner's area.
  const moved = useRef(false);
  const go = (to: string) => {
    moved.current = true;
    navigate(to);
  };
  const attemptId = attemptIdOf(path);
  if (attemptId)
    return (
      <AttemptPage
        key={attemptId}
        id={attemptId}
        focusHeading={moved.current}
        onBack={() => go(PRACTICE_PATH)}
      />
    );
  if (path === PORTFOLIO_PATH)
    return (
      <>
        <p>
          <a
            href={PRACTICE_PATH}
            onClick={(e) => {
              e.preventDefault();
              go(PRACTICE_PATH);
            }}
          >
            Back to practice
          </a>
        </p>
        <PortfolioPage learnerId={me.user.id} />
      </>
    );
  return (
    <PracticeHome
      me={me}
      focusHeading={moved.current}
      onOpen={(id) => go(attemptPath(id))}
      onPortfolio={() => go(PORTFOLIO_PATH)}
    />
  );
}
