/* global window -- a browser module */
// Block Kit as Slack's client draws it: layout blocks for messages, modals and
// the Home tab, and the interactive elements in them. An element that acts
// calls ctx.act(payload); inputs in modals keep their state in the DOM, read
// back by modal.js (readInputs).
import { append, h } from './dom.js';
import { confirmDialog } from './confirm.js';
import { mrkdwn, plain, textHtml } from './mrkdwn.js';
import { richText } from './rich-text.js';

const textEl = (tag, object, names) => h(tag, { html: textHtml(object, names) });

function optionLabel(option) {
  return option?.text?.text ?? option?.value ?? '';
}

/** Options of a select, flat, whether or not they come in groups. */
function optionsOf(element) {
  if (Array.isArray(element.options)) return element.options;
  if (Array.isArray(element.option_groups)) return element.option_groups.flatMap((g) => g.options ?? []);
  return [];
}

/** Runs the action, after the element's confirm dialog if it has one. */
async function fire(element, blockId, ctx, extra = {}) {
  if (element.confirm && !(await confirmDialog(element.confirm, ctx.names))) return;
  ctx.act({ type: element.type, actionId: element.action_id, blockId, ...extra });
}

function button(element, blockId, ctx) {
  const style = element.style === 'primary' ? '.primary' : element.style === 'danger' ? '.danger' : '';
  const el = h(`button.bk-button${style}`, {
    type: 'button',
    dataset: { actionId: element.action_id ?? '' },
    onclick: async () => {
      if (element.url) window.open(element.url, '_blank', 'noopener');
      el.disabled = true;
      try {
        await fire(element, blockId, ctx, element.value !== undefined ? { value: element.value } : {});
      } finally {
        el.disabled = false;
      }
    },
  });
  el.innerHTML = plain(element.text);
  return el;
}

function selectEl(element, options, placeholder, initial) {
  const select = h('select.bk-select', { dataset: { actionId: element.action_id ?? '' } },
    h('option', { value: '' }, placeholder || 'Select an item'));
  options.forEach((option, i) => select.append(h('option', { value: String(i) }, optionLabel(option))));
  const index = initial === undefined ? -1 : options.findIndex((o) => o.value === initial);
  if (index >= 0) select.value = String(index);
  return select;
}

function staticSelect(element, blockId, ctx) {
  const options = optionsOf(element);
  const select = selectEl(element, options, element.placeholder?.text, element.initial_option?.value);
  select.addEventListener('change', () => {
    const option = options[Number(select.value)];
    if (option) void fire(element, blockId, ctx, { selectedOption: option });
  });
  return select;
}

/** Users, conversations and channels menus pick from the workspace's people (and channels). */
function peopleOptions(element, ctx) {
  if (element.type.startsWith('users') || element.type.startsWith('conversations')) {
    const users = Object.entries(ctx.names.users ?? {}).filter(([, u]) => !u.isBot).map(([id, u]) => ({ value: id, text: { type: 'plain_text', text: u.realName || u.name } }));
    if (element.type.startsWith('users')) return users;
    return [...users, ...Object.entries(ctx.names.channelNames ?? {}).map(([id, name]) => ({ value: id, text: { type: 'plain_text', text: `#${name}` } }))];
  }
  return Object.entries(ctx.names.channelNames ?? {}).map(([id, name]) => ({ value: id, text: { type: 'plain_text', text: `#${name}` } }));
}

function pickerSelect(element, blockId, ctx) {
  const options = peopleOptions(element, ctx);
  const initial = element.initial_user ?? element.initial_conversation ?? element.initial_channel;
  const select = selectEl(element, options, element.placeholder?.text, initial);
  select.addEventListener('change', () => {
    const option = options[Number(select.value)];
    if (!option) return;
    void fire(element, blockId, ctx, { selectedUser: option.value });
  });
  return select;
}

function overflow(element, blockId, ctx) {
  const menu = h('div.bk-overflow-menu', { hidden: true, role: 'menu' });
  for (const option of element.options ?? []) {
    menu.append(h('button.bk-overflow-item', {
      type: 'button',
      role: 'menuitem',
      onclick: () => {
        menu.hidden = true;
        if (option.url) window.open(option.url, '_blank', 'noopener');
        void fire(element, blockId, ctx, { selectedOption: option });
      },
    }, optionLabel(option)));
  }
  const toggle = h('button.bk-overflow', {
    type: 'button', title: 'More actions', 'aria-haspopup': 'menu', dataset: { actionId: element.action_id ?? '' },
    onclick: () => { menu.hidden = !menu.hidden; },
  }, '⋮');
  return h('span.bk-overflow-wrap', {}, toggle, menu);
}

function datepicker(element, blockId, ctx) {
  const input = h('input.bk-date', { type: 'date', dataset: { actionId: element.action_id ?? '' }, value: element.initial_date ?? '' });
  input.addEventListener('change', () => {
    if (input.value) void fire(element, blockId, ctx, { selectedDate: input.value });
  });
  return input;
}

function image(element, className = 'bk-image') {
  const url = element.image_url ?? '';
  if (!/^(https?:|\/|data:image\/)/i.test(url)) return h('span.bk-alt', {}, `[${element.alt_text ?? 'image'}]`);
  return h(`img.${className}`, { src: url, alt: element.alt_text ?? '', title: element.title?.text ?? element.alt_text ?? '', loading: 'lazy' });
}

/** An interactive element outside an input block: it acts at once. */
export function element(el, blockId, ctx) {
  switch (el?.type) {
    case 'button': case 'workflow_button': return button(el, blockId, ctx);
    case 'static_select': case 'external_select': return staticSelect(el, blockId, ctx);
    case 'users_select': case 'conversations_select': case 'channels_select': return pickerSelect(el, blockId, ctx);
    case 'overflow': return overflow(el, blockId, ctx);
    case 'datepicker': return datepicker(el, blockId, ctx);
    case 'image': return image(el, 'bk-accessory-image');
    case 'plain_text': case 'mrkdwn': return textEl('span', el, ctx.names);
    default: return h('span.bk-unsupported', {}, `[${el?.type ?? 'element'}]`);
  }
}

// --- Inputs (modals): state lives in the DOM until submission -------------------

function inputControl(el, ctx, previous) {
  const id = `in-${Math.random().toString(36).slice(2)}`;
  const keep = (fallback) => (previous !== undefined ? previous : fallback);
  switch (el.type) {
    case 'plain_text_input': case 'email_text_input': case 'url_text_input': case 'number_input': {
      const multiline = el.type === 'plain_text_input' && el.multiline;
      const attrs = {
        id, placeholder: el.placeholder?.text ?? '',
        value: keep(el.initial_value ?? ''),
        ...(el.max_length ? { maxlength: el.max_length } : {}),
        type: el.type === 'email_text_input' ? 'email' : el.type === 'url_text_input' ? 'url' : 'text',
        ...(el.type === 'number_input' ? { inputmode: el.is_decimal_allowed ? 'decimal' : 'numeric' } : {}),
      };
      const control = multiline ? h('textarea.bk-input', { ...attrs, rows: 4 }) : h('input.bk-input', attrs);
      if (multiline) control.value = keep(el.initial_value ?? '');
      return control;
    }
    case 'static_select': case 'external_select': {
      const options = optionsOf(el);
      const select = selectEl(el, options, el.placeholder?.text, keep(el.initial_option?.value));
      select.id = id;
      select._options = options;
      return select;
    }
    case 'multi_static_select': case 'checkboxes': {
      const chosen = new Set(previous ?? (el.initial_options ?? []).map((o) => o.value));
      return h(`div.bk-choices${el.type === 'checkboxes' ? '' : '.multi'}`, { id },
        (el.options ?? []).map((o) => h('label.bk-choice', {},
          h('input', { type: 'checkbox', value: o.value, ...(chosen.has(o.value) ? { checked: true } : {}), dataset: { option: JSON.stringify(o) } }),
          h('span', { html: textHtml(o.text, ctx.names) }),
          o.description ? h('span.bk-choice-hint', { html: textHtml(o.description, ctx.names) }) : null)));
    }
    case 'radio_buttons': {
      const chosen = keep(el.initial_option?.value);
      return h('div.bk-choices', { id },
        (el.options ?? []).map((o) => h('label.bk-choice', {},
          h('input', { type: 'radio', name: id, value: o.value, ...(chosen === o.value ? { checked: true } : {}), dataset: { option: JSON.stringify(o) } }),
          h('span', { html: textHtml(o.text, ctx.names) }),
          o.description ? h('span.bk-choice-hint', { html: textHtml(o.description, ctx.names) }) : null)));
    }
    case 'datepicker':
      return h('input.bk-input.bk-date', { id, type: 'date', value: keep(el.initial_date ?? '') });
    case 'timepicker':
      return h('input.bk-input', { id, type: 'time', value: keep(el.initial_time ?? '') });
    case 'users_select': case 'conversations_select': case 'channels_select': {
      const options = peopleOptions(el, ctx);
      const select = selectEl(el, options, el.placeholder?.text, keep(el.initial_user ?? el.initial_conversation ?? el.initial_channel));
      select.id = id;
      select._options = options;
      return select;
    }
    default:
      return h('span.bk-unsupported', { id }, `[${el.type} input]`);
  }
}

function inputBlock(block, ctx) {
  const el = block.element ?? {};
  const blockId = block.block_id;
  const previous = ctx.previousValues?.[blockId]?.[el.action_id];
  const control = inputControl(el, ctx, previous);
  const error = ctx.errors?.[blockId];
  const label = h('label.bk-label', { for: control.id },
    h('span', { html: plain(block.label) }),
    block.optional ? h('span.bk-optional', {}, ' (optional)') : null);
  return h('div.bk-block.bk-input-block', {
    dataset: { blockId, actionId: el.action_id ?? '', type: el.type ?? '', optional: block.optional ? 'true' : 'false', element: JSON.stringify(el) },
  },
  label,
  control,
  block.hint ? h('div.bk-hint', { html: plain(block.hint) }) : null,
  h('div.bk-error', { role: 'alert', hidden: !error }, error ?? ''));
}

/** What a person has entered in an input block, as Slack puts it in view.state.values. */
export function readInput(blockEl) {
  const type = blockEl.dataset.type;
  const el = JSON.parse(blockEl.dataset.element || '{}');
  const control = blockEl.querySelector('input, textarea, select, .bk-choices');
  switch (type) {
    case 'plain_text_input': case 'email_text_input': case 'url_text_input': case 'number_input':
      return { type, value: control.value === '' ? null : control.value };
    case 'static_select': case 'external_select': {
      const option = control._options?.[Number(control.value)];
      return { type, selected_option: control.value === '' || !option ? null : option };
    }
    case 'users_select': case 'conversations_select': case 'channels_select': {
      const option = control._options?.[Number(control.value)];
      const key = type === 'users_select' ? 'selected_user' : type === 'channels_select' ? 'selected_channel' : 'selected_conversation';
      return { type, [key]: option ? option.value : null };
    }
    case 'multi_static_select': case 'checkboxes':
      return { type, selected_options: [...blockEl.querySelectorAll('input:checked')].map((i) => JSON.parse(i.dataset.option)) };
    case 'radio_buttons': {
      const checked = blockEl.querySelector('input:checked');
      return { type, selected_option: checked ? JSON.parse(checked.dataset.option) : null };
    }
    case 'datepicker':
      return { type, selected_date: control.value || null };
    case 'timepicker':
      return { type, selected_time: control.value || null };
    default:
      return { type: el.type ?? type };
  }
}

/** Whether an input holds anything: Slack's client refuses to submit an empty required one. */
export function isEmptyInput(value) {
  return [value.value, value.selected_option, value.selected_date, value.selected_time, value.selected_user,
    value.selected_channel, value.selected_conversation].every((v) => v === null || v === undefined)
    && !(value.selected_options?.length);
}

/** The old values of a view's inputs, so an updated view keeps what was typed (as Slack does for the same ids). */
export function rawInputs(root) {
  const out = {};
  for (const blockEl of root.querySelectorAll('.bk-input-block')) {
    const { blockId, actionId, type } = blockEl.dataset;
    const control = blockEl.querySelector('input, textarea, select');
    let raw;
    if (type === 'checkboxes' || type === 'multi_static_select') raw = [...blockEl.querySelectorAll('input:checked')].map((i) => i.value);
    else if (type === 'radio_buttons') raw = blockEl.querySelector('input:checked')?.value;
    else if (control?.tagName === 'SELECT') raw = control._options?.[Number(control.value)]?.value;
    else raw = control?.value;
    (out[blockId] ??= {})[actionId] = raw;
  }
  return out;
}

// --- Layout blocks ------------------------------------------------------------

function section(block, ctx) {
  const blockId = block.block_id;
  const body = h('div.bk-section-body', {},
    block.text ? textEl('div.bk-text', block.text, ctx.names) : null,
    Array.isArray(block.fields) && block.fields.length
      ? h('div.bk-fields', {}, block.fields.map((f) => textEl('div.bk-field', f, ctx.names)))
      : null);
  return h('div.bk-block.bk-section', { dataset: { blockId: blockId ?? '' } },
    body,
    block.accessory ? h('div.bk-accessory', {}, element(block.accessory, blockId, ctx)) : null);
}

function context(block, ctx) {
  return h('div.bk-block.bk-context', {},
    (block.elements ?? []).map((e) => (e.type === 'image' ? image(e, 'bk-context-image') : textEl('span.bk-context-text', e, ctx.names))));
}

function actions(block, ctx) {
  return h('div.bk-block.bk-actions', { dataset: { blockId: block.block_id ?? '' } },
    (block.elements ?? []).map((e) => element(e, block.block_id, ctx)));
}

function imageBlock(block) {
  return h('div.bk-block.bk-image-block', {},
    block.title ? h('div.bk-image-title', { html: plain(block.title) }) : null,
    image(block));
}

export function block(b, ctx) {
  switch (b?.type) {
    case 'section': return section(b, ctx);
    case 'divider': return h('hr.bk-block.bk-divider');
    case 'header': return h('div.bk-block.bk-header', { html: plain(b.text) });
    case 'context': return context(b, ctx);
    case 'actions': return actions(b, ctx);
    case 'image': return imageBlock(b);
    case 'input': return inputBlock(b, ctx);
    case 'rich_text': return h('div.bk-block.bk-rich-text', {}, richText(b, ctx.names));
    case 'markdown': return h('div.bk-block.bk-text', { html: mrkdwn(b.text ?? '', ctx.names) });
    default: return h('div.bk-block.bk-unsupported', {}, `[unsupported block: ${b?.type ?? '?'}]`);
  }
}

/**
 * Blocks → elements. ctx: { names: {users, channelNames}, act(payload),
 * errors?: {block_id: message}, previousValues?: rawInputs(...) }.
 */
export function renderBlocks(blocks, ctx) {
  // Slack gives a block without block_id one of its own; inputs need it to report state.
  const list = (blocks ?? []).map((b, i) => (b?.type === 'input' && b.block_id === undefined ? { ...b, block_id: `b${i}` } : b));
  return append(h('div.bk-blocks'), list.map((b) => block(b, ctx)));
}
