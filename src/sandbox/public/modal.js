// The modal on top of the person's stack: title, blocks, Close and Submit.
// Submit reads the inputs into view.state.values as Slack does, refuses empty
// required fields as Slack's client does, and shows the app's
// response_action: errors under their fields. An updated view (views.update,
// response_action: update) keeps what was typed in fields with the same ids.
import { h } from './dom.js';
import { isEmptyInput, rawInputs, readInput, renderBlocks } from './blockkit.js';
import { plain } from './mrkdwn.js';

const REQUIRED = 'Please complete this required field.';

/** What Slack's client checks itself before sending: lengths, and numbers in a number input. */
function clientCheck(element, value) {
  const text = value.value;
  if (text === null || text === undefined) return undefined;
  if (element.min_length && text.length < element.min_length) return `Please enter at least ${element.min_length} characters.`;
  if (element.type !== 'number_input') return undefined;
  const number = Number(text.replace(',', '.'));
  if (!/^-?\d+([.,]\d+)?$/.test(text.trim()) || Number.isNaN(number)) return 'Please enter a number.';
  if (!element.is_decimal_allowed && !Number.isInteger(number)) return 'Please enter a whole number.';
  if (element.min_value !== undefined && number < Number(element.min_value)) return `Please enter a number of at least ${element.min_value}.`;
  if (element.max_value !== undefined && number > Number(element.max_value)) return `Please enter a number no more than ${element.max_value}.`;
  return undefined;
}

export class ModalView {
  constructor(root, ui) {
    this.root = root;
    this.ui = ui;
    this.shown = null; // { id, hash }
    this.errors = {};
  }

  values() {
    const values = {};
    for (const blockEl of this.root.querySelectorAll('.modal-body .bk-input-block')) {
      (values[blockEl.dataset.blockId] ??= {})[blockEl.dataset.actionId] = readInput(blockEl);
    }
    return values;
  }

  showErrors(errors) {
    this.errors = errors ?? {};
    for (const blockEl of this.root.querySelectorAll('.modal-body .bk-input-block')) {
      const box = blockEl.querySelector('.bk-error');
      const message = this.errors[blockEl.dataset.blockId];
      box.textContent = message ?? '';
      box.hidden = !message;
      blockEl.classList.toggle('has-error', Boolean(message));
    }
  }

  async submit(view, button) {
    const values = this.values();
    const missing = {};
    for (const blockEl of this.root.querySelectorAll('.modal-body .bk-input-block')) {
      const value = values[blockEl.dataset.blockId]?.[blockEl.dataset.actionId];
      const problem = value && (blockEl.dataset.optional !== 'true' && isEmptyInput(value) ? REQUIRED : clientCheck(JSON.parse(blockEl.dataset.element), value));
      if (problem) missing[blockEl.dataset.blockId] = problem;
    }
    if (Object.keys(missing).length) {
      this.showErrors(missing);
      return;
    }
    button.disabled = true;
    try {
      const result = await this.ui.post('/api/submit', { viewId: view.id, values });
      if (!result.ok) this.ui.toast(result.error);
      this.showErrors(result.errors ?? {});
    } finally {
      button.disabled = false;
    }
  }

  render(snapshot) {
    const view = snapshot.modals.at(-1);
    if (!view) {
      this.root.hidden = true;
      this.root.replaceChildren();
      this.shown = null;
      return;
    }
    if (this.shown && this.shown.id === view.id && this.shown.hash === view.hash) return;
    const previousValues = this.shown?.id === view.id ? rawInputs(this.root) : undefined;
    if (this.shown?.id !== view.id) this.errors = {};
    this.shown = { id: view.id, hash: view.hash };
    const names = { users: snapshot.users, channelNames: snapshot.channelNames };
    const close = () => this.ui.post('/api/close', { viewId: view.id });
    const closeButton = h('button.bk-button', { type: 'button', onclick: close, dataset: { modal: 'close' } });
    closeButton.innerHTML = plain(view.close ?? { text: 'Cancel' });
    const submitButton = view.submit ? h('button.bk-button.primary', { type: 'button', dataset: { modal: 'submit' } }) : null;
    if (submitButton) {
      submitButton.innerHTML = plain(view.submit);
      submitButton.addEventListener('click', () => this.submit(view, submitButton));
    }
    const body = renderBlocks(view.blocks, {
      names,
      errors: this.errors,
      previousValues,
      act: (payload) => this.ui.act({ ...payload, viewId: view.id, values: this.values() }),
    });
    const dialog = h('div.modal', { role: 'dialog', 'aria-modal': 'true', dataset: { viewId: view.id, callbackId: view.callback_id ?? '' } },
      h('div.modal-head', {},
        snapshot.modals.length > 1 ? h('button.modal-x', { type: 'button', title: 'Back', onclick: close }, '←') : null,
        h('div.modal-title', { html: plain(view.title ?? { text: '' }) }),
        h('button.modal-x', { type: 'button', title: 'Close', onclick: close, dataset: { modal: 'x' } }, '×')),
      h('form.modal-body', { onsubmit: (event) => event.preventDefault() }, body),
      h('div.modal-foot', {}, closeButton, submitButton));
    this.root.replaceChildren(dialog);
    this.root.hidden = false;
  }
}
