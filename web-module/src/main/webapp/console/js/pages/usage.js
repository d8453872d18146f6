// Usage: tokens and cost by day, agent and model for a range, as a chart and tables; CSV export;
// budgets with used, reserved and remaining, and setting an agent's budget.
import { download, get, put, query, Problem } from '../api.js';
import { attempt, can, flash, go } from '../app.js';
import { barChart, lineChart } from '../chart.js';
import { budgetGauge, gaugeKey } from '../gauge.js';
import { field, fill, h, input, select, table, usd, values } from '../dom.js';

const DAY = 86400000;

function day(date) {
  return new Date(date).toISOString().slice(0, 10);
}

/** #/usage?from=YYYY-MM-DD&to=YYYY-MM-DD (UTC days, "to" inclusive). */
export async function usagePage(main, params) {
  const from = params.get('from') || day(Date.now() - 13 * DAY);
  const to = params.get('to') || day(Date.now());
  const range = { from: from + 'T00:00:00Z', to: new Date(Date.parse(to + 'T00:00:00Z') + DAY).toISOString() };
  const [report, budgets, agents] = await Promise.all([get('/usage' + query(range)), get('/usage/budgets'), get('/agents')]);
  const form = h('form', { id: 'usage-range', class: 'filters' },
    field('From (UTC day)', input('from', { type: 'date', value: from })),
    field('To (UTC day)', input('to', { type: 'date', value: to })),
    h('button', { type: 'submit', text: 'Show' }),
    h('button', { type: 'button', id: 'export-csv', text: 'Export CSV', onclick: () => attempt(() => download('/usage/export' + query({ format: 'csv', ...range }), `usage-${from}-${to}.csv`)) }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('/usage' + query(values(form)));
  });
  const chartBox = h('section', { class: 'card wide', id: 'usage-chart-box' }, h('h2', { text: 'Tokens and cost by day' }));
  const groupColumns = (label) => [
    { label, cell: (g) => g.key },
    { label: 'Requests', cell: (g) => g.totals.requests },
    { label: 'Prompt tokens', cell: (g) => g.totals.promptTokens },
    { label: 'Completion tokens', cell: (g) => g.totals.completionTokens },
    { label: 'Cost', cell: (g) => usd(g.totals.costUsd) },
  ];
  const t = report.totals;
  const byAgentBox = h('section', { class: 'card', id: 'usage-agents' }, h('h2', { text: 'By agent' }));
  const byModelBox = h('section', { class: 'card', id: 'usage-models' }, h('h2', { text: 'By model' }));
  fill(main, h('h1', { text: 'Usage and budgets' }), form,
    h('p', { id: 'usage-totals' }, `${t.requests} model calls · ${t.totalTokens} tokens · ${usd(t.costUsd)} · average latency ${t.averageLatencyMs} ms`),
    chartBox,
    h('div', { class: 'grid' },
      byAgentBox, byModelBox),
    budgetSection(budgets, agents.map((a) => a.name)));
  // the charts need their boxes' widths: drawn once the boxes are in the page
  const plots = [];
  for (const [box, groups, label, id, colour] of [
    [byAgentBox, report.byAgent, 'Agent', 'agent', '#1565c0'], [byModelBox, report.byModel, 'Model', 'model', '#6a1b9a']]) {
    const chart = barChart(box, groups.map((g) => g.key), groups.map((g) => g.totals.totalTokens), {
      id: 'usage-' + id + '-chart', series: 'tokens', stroke: colour,
      label: 'Tokens by ' + id + ': ' + groups.map((g) => g.key + ' ' + g.totals.totalTokens).join(', '),
    });
    if (chart) plots.push(chart);
    box.append(table(groupColumns(label), groups, { id: 'usage-by-' + id }));
  }
  // every day of the range, the days without calls as zero
  const byDay = new Map(report.byDay.map((g) => [g.key, g.totals]));
  const days = [];
  for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(to + 'T00:00:00Z'); t += DAY) days.push(day(t));
  const tokens = days.map((d) => byDay.get(d)?.totalTokens || 0);
  const plot = lineChart(chartBox, [
    days.map((d) => Date.parse(d + 'T00:00:00Z') / 1000),
    tokens,
    days.map((d) => Number(byDay.get(d)?.costUsd || 0)),
  ], [{ label: 'tokens', stroke: '#1565c0' }, { label: 'cost (USD)', stroke: '#ef6c00', scale: 'usd' }],
  { id: 'usage-chart', label: 'Tokens and cost per day' });
  chartBox.querySelector('#usage-chart').dataset.tokens = String(tokens.reduce((a, b) => a + b, 0));
  return () => [plot, ...plots].forEach((p) => p && p.destroy());
}

function budgetSection(budgets, agents) {
  const num = (v) => (v === null || v === undefined ? '—' : String(v));
  const section = h('section', { class: 'card', id: 'budgets' }, h('h2', { text: 'Budgets' }),
    table([
      { label: 'Scope', cell: (b) => b.scope },
      { label: 'Period', cell: (b) => b.kind },
      { label: 'Limit', cell: (b) => (b.limitUsd !== null && b.limitUsd !== undefined ? usd(b.limitUsd) : num(b.limitTokens) + ' tokens') },
      { label: 'Used', cell: (b) => (b.limitUsd !== null && b.limitUsd !== undefined ? usd(b.usedUsd) : num(b.usedTokens)) },
      { label: 'Reserved', cell: (b) => (b.limitUsd !== null && b.limitUsd !== undefined ? usd(b.reservedUsd) : num(b.reservedTokens)) },
      { label: 'Remaining', cell: (b) => (b.limitUsd !== null && b.limitUsd !== undefined ? usd(b.remainingUsd) : num(b.remainingTokens)) },
      { label: 'Used and reserved of the limit', cell: budgetGauge },
    ], budgets, { id: 'budget-table', empty: 'No budgets are set.' }), budgets.length ? gaugeKey() : null);
  if (!can('operator') || agents.length === 0) return section;
  const form = h('form', { id: 'budget-form', class: 'filters' },
    field('Agent', select('agent', agents)),
    field('Daily USD', input('dailyUsd', { type: 'number', step: 'any', min: 0 })),
    field('Daily tokens', input('dailyTokens', { type: 'number', min: 0 })),
    field('Monthly USD', input('monthlyUsd', { type: 'number', step: 'any', min: 0 })),
    field('Monthly tokens', input('monthlyTokens', { type: 'number', min: 0 })),
    h('button', { type: 'submit', text: 'Set budget' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const v = values(form);
      const body = {};
      for (const key of ['dailyUsd', 'dailyTokens', 'monthlyUsd', 'monthlyTokens']) if (v[key]) body[key] = Number(v[key]);
      await put('/agents/' + encodeURIComponent(v.agent) + '/budget', body);
      go('/usage');
      flash(new Problem(200, { title: 'Budget set', detail: 'for ' + v.agent }));
    });
  });
  section.append(h('h3', { text: "Set an agent's budget (absent limits nothing)" }), form);
  return section;
}
