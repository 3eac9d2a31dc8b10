/* global document -- a browser module */
// A button's `confirm` object: Slack asks before it sends the action.
import { h } from './dom.js';
import { plain, textHtml } from './mrkdwn.js';

/** Resolves true on Confirm, false on Cancel, Escape or a click outside. */
export function confirmDialog(confirm, names) {
  return new Promise((resolve) => {
    const done = (answer) => {
      overlay.remove();
      document.removeEventListener('keydown', onKey);
      resolve(answer);
    };
    const onKey = (event) => { if (event.key === 'Escape') done(false); };
    const yes = h(`button.bk-button.${confirm.style === 'danger' ? 'danger' : 'primary'}`, { type: 'button', onclick: () => done(true), dataset: { confirm: 'yes' } });
    yes.innerHTML = plain(confirm.confirm ?? { text: 'Yes' });
    const no = h('button.bk-button', { type: 'button', onclick: () => done(false), dataset: { confirm: 'no' } });
    no.innerHTML = plain(confirm.deny ?? { text: 'Cancel' });
    const dialog = h('div.confirm-dialog', { role: 'alertdialog', 'aria-modal': 'true' },
      h('div.confirm-title', { html: plain(confirm.title ?? { text: 'Are you sure?' }) }),
      h('div.confirm-text', { html: textHtml(confirm.text, names) }),
      h('div.confirm-buttons', {}, no, yes));
    const overlay = h('div.overlay.confirm-overlay', { onclick: (event) => { if (event.target === overlay) done(false); } }, dialog);
    document.addEventListener('keydown', onKey);
    document.body.append(overlay);
    yes.focus();
  });
}
