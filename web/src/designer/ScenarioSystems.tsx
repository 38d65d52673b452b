/** The simulated systems of a scenario: CRM record, knowledge-base articles and actions. */
import type { ScenarioCard } from './content-api.ts';
import { Facts } from './Facts.tsx';
import { fieldLabel, yesNo } from './labels.ts';

export function ScenarioSystems({ systems }: { systems: ScenarioCard['systems'] }) {
  const { crm, knowledgeBase, actions } = systems;
  return (
    <>
      <h3>Systems</h3>
      <h4>CRM record</h4>
      <Facts
        items={[
          ['Customer name', crm.customerName],
          ...Object.entries(crm.fields).map(([k, v]): [string, string] => [fieldLabel(k), v]),
        ]}
      />
      <h5>Security questions</h5>
      <ul>
        {crm.securityQuestions.map((q, i) => (
          <li key={i}>
            {q.question} <span className="hint">Answer: {q.answer}</span>
          </li>
        ))}
      </ul>
      <h4>Knowledge-base articles</h4>
      {knowledgeBase.map((a) => (
        <section key={a.id} className="kb-article" aria-label={a.title}>
          <h5>{a.title}</h5>
          <p className="prose">{a.body}</p>
          {a.tags.length > 0 && <p className="hint">Tags: {a.tags.join(', ')}</p>}
        </section>
      ))}
      <h4>Actions</h4>
      <table>
        <caption className="visually-hidden">Actions the learner can take</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Resolves the goal</th>
            <th scope="col">Needs security check</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.label}</th>
              <td>{yesNo(a.resolves)}</td>
              <td>{yesNo(a.requiresSecurityCheck)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
