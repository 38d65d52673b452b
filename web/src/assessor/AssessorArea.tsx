/**
 * The assessor's area, chosen from the path: the confirmation queue (/assessor), IQA second
 * marking (/assessor/iqa) and its disagreements, agreement figures and exports, with a
 * sub-navigation between them.
 */
import { AgreementPage } from './AgreementPage.tsx';
import { AssessorHome } from './AssessorHome.tsx';
import { DisagreementsPage } from './DisagreementsPage.tsx';
import { ExportsPage } from './ExportsPage.tsx';
import { IqaQueuePage } from './IqaQueuePage.tsx';

const PAGES = [
  { path: '/assessor', label: 'Queue' },
  { path: '/assessor/iqa', label: 'Second marking' },
  { path: '/assessor/iqa/disagreements', label: 'Disagreements' },
  { path: '/assessor/agreement', label: 'Agreement' },
  { path: '/assessor/exports', label: 'Exports' },
] as const;

export function AssessorArea({
  path,
  navigate,
}: {
  path: string;
  navigate: (path: string) => void;
}) {
  const current = PAGES.find((p) => p.path === path) ?? PAGES[0];
  return (
    <>
      <nav aria-label="Assessment" className="subnav">
        <ul>
          {PAGES.map((p) => (
            <li key={p.path}>
              <a
                href={p.path}
                aria-current={p === current ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(p.path);
                }}
              >
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <AssessorPage path={current.path} navigate={navigate} />
    </>
  );
}

function AssessorPage({
  path,
  navigate,
}: {
  path: (typeof PAGES)[number]['path'];
  navigate: (path: string) => void;
}) {
  switch (path) {
    case '/assessor':
      return <AssessorHome />;
    case '/assessor/iqa':
      return <IqaQueuePage />;
    case '/assessor/iqa/disagreements':
      return <DisagreementsPage />;
    case '/assessor/agreement':
      return <AgreementPage />;
    case '/assessor/exports':
      return <ExportsPage navigate={navigate} />;
  }
}
