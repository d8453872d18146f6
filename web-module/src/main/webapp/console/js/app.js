// The console's shell: sign-in, who is signed in, the menu, and a router over the URL's #fragment.
import { auth, get, Problem } from './api.js';
import { button, field, fill, h } from './dom.js';
import { overview } from './pages/overview.js';
import { taskList, taskPage, submitTask } from './pages/tasks.js';
import { agentList, agentForm, providerList, providerForm } from './pages/agents.js';
import { scheduleList, scheduleForm, schedulePage } from './pages/schedules.js';
import { scheduleCalendar } from './pages/calendar.js';
import { usagePage } from './pages/usage.js';
import { keysPage } from './pages/keys.js';
import { sessionList, sessionPage } from './pages/sessions.js';

const RANK = { viewer: 1, operator: 2, admin: 3 };

const routes = [
  [/^\/overview$/, overview],
  [/^\/tasks$/, taskList],
  [/^\/tasks\/new$/, submitTask],
  [/^\/tasks\/([^/]+)$/, taskPage],
  [/^\/agents$/, agentList],
  [/^\/agents\/new$/, agentForm],
  [/^\/agents\/([^/]+)$/, agentForm],
  [/^\/providers$/, providerList],
  [/^\/providers\/new$/, providerForm],
  [/^\/schedules$/, scheduleList],
  [/^\/schedules\/new$/, scheduleForm],
  [/^\/schedules\/calendar$/, scheduleCalendar],
  [/^\/schedules\/([^/]+)\/edit$/, scheduleForm],
  [/^\/schedules\/([^/]+)$/, schedulePage],
  [/^\/sessions$/, sessionList],
  [/^\/sessions\/([^/]+)$/, sessionPage],
  [/^\/usage$/, usagePage],
  [/^\/keys$/, keysPage],
];

const main = document.getElementById('main');
const flashBox = document.getElementById('flash');
let me = null;
let cleanup = null;

/** What the signed-in caller may do: can('operator') is true for operators and admins. */
export function can(role) {
  const held = Math.max(0, ...(me?.roles || []).map((r) => RANK[r] || 0));
  return held >= RANK[role];
}

/** Shows an error as the problem's title and detail (or a message), until the next page. */
export function flash(error) {
  if (!error) {
    flashBox.replaceChildren();
    return;
  }
  const title = error instanceof Problem ? error.title : 'Error';
  const detail = error instanceof Problem ? error.detail : error.message || String(error);
  fill(flashBox, h('div', { class: 'problem' },
    h('strong', { class: 'problem-title', text: title }), ' ',
    h('span', { class: 'problem-detail', text: detail }),
    error.code ? h('code', { class: 'problem-code', text: error.code }) : null,
    button('Dismiss', () => flash(null), { class: 'link' })));
}

/** Runs an action, showing a failure; returns its result or undefined. */
export async function attempt(action) {
  try {
    flash(null);
    return await action();
  } catch (e) {
    flash(e);
    return undefined;
  }
}

/** Goes to a console route, e.g. go('/tasks/abc'). */
export function go(path) {
  if (location.hash === '#' + path) render();
  else location.hash = '#' + path;
}

async function render() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  flash(null);
  if (!me) return;
  const [path, queryString] = (location.hash.slice(1) || '/overview').split('?');
  const params = new URLSearchParams(queryString || '');
  for (const a of document.querySelectorAll('#nav a')) {
    a.toggleAttribute('aria-current', a.getAttribute('href') === '#' + path.match(/^\/[^/]*/)?.[0]);
  }
  for (const [pattern, page] of routes) {
    const match = path.match(pattern);
    if (match) {
      fill(main, h('p', { text: 'Loading…' }));
      try {
        cleanup = (await page(main, params, ...match.slice(1).map(decodeURIComponent))) || null;
      } catch (e) {
        fill(main);
        flash(e);
      }
      return;
    }
  }
  fill(main, h('h1', { text: 'Not found' }), h('p', { text: 'There is no console page ' + path + '.' }));
}

async function signIn(fromForm) {
  try {
    me = await get('/me');
  } catch (e) {
    me = null;
    if (e instanceof Problem && e.status === 401) {
      auth.token = null;
      await showSignIn();
      if (fromForm) flash(e);
      return;
    }
    flash(e);
    return;
  }
  const role = (me.roles || []).join(', ') || 'no role';
  fill(document.getElementById('who'),
    h('span', { id: 'who-name', text: me.name || me.subject }), ' ',
    h('span', { id: 'who-role', class: 'badge', text: role }), ' ',
    h('span', { class: 'muted', text: 'via ' + me.authenticatedBy }), ' ',
    button('Sign out', signOut, { id: 'sign-out' }));
  const nav = document.getElementById('nav');
  for (const a of nav.querySelectorAll('[data-role]')) a.hidden = !can(a.dataset.role);
  nav.hidden = false;
  render();
}

async function showSignIn() {
  document.getElementById('nav').hidden = true;
  fill(document.getElementById('who'));
  let oidc = false;
  try {
    oidc = (await (await fetch('/console/settings.json')).json()).oidc;
  } catch (e) {
    oidc = false;
  }
  const token = h('input', { type: 'password', name: 'token', id: 'sign-in-token', autocomplete: 'off', required: true });
  const form = h('form', { id: 'sign-in', class: 'card' },
    h('h1', { text: 'Sign in' }),
    oidc ? h('p', {}, h('a', { class: 'button', id: 'sso', href: '/auth/login?return=%2Fconsole%2F', text: 'Sign in with single sign-on' })) : null,
    h('p', { text: (oidc ? 'Or paste' : 'Paste') + ' an API key or the admin token. It is kept in this tab only (session storage) and sent as a bearer token.' }),
    field('API key or admin token', token),
    h('button', { type: 'submit', text: 'Sign in' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    auth.token = token.value.trim();
    signIn(true);
  });
  fill(main, form);
  token.focus();
}

async function signOut() {
  const hadToken = auth.token !== null;
  auth.token = null;
  me = null;
  if (!hadToken) {
    // the OpenID Connect session: ending it is a form post to /auth/logout
    const form = h('form', { method: 'post', action: '/auth/logout' });
    document.body.append(form);
    form.submit();
    return;
  }
  if (cleanup) cleanup();
  showSignIn();
}

window.addEventListener('hashchange', render);
signIn();
