// The message box: Enter sends (Shift+Enter for a new line). A line starting
// with "/" is a slash command; the server refuses one typed in a thread with
// Slack's own words, as Slack does.
import { h } from './dom.js';

export function composer({ placeholder, disabled, onSend, hint }) {
  const box = h('textarea.composer-input', { rows: 1, placeholder, 'aria-label': placeholder, ...(disabled ? { disabled: true } : {}) });
  const send = async () => {
    const line = box.value.trim();
    if (!line) return;
    box.value = '';
    box.disabled = true;
    try {
      await onSend(line);
    } finally {
      box.disabled = Boolean(disabled);
      box.focus();
    }
  };
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  });
  return h('div.composer', {},
    h('div.composer-box', {}, box, h('button.composer-send', { type: 'button', title: 'Send', onclick: send, ...(disabled ? { disabled: true } : {}) }, '➤')),
    hint ? h('div.composer-hint', {}, hint) : null);
}
