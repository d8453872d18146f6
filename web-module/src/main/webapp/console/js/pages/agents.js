// Agents (list, create, edit with the ETag so a stale edit is refused, pause/resume) and providers
// (list with models and prices, create). API keys of providers are write-only: never shown.
import { call, get, post, Problem } from '../api.js';
import { attempt, can, flash, go } from '../app.js';
import { button, field, fill, h, input, link, select, table, values, when } from '../dom.js';

export async function agentList(main) {
  const agents = await get('/agents');
  const reload = () => go('/agents');
  fill(main,
    h('div', { class: 'title-row' }, h('h1', { text: 'Agents' }),
      can('operator') ? link('#/agents/new', 'New agent', { class: 'button', id: 'new-agent' }) : null,
      can('admin') ? button('Reload packages', () => attempt(async () => {
        const result = await post('/agents/reload');
        flash(new Problem(200, { title: 'Packages reloaded', detail: `added ${result.added.length}, changed ${result.changed.length}, removed ${result.removed.length}, errors ${result.errors.length}` }));
      }), { id: 'reload-agents' }) : null),
    table([
      { label: 'Name', cell: (a) => link('#/agents/' + encodeURIComponent(a.name), a.name) },
      { label: 'Provider · model', cell: (a) => a.provider + ' · ' + a.model },
      { label: 'Tools', cell: (a) => (a.tools || []).join(', ') },
      { label: 'State', cell: (a) => h('span', { class: 'agent-state', text: a.paused ? 'paused' : a.enabled ? 'enabled' : 'disabled' }) },
      { label: 'Updated', cell: (a) => when(a.updatedAt) },
      {
        label: 'Actions',
        cell: (a) => h('span', { class: 'actions' },
          can('operator') ? button(a.paused ? 'Resume' : 'Pause', () => attempt(async () => {
            await post('/agents/' + encodeURIComponent(a.name) + (a.paused ? '/resume' : '/pause'));
            reload();
          }), { 'aria-label': (a.paused ? 'Resume ' : 'Pause ') + a.name }) : null,
          can('operator') ? link('#/tasks/new?agent=' + encodeURIComponent(a.name), 'Submit task') : null,
          button('Export', () => attempt(() => exportPackage(a.name)), { 'aria-label': 'Export ' + a.name })),
      },
    ], agents, { id: 'agent-table', empty: 'No agents yet.' }));
}

async function exportPackage(name) {
  const { response } = await call('GET', '/agents/' + encodeURIComponent(name) + '/package', { headers: { Accept: 'application/zip' } });
  const url = URL.createObjectURL(await response.blob());
  const a = h('a', { href: url, download: name + '.zip' });
  document.body.append(a);
  a.click();
  a.remove();
}

const EDITABLE = ['description', 'systemPrompt', 'provider', 'model', 'temperature', 'maxOutputTokens', 'tools',
  'limits', 'enabled', 'peers', 'payload', 'toolSettings', 'skills'];

/** #/agents/new or #/agents/{name}: the form; an edit sends If-Match with the ETag it read. */
export async function agentForm(main, params, name) {
  const providers = (await get('/providers')).map((p) => p.name);
  let agent = { tools: [], limits: {} };
  let etag = null;
  if (name) {
    const read = await call('GET', '/agents/' + encodeURIComponent(name));
    agent = read.data;
    etag = read.etag;
  }
  const editable = can('operator');
  const limits = agent.limits || {};
  const form = h('form', { id: 'agent-form', class: 'card form' },
    field('Name', input('name', { value: agent.name || '', required: true, readonly: Boolean(name)})),
    field('Description', input('description', { value: agent.description || '' })),
    field('System prompt', h('textarea', { name: 'systemPrompt', id: 'f-systemPrompt', rows: 6, required: true }, agent.systemPrompt || '')),
    h('div', { class: 'row' },
      field('Provider', select('provider', providers, { value: agent.provider || providers[0], required: true })),
      field('Model', input('model', { value: agent.model || '', required: true }))),
    field('Tools', input('tools', { value: (agent.tools || []).join(', ') }), 'comma-separated tool names'),
    h('div', { class: 'row' },
      field('Max iterations', input('maxIterations', { type: 'number', min: 1, value: limits.maxIterations ?? '' })),
      field('Max duration (s)', input('maxDurationSeconds', { type: 'number', min: 1, value: limits.maxDurationSeconds ?? '' })),
      field('Token budget', input('tokenBudget', { type: 'number', min: 1, value: limits.tokenBudget ?? '' }))),
    editable ? h('button', { type: 'submit', id: 'save-agent', text: name ? 'Save changes' : 'Create agent' }) : null);
  if (!editable) {
    for (const control of form.elements) control.disabled = true;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const v = values(form);
      const body = Object.fromEntries(EDITABLE.filter((k) => agent[k] !== undefined && agent[k] !== null).map((k) => [k, agent[k]]));
      if (body.payload) delete body.payload;
      Object.assign(body, {
        description: v.description, systemPrompt: form.elements.systemPrompt.value,
        provider: v.provider, model: v.model,
        tools: (v.tools || '').split(',').map((s) => s.trim()).filter(Boolean),
        limits: {
          maxIterations: v.maxIterations && Number(v.maxIterations),
          maxDurationSeconds: v.maxDurationSeconds && Number(v.maxDurationSeconds),
          tokenBudget: v.tokenBudget && Number(v.tokenBudget),
        },
      });
      if (!name) {
        body.name = v.name;
        await call('POST', '/agents', { body });
        go('/agents/' + encodeURIComponent(v.name));
        return;
      }
      try {
        const saved = await call('PUT', '/agents/' + encodeURIComponent(name), { body, headers: { 'If-Match': etag } });
        etag = saved.etag;
        agent = saved.data;
        flash(new Problem(200, { title: 'Saved', detail: 'The agent was updated.' }));
      } catch (e) {
        if (e instanceof Problem && e.status === 412) {
          throw new Problem(412, { title: e.title, code: e.code, detail: 'Someone changed this agent after you opened it, so your edit was not saved. Reload the page to see their version, then make your change again. (' + e.detail + ')' });
        }
        throw e;
      }
    });
  });
  fill(main, h('h1', { text: name ? 'Agent ' + name : 'New agent' }),
    name ? h('p', {}, link('#/tasks?agent=' + encodeURIComponent(name), 'Its tasks'), ' · ', h('span', { class: 'muted', id: 'agent-etag', text: 'version ' + (etag || '') })) : null,
    form);
}

export async function providerList(main) {
  const providers = await get('/providers');
  fill(main,
    h('div', { class: 'title-row' }, h('h1', { text: 'Providers' }),
      can('admin') ? link('#/providers/new', 'New provider', { class: 'button', id: 'new-provider' }) : null),
    table([
      { label: 'Name', cell: (p) => p.name },
      { label: 'Kind', cell: (p) => p.kind },
      { label: 'Base URL', cell: (p) => p.baseUrl || '' },
      { label: 'API key', cell: (p) => (p.apiKeySet ? 'set' : 'none') },
      {
        label: 'Models and prices (USD per million tokens in / out)',
        cell: (p) => h('ul', { class: 'plain' }, Object.entries(p.prices || {}).map(([model, price]) =>
          h('li', { text: `${model}: ${price.inputPerMillion} / ${price.outputPerMillion}` }))),
      },
    ], providers, { id: 'provider-table', empty: 'No providers yet.' }));
}

/** #/providers/new (admin): kind, base URL, a write-only API key, prices and scripted turns as JSON. */
export async function providerForm(main) {
  const form = h('form', { id: 'provider-form', class: 'card form' },
    field('Name', input('name', { required: true })),
    field('Kind', select('kind', ['openai', 'ollama', 'anthropic', 'scripted'])),
    field('Base URL', input('baseUrl', { type: 'url' })),
    field('API key', input('apiKey', { type: 'password', autocomplete: 'off' }), 'stored encrypted; never shown again'),
    field('Prices (JSON)', h('textarea', { name: 'prices', id: 'f-prices', rows: 3 }, '{"model-name": {"inputPerMillion": 0.1, "outputPerMillion": 0.4}}')),
    field('Scripted turns (JSON, scripted kind only)', h('textarea', { name: 'scriptedTurns', id: 'f-scriptedTurns', rows: 3 })),
    h('button', { type: 'submit', text: 'Create provider' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const v = values(form);
      const body = { name: v.name, kind: v.kind };
      if (v.baseUrl) body.baseUrl = v.baseUrl;
      if (v.apiKey) body.apiKey = v.apiKey;
      for (const key of ['prices', 'scriptedTurns']) {
        if (!v[key]) continue;
        try {
          body[key] = JSON.parse(v[key]);
        } catch (e) {
          throw new Problem(400, { title: 'Not JSON', detail: `${key}: ${e.message}` });
        }
      }
      await post('/providers', body);
      go('/providers');
    });
  });
  fill(main, h('h1', { text: 'New provider' }), form);
}
