// Overview: queue depth per priority, running per node, the dispatch switch, completed and failed
// tasks per minute over the last hour, the last failures and the budgets nearest their limit.
// Live: the all-tasks event stream (/api/v1/stream, read with fetch) triggers a refresh of the
// figures when a task changes; a slow poll catches what no event carries (a dispatch pause made
// elsewhere, budget reservations).
import { follow, get, post, query } from '../api.js';
import { attempt, can } from '../app.js';
import { button, fill, h, link, table, when } from '../dom.js';
import { lineChart } from '../chart.js';
import { budgetGauge, gaugeKey } from '../gauge.js';

/** The slow poll, for what no event carries. */
const POLL_MS = 30000;
/** Events arriving together cause one refresh, at most this often. */
const SETTLE_MS = 700;
const MINUTE = 60000;

export async function overview(main) {
  const dispatch = h('section', { id: 'dispatch', class: 'card' });
  const chart = h('section', { id: 'throughput', class: 'card wide' });
  const failures = h('section', { id: 'failures', class: 'card' });
  const budgets = h('section', { id: 'budgets', class: 'card' });
  const live = h('span', { id: 'overview-stream', class: 'badge', text: 'connecting' });
  fill(main, h('div', { class: 'title-row' }, h('h1', { text: 'Overview' }), live),
    h('div', { class: 'grid' }, dispatch, budgets, chart, failures));
  let plot = null;
  let refreshes = 0;
  const refresh = async () => {
    await attempt(async () => {
      const [state, failed, budgetList, perMinute] = await Promise.all([
        get('/dispatch'), get('/tasks?status=failed&limit=8'), get('/usage/budgets'), throughput()]);
      // a section whose data did not change keeps its elements (and the keyboard focus in them)
      changed(dispatch, state) && showDispatch(dispatch, state, refresh);
      changed(failures, failed.items) && showFailures(failures, failed.items);
      changed(budgets, budgetList.slice(0, 5)) && showBudgets(budgets, budgetList.slice(0, 5));
      plot = showChart(chart, perMinute, plot);
      main.dataset.refreshes = String(++refreshes);
    });
  };
  await refresh();
  const timer = setInterval(refresh, POLL_MS);
  // one refresh for a burst of events, and never two at once
  let pending = null;
  let running = null;
  const soon = () => {
    if (pending) return;
    pending = setTimeout(async () => {
      if (running) await running;
      pending = null;
      running = refresh();
      await running;
      running = null;
    }, SETTLE_MS);
  };
  const stop = follow('/stream', {
    onEvent: (event) => {
      if (event.type === 'status') soon();
    },
    onState: (state) => {
      live.textContent = typeof state === 'string' ? state : 'refused: ' + state.title;
      live.dataset.state = typeof state === 'string' ? state : 'refused';
      if (state === 'live') soon(); // what changed while the stream was away
    },
    done: () => false,
  });
  return () => {
    stop();
    clearInterval(timer);
    clearTimeout(pending);
    if (plot) plot.destroy();
  };
}

function changed(section, data) {
  const json = JSON.stringify(data);
  if (section.dataset.shown === json) return false;
  section.dataset.shown = json;
  return true;
}

function showDispatch(section, state, refresh) {
  const depth = Object.entries(state.queueDepth || {}).sort((a, b) => Number(b[0]) - Number(a[0]));
  const running = Object.entries(state.running || {});
  fill(section,
    h('h2', { text: 'Dispatch' }),
    h('p', {}, 'Dispatch is ', h('strong', { id: 'dispatch-state', text: state.paused ? 'paused' : 'running' }), '. ',
      can('admin')
        ? button(state.paused ? 'Resume dispatch' : 'Pause dispatch', () => attempt(async () => {
          await post(state.paused ? '/dispatch/resume' : '/dispatch/pause');
          await refresh();
        }), { id: 'dispatch-toggle' })
        : null),
    h('h3', { text: 'Queued, by priority' }),
    table([{ label: 'Priority', cell: (r) => r[0] }, { label: 'Queued', cell: (r) => r[1] }], depth,
      { empty: 'The queue is empty.', id: 'queue-depth' }),
    h('h3', { text: 'Running, by node' }),
    table([{ label: 'Node', cell: (r) => r[0] }, { label: 'Running', cell: (r) => r[1] }], running,
      { empty: 'Nothing is running.', id: 'running-nodes' }));
}

function showFailures(section, items) {
  fill(section, h('h2', { text: 'Last failures' }),
    table([
      { label: 'Task', cell: (t) => link('#/tasks/' + encodeURIComponent(t.taskId), t.taskId.slice(0, 8)) },
      { label: 'Agent', cell: (t) => t.agent },
      { label: 'Error', cell: (t) => h('code', { text: t.error?.code || t.stopReason || '' }) },
      { label: 'Finished', cell: (t) => when(t.finishedAt) },
    ], items, { empty: 'No task has failed.' }));
}

function showBudgets(section, list) {
  fill(section, h('h2', { text: 'Budgets nearest their limit' }),
    table([
      { label: 'Budget', cell: (b) => b.scope + ' · ' + b.kind },
      { label: 'Used and reserved', cell: budgetGauge },
      { label: '%', cell: (b) => b.percent.toFixed(1) },
    ], list, { empty: 'No budgets are set.', id: 'overview-budgets' }), list.length ? gaugeKey() : null);
}

/** Completed and failed tasks per minute of the last hour, by their finish time. */
async function throughput() {
  const now = Date.now();
  const start = Math.floor((now - 60 * MINUTE) / MINUTE) * MINUTE;
  const minutes = Array.from({ length: 61 }, (_, i) => (start + i * MINUTE) / 1000);
  const counts = async (status) => {
    const buckets = new Array(minutes.length).fill(0);
    let cursor;
    for (let page = 0; page < 5; page++) {
      const result = await get('/tasks' + query({
        status, createdFrom: new Date(start - 60 * MINUTE).toISOString(), limit: 200, cursor }));
      for (const t of result.items) {
        const at = Date.parse(t.finishedAt || t.updatedAt);
        const i = Math.floor((at - start) / MINUTE);
        if (i >= 0 && i < buckets.length) buckets[i]++;
      }
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return buckets;
  };
  const [completed, failed] = await Promise.all([counts('completed'), counts('failed')]);
  return [minutes, completed, failed];
}

function showChart(section, data, plot) {
  // what is drawn, for people reading the page's source and for the browser tests
  section.dataset.completed = String(data[1].reduce((a, b) => a + b, 0));
  section.dataset.failed = String(data[2].reduce((a, b) => a + b, 0));
  if (plot) {
    plot.setData(data);
    return plot;
  }
  fill(section, h('h2', { text: 'Completed and failed per minute, last hour' }));
  return lineChart(section, data, [
    { label: 'completed', stroke: '#2e7d32' },
    { label: 'failed', stroke: '#c62828' },
  ], { id: 'throughput-chart', label: 'Tasks completed and failed per minute over the last hour' });
}
