import { useState, type FormEvent } from 'react';
import { gql, type ApiError } from './api.js';
import { LineChart } from './chart.js';

const RESULTS = `query ConsoleExperiment($key: String!) {
  experimentResults(key: $key) {
    goal confidenceLevel
    experiment { key description status startsAt endsAt }
    variants { variant isControl exposures conversions conversionRate confidenceInterval { low high } upliftVsControl pValue significant }
  }
}`;

interface Results {
  goal: string;
  confidenceLevel: number;
  experiment: { key: string; description: string; status: string };
  variants: {
    variant: string;
    isControl: boolean;
    exposures: number;
    conversions: number;
    conversionRate: number | null;
    confidenceInterval: { low: number; high: number } | null;
    upliftVsControl: number | null;
    pValue: number | null;
    significant: boolean;
  }[];
}

const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(100 * value).toFixed(2)}%`);

/** An A/B experiment's results (ADMIN): conversion per variant with its interval, and the test against the control. Experiments are looked up by key. */
export function ExperimentResults() {
  const [key, setKey] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setResults((await gql<{ experimentResults: Results }>(RESULTS, { key })).experimentResults);
    } catch (failure) {
      setResults(null);
      setError((failure as ApiError).message);
    }
  };
  return (
    <div className="experiment" data-testid="experiment">
      <form className="send" onSubmit={(e) => void load(e)}>
        <input aria-label="Experiment key" value={key} onChange={(e) => setKey(e.target.value)} placeholder="Experiment key" required />
        <button type="submit">Show results</button>
      </form>
      {error && <p className="error">{error}</p>}
      {results && (
        <>
          <p>
            <strong>{results.experiment.key}</strong> ({results.experiment.status.toLowerCase()}) · goal {results.goal} · {Math.round(100 * results.confidenceLevel)}% intervals
          </p>
          <LineChart
            kind="bar"
            labels={results.variants.map((v) => v.variant)}
            series={[{ label: 'conversion rate (%)', values: results.variants.map((v) => (v.conversionRate === null ? null : Math.round(10_000 * v.conversionRate) / 100)), color: '#22c55e' }]}
            testId="experiment-chart"
          />
          <table className="variants">
            <thead>
              <tr>
                <th>variant</th>
                <th>exposures</th>
                <th>conversions</th>
                <th>rate</th>
                <th>interval</th>
                <th>uplift</th>
                <th>p-value</th>
              </tr>
            </thead>
            <tbody>
              {results.variants.map((v) => (
                <tr key={v.variant} className={v.significant ? 'significant' : ''}>
                  <td>
                    {v.variant}
                    {v.isControl ? ' (control)' : ''}
                  </td>
                  <td>{v.exposures}</td>
                  <td>{v.conversions}</td>
                  <td>{pct(v.conversionRate)}</td>
                  <td>{v.confidenceInterval ? `${pct(v.confidenceInterval.low)} – ${pct(v.confidenceInterval.high)}` : '—'}</td>
                  <td>{v.upliftVsControl === null ? '—' : `${v.upliftVsControl >= 0 ? '+' : ''}${(100 * v.upliftVsControl).toFixed(2)} pts`}</td>
                  <td>
                    {v.pValue === null ? '—' : v.pValue.toFixed(4)}
                    {v.significant ? ' ✓' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
