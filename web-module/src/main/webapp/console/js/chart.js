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
