// Charts with uPlot (MIT, from its WebJar): time on the x axis, one line per series.
import { h } from './dom.js';

/**
 * Draws a time-series chart into `parent`. data: [seconds since epoch[], series values[]…];
 * series: [{label, stroke, scale?}]; a series with its own scale gets an axis on the right.
 * Returns the uPlot instance, or null when uPlot is not loaded.
 */
export function lineChart(parent, data, series, { id, label, height = 220 } = {}) {
  const box = h('div', { id, class: 'chart', role: 'img', 'aria-label': label });
  parent.append(box);
  if (!window.uPlot) {
    box.textContent = 'The chart library did not load.';
    return null;
  }
  const width = Math.max(300, Math.min(1180, parent.clientWidth - 24));
  return new window.uPlot({
    width,
    height,
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, scale: s.scale || 'y' }))],
    axes: [{}, { size: 60 }, ...series.filter((s) => s.scale && s.scale !== 'y')
      .map((s) => ({ scale: s.scale, side: 1, size: 70, grid: { show: false }, stroke: s.stroke }))],
    scales: { x: { time: true } },
  }, data, box);
}

/**
 * Draws a bar chart of one value per label (e.g. tokens per agent) into `parent`: uPlot's bars
 * path over the labels' positions 0…n-1. Returns the uPlot instance, or null when uPlot is not
 * loaded or there is nothing to draw.
 */
export function barChart(parent, labels, values, { id, label, series, stroke = '#1565c0', height = 180 } = {}) {
  const box = h('div', { id, class: 'chart', role: 'img', 'aria-label': label });
  box.dataset.labels = JSON.stringify(labels);
  box.dataset.total = String(values.reduce((a, b) => a + b, 0));
  parent.append(box);
  if (!window.uPlot) {
    box.textContent = 'The chart library did not load.';
    return null;
  }
  if (labels.length === 0) return null;
  const width = Math.max(280, Math.min(1180, parent.clientWidth - 24));
  const short = (text) => (text.length > 16 ? text.slice(0, 15) + '…' : text);
  return new window.uPlot({
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    series: [{}, { label: series, stroke, fill: stroke + '99', width: 1,
      paths: window.uPlot.paths.bars({ size: [0.6, 64] }), points: { show: false } }],
    scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [
      { splits: () => labels.map((_, i) => i), values: (u, splits) => splits.map((i) => short(labels[i] ?? '')), grid: { show: false } },
      { size: 60 },
    ],
  }, [labels.map((_, i) => i), values], box);
}
