// API keys (admin): issue one (its token is shown once, with a copy button), list, revoke.
import { del, get, post } from '../api.js';
import { attempt, can, go } from '../app.js';
import { button, field, fill, h, input, select, table, when } from '../dom.js';

export async function keysPage(main) {
  if (!can('admin')) {
    fill(main, h('h1', { text: 'API keys' }), h('p', { text: 'Managing API keys needs the admin role.' }));
    return;
  }
  const keys = await get('/api-keys');
  const issued = h('div', { id: 'issued-key', 'aria-live': 'polite' });
  const form = h('form', { id: 'key-form', class: 'filters' },
    field('Name', input('name', { required: true })),
    field('Role', select('role', ['viewer', 'operator', 'admin'])),
    h('button', { type: 'submit', text: 'Issue key' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const key = await post('/api-keys', { name: form.elements.name.value.trim(), role: form.elements.role.value });
      await keysPage(main);
      showToken(main.querySelector('#issued-key'), key);
    });
  });
  fill(main, h('h1', { text: 'API keys' }), form, issued,
    table([
      { label: 'Name', cell: (k) => k.name },
      { label: 'Role', cell: (k) => k.role },
      { label: 'Prefix', cell: (k) => h('code', { text: k.prefix }) },
      { label: 'Created', cell: (k) => when(k.createdAt) },
      { label: 'State', cell: (k) => (k.revoked ? 'revoked ' + when(k.revokedAt) : 'active') },
      {
        label: 'Actions',
        cell: (k) => (k.revoked ? '' : button('Revoke', () => attempt(async () => {
          if (!window.confirm('Revoke the key ' + k.name + '? Callers using it are refused at once.')) return;
          await del('/api-keys/' + encodeURIComponent(k.id));
          go('/keys');
        }), { class: 'danger', 'aria-label': 'Revoke ' + k.name })),
      },
    ], keys, { id: 'key-table', empty: 'No API keys yet.' }));
}

function showToken(box, key) {
  const token = h('input', { id: 'issued-token', readonly: true, value: key.token, size: 60, 'aria-label': 'The new key' });
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  fill(box, h('div', { class: 'card notice' },
    h('p', {}, h('strong', { text: 'Key ' + key.name + ' issued. ' }), 'Copy its token now: it is not shown again.'),
    token, ' ',
    button('Copy', async () => {
      token.select();
      try {
        await navigator.clipboard.writeText(key.token);
        status.textContent = 'Copied.';
      } catch (e) {
        status.textContent = document.execCommand('copy') ? 'Copied.' : 'Select the text and copy it.';
      }
    }, { id: 'copy-token' }), ' ', status));
}
