// Tasks: the filtered list (paged by cursor), one task with its live event stream, and the submit form.
import { call, del, follow, get, post, query } from '../api.js';
import { attempt, can, go } from '../app.js';
import {
  button, details, field, fill, h, input, isoFromLocal, link, select, table, usd, values, when,
} from '../dom.js';

const STATUSES = ['', 'queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'];
const FINISHED = ['completed', 'failed', 'cancelled'];
const PRIORITIES = [['', 'any'], ...Array.from({ length: 10 }, (_, i) => [String(9 - i), String(9 - i)])];

async function agentNames() {
  return (await get('/agents')).map((a) => a.name);
}

/** #/tasks?agent=&status=&priority=&tag=&from=&to=&order=asc|desc&cursor= */
export async function taskList(main, params) {
  const agents = await agentNames();
  const filters = h('form', { id: 'task-filters', class: 'filters', role: 'search' },
    field('Agent', select('agent', [['', 'any'], ...agents], { value: params.get('agent') || '' })),
    field('Status', select('status', STATUSES.map((s) => [s, s || 'any']), { value: params.get('status') || '' })),
    field('Priority', select('priority', PRIORITIES, { value: params.get('priority') || '' })),
    field('Tag', input('tag', { value: params.get('tag') || '' })),
    field('Created from', input('createdFrom', { type: 'datetime-local', value: params.get('from') || '' })),
    field('Created to', input('createdTo', { type: 'datetime-local', value: params.get('to') || '' })),
    h('button', { type: 'submit', text: 'Filter' }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = values(filters);
    go('/tasks' + query({
      agent: v.agent, status: v.status, priority: v.priority, tag: v.tag, from: v.createdFrom, to: v.createdTo,
      order: params.get('order') }));
  });
  const oldestFirst = params.get('order') === 'asc';
  const apiQuery = {
    agent: params.get('agent'), status: params.get('status'), priority: params.get('priority'),
    tag: params.get('tag'), createdFrom: isoFromLocal(params.get('from')), createdTo: isoFromLocal(params.get('to')),
    cursor: params.get('cursor'), limit: 25, order: oldestFirst ? 'asc' : undefined,
  };
  const page = await get('/tasks' + query(apiQuery));
  const here = Object.fromEntries(params.entries());
  const previous = (params.get('back') || '').split(',').filter(Boolean);
  // the other order starts again at the first page
  const { cursor: _c, back: _b, ...filtersHere } = here;
  const sortButton = button(oldestFirst ? 'Created ↑' : 'Created ↓', () => go('/tasks' + query({
    ...filtersHere, order: oldestFirst ? undefined : 'asc' })), {
    id: 'sort-created', class: 'link',
    'aria-label': 'Created, ' + (oldestFirst ? 'oldest first; sort newest first' : 'newest first; sort oldest first'),
  });
  fill(main,
    h('div', { class: 'title-row' }, h('h1', { text: 'Tasks' }),
      can('operator') ? link('#/tasks/new', 'Submit a task', { class: 'button', id: 'new-task' }) : null),
    filters,
    table([
      { label: 'Task', cell: (t) => link('#/tasks/' + encodeURIComponent(t.taskId), t.taskId.slice(0, 8), { class: 'task-link' }) },
      { label: 'Agent', cell: (t) => t.agent },
      { label: 'Status', cell: (t) => h('span', { class: 'status status-' + t.status, text: t.status }) },
      { label: 'Priority', cell: (t) => t.priority },
      { label: 'Tags', cell: (t) => (t.tags || []).join(', ') },
      { label: 'Input', cell: (t) => h('span', { class: 'clip', text: t.input || '' }) },
      { label: 'Created', header: sortButton, sort: oldestFirst ? 'ascending' : 'descending', cell: (t) => when(t.createdAt) },
      { label: 'Cost', cell: (t) => usd(t.usage?.costUsd) },
    ], page.items, { id: 'task-table', empty: 'No task matches.', caption: oldestFirst ? 'Oldest first' : 'Newest first' }),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      previous.length ? link('#/tasks' + query({ ...here, cursor: previous.at(-1) === '-' ? undefined : previous.at(-1), back: previous.slice(0, -1).join(',') }), oldestFirst ? 'Earlier' : 'Newer', { id: 'newer' }) : null,
      page.nextCursor ? link('#/tasks' + query({ ...here, cursor: page.nextCursor, back: [...previous, params.get('cursor') || '-'].join(',') }), oldestFirst ? 'Later' : 'Older', { id: 'older' }) : null));
}

/** #/tasks/{id}: the task, its actions and its live event stream. */
export async function taskPage(main, params, id) {
  const path = '/tasks/' + encodeURIComponent(id);
  const summary = h('section', { id: 'task-summary' });
  const actions = h('div', { id: 'task-actions', class: 'actions' });
  const streamState = h('span', { id: 'stream-state', class: 'badge', text: 'connecting' });
  const events = h('ol', { id: 'events', class: 'events', 'aria-live': 'polite' });
  fill(main, h('h1', {}, 'Task ', h('code', { text: id })), actions, summary,
    h('section', { class: 'card' }, h('h2', {}, 'Events ', streamState), events));
  let task = null;
  const reload = async () => {
    task = await get(path);
    showTask(summary, task);
    showActions(actions, task, path, reload);
  };
  await reload();
  let pending = null;
  const stop = follow(path + '/stream', {
    onEvent: (event) => {
      events.append(eventItem(event));
      if (event.type === 'status' && !pending) {
        pending = setTimeout(() => {
          pending = null;
          attempt(reload);
        }, 150);
      }
    },
    onState: (state) => {
      streamState.textContent = typeof state === 'string' ? state : 'refused: ' + state.title;
      streamState.dataset.state = typeof state === 'string' ? state : 'refused';
      if (state === 'ended') attempt(reload);
    },
    done: (last) => {
      if (task && FINISHED.includes(task.status)) return true;
      if (!last || last.type !== 'status') return false;
      try {
        return FINISHED.includes(JSON.parse(last.data).status);
      } catch (e) {
        return false;
      }
    },
  });
  return () => {
    stop();
    if (pending) clearTimeout(pending);
  };
}

function eventItem(event) {
  let data = event.data;
  let parsed = null;
  try {
    parsed = JSON.parse(event.data);
    data = JSON.stringify(parsed, null, 1);
  } catch (e) {
    parsed = null;
  }
  const headline = parsed ? summaryOf(event.type, parsed) : '';
  return h('li', { class: 'event event-' + event.type.replace(/[^a-z.]/g, ''), 'data-id': event.id || '' },
    h('span', { class: 'event-id', text: '#' + (event.id || '') }), ' ',
    h('strong', { class: 'event-type', text: event.type }), ' ',
    headline ? h('span', { class: 'event-status', text: headline }) : null,
    h('details', {}, h('summary', { text: 'data' }), h('pre', { text: data })));
}

/** A few words on an event: the new status, the tool called, the tokens of a model answer. */
function summaryOf(type, data) {
  if (type === 'status') return data.status + (data.stopReason ? ' (' + data.stopReason + ')' : '');
  if (type.startsWith('tool.')) return data.name || data.tool || '';
  if (type === 'model.response' && data.completionTokens !== undefined) return data.completionTokens + ' completion tokens';
  return '';
}

function showTask(section, t) {
  fill(section, h('div', { class: 'grid' },
    h('div', { class: 'card' }, details([
      ['Status', h('span', { id: 'task-status', class: 'status status-' + t.status, text: t.status })],
      ['Agent', link('#/agents/' + encodeURIComponent(t.agent), t.agent)],
      ['Priority', String(t.priority)],
      ['Tags', (t.tags || []).join(', ')],
      ['Stop reason', t.stopReason ? h('code', { id: 'task-stop-reason', text: t.stopReason }) : null],
      ['Error', t.error ? h('span', { id: 'task-error' }, h('code', { text: t.error.code }), ' ', t.error.message || '') : null],
      ['Attempts', String(t.attempts)],
      ['Model calls', String(t.usage?.iterations ?? 0)],
      ['Tokens', t.usage ? `${t.usage.promptTokens} prompt + ${t.usage.completionTokens} completion` : ''],
      ['Cost', usd(t.usage?.costUsd)],
      ['Session', t.sessionId ? link('#/sessions/' + encodeURIComponent(t.sessionId), t.sessionId.slice(0, 8)) : null],
      ['Created', when(t.createdAt)],
      ['Started', when(t.startedAt)],
      ['Finished', when(t.finishedAt)],
    ])),
    h('div', { class: 'card' },
      h('h2', { text: 'Input' }), h('pre', { id: 'task-input', text: t.input || '' }),
      t.question ? [h('h2', { text: 'Question' }), h('pre', { id: 'task-question', text: t.question })] : null,
      h('h2', { text: 'Output' }), h('pre', { id: 'task-output', text: t.output || '' }))));
}

function showActions(box, t, path, reload) {
  // unchanged state: keep the controls, and any answer being typed into them
  const state = t.status + '/' + t.cancelRequested;
  if (box.dataset.state === state) return;
  box.dataset.state = state;
  const active = !FINISHED.includes(t.status);
  const children = [];
  if (can('operator')) {
    if (active) {
      children.push(button(t.cancelRequested ? 'Cancel requested' : 'Cancel', () => attempt(async () => {
        await post(path + '/cancel');
        await reload();
      }), { id: 'cancel-task', disabled: t.cancelRequested }));
    }
    if (t.status === 'waiting') {
      const answer = h('textarea', { name: 'message', id: 'respond-message', rows: 2, required: true });
      const form = h('form', { id: 'respond-form', class: 'inline' },
        field('Answer the agent', answer), h('button', { type: 'submit', text: 'Send answer' }));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        attempt(async () => {
          await post(path + '/respond', { message: answer.value });
          await reload();
        });
      });
      children.push(form);
    }
    children.push(button(active ? 'Delete (cancels it)' : 'Delete', () => attempt(async () => {
      if (!window.confirm('Delete this task and its events?')) return;
      await del(path + (active ? '?force=true' : ''));
      go('/tasks');
    }), { id: 'delete-task', class: 'danger' }));
  }
  fill(box, children);
}

/** #/tasks/new?agent=: submits a task to an agent. */
export async function submitTask(main, params) {
  if (!can('operator')) {
    fill(main, h('p', { text: 'Submitting tasks needs the operator role.' }));
    return;
  }
  const agents = await agentNames();
  const form = h('form', { id: 'task-form', class: 'card form' },
    field('Agent', select('agent', agents, { value: params.get('agent') || agents[0], required: true })),
    field('Input', h('textarea', { name: 'input', id: 'f-input', rows: 6, required: true })),
    field('Priority', select('priority', [['normal', 'normal (4)'], ['high', 'high (7)'], ['low', 'low (1)'], ...PRIORITIES.slice(1)])),
    field('Tags', input('tags'), 'comma-separated'),
    h('div', { class: 'row' },
      field('Max iterations', input('maxIterations', { type: 'number', min: 1 })),
      field('Max duration (s)', input('maxDurationSeconds', { type: 'number', min: 1 })),
      field('Token budget', input('tokenBudget', { type: 'number', min: 1 })),
      field('Delay (s)', input('delaySeconds', { type: 'number', min: 0 }))),
    h('button', { type: 'submit', text: 'Submit task' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const v = values(form);
      const body = { input: form.elements.input.value };
      body.priority = /^\d$/.test(v.priority) ? Number(v.priority) : v.priority;
      if (v.tags) body.tags = v.tags.split(',').map((s) => s.trim()).filter(Boolean);
      for (const key of ['maxIterations', 'maxDurationSeconds', 'tokenBudget', 'delaySeconds']) {
        if (v[key] !== undefined) body[key] = Number(v[key]);
      }
      const { data } = await call('POST', '/agents/' + encodeURIComponent(v.agent) + '/tasks', { body });
      go('/tasks/' + encodeURIComponent(data.taskId));
    });
  });
  fill(main, h('h1', { text: 'Submit a task' }), form);
}
