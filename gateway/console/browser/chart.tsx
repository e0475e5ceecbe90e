import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, BarController, BarElement } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Legend, Tooltip);

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  /** A second y axis on the right (a series of another unit). */
  right?: boolean;
}

/** A chart.js line (or bar) chart kept in step with its data: updated in place, not redrawn from scratch. */
export function LineChart({ labels, series, kind = 'line', testId, yMax }: { labels: string[]; series: Series[]; kind?: 'line' | 'bar'; testId?: string; yMax?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    chart.current = new Chart(canvas.current!, {
      type: kind,
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { beginAtZero: true, ...(yMax === undefined ? {} : { max: yMax }) },
          y1: { beginAtZero: true, position: 'right', display: series.some((s) => s.right), grid: { drawOnChartArea: false } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.current?.destroy();
    // One chart per mount; data flows in through the effect below.
  }, [kind]);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets = series.map((s) => ({ label: s.label, data: s.values, borderColor: s.color, backgroundColor: s.color, yAxisID: s.right ? 'y1' : 'y', tension: 0.2, spanGaps: true }));
    c.update();
  }, [labels, series]);
  return (
    <div className="chart" data-testid={testId} data-points={labels.length}>
      <canvas ref={canvas} />
    </div>
  );
}
