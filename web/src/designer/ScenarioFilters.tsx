/** Filters for the scenario list: industry, interaction type and persona trait. */
import { interactionTypeLabel } from './labels.ts';

/** The current filter values; empty string means "all". */
export interface ScenarioFilterValues {
  industry: string;
  interactionType: string;
  trait: string;
}

/** No filter applied. */
export const NO_FILTER: ScenarioFilterValues = { industry: '', interactionType: '', trait: '' };

function Select({
  id,
  label,
  value,
  options,
  allLabel,
  optionLabel = (o) => o,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: string[];
  allLabel: string;
  optionLabel?: (option: string) => string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ScenarioFilters({
  values,
  industries,
  interactionTypes,
  traits,
  onChange,
}: {
  values: ScenarioFilterValues;
  industries: string[];
  interactionTypes: string[];
  traits: string[];
  onChange: (values: ScenarioFilterValues) => void;
}) {
  return (
    <fieldset className="filters">
      <legend>Filter scenarios</legend>
      <Select
        id="filter-industry"
        label="Industry"
        value={values.industry}
        options={industries}
        allLabel="All industries"
        onChange={(industry) => onChange({ ...values, industry })}
      />
      <Select
        id="filter-interaction-type"
        label="Interaction type"
        value={values.interactionType}
        options={interactionTypes}
        allLabel="All interaction types"
        optionLabel={interactionTypeLabel}
        onChange={(interactionType) => onChange({ ...values, interactionType })}
      />
      <Select
        id="filter-trait"
        label="Persona trait"
        value={values.trait}
        options={traits}
        allLabel="All traits"
        onChange={(trait) => onChange({ ...values, trait })}
      />
    </fieldset>
  );
}
