// Block Kit's limits (SLACK-NOTES.md) in one place. Slack refuses a whole message
// or modal when one text is too long (`invalid_blocks`), so every text is cut
// here (with `cut`: an ellipsis) before it leaves: the builders cut what they
// build, and `fitReply` cuts whatever a reply holds on its way out.
import type { Block, KnownBlock, MrkdwnElement, PlainTextElement } from '@slack/types';
import { firstControl, stripControlsToOneLine } from '../../domain/control-characters.ts';
import { cut } from '../../i18n/format.ts';
import type { Reply } from '../command.ts';

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  placeholder: 150,
  optionText: 75,
  /** Slack truncates a message's `text` at 40,000 and advises 4,000: past that it is not read anyway. */
  messageText: 4000,
} as const;

/** Data inside is escaped already; `verbatim` also stops Slack linking bare URLs and names in it. */
export const mrkdwnText = (text: string, max: number = LIMITS.sectionText): MrkdwnElement =>
  ({ type: 'mrkdwn', text: cut(text, max), verbatim: true });

/** Shown as is, so nothing in it may act: control and direction-override characters go (the header's customer name is raw data). */
export const plainText = (text: string, max: number): PlainTextElement => ({ type: 'plain_text', text: cut(stripControlsToOneLine(text), max) });

export const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwnText(text) });

export const header = (text: string): KnownBlock => ({ type: 'header', text: plainText(text, LIMITS.headerText) });

export const context = (texts: string[]): KnownBlock =>
  ({ type: 'context', elements: texts.slice(0, LIMITS.contextElements).map((text) => mrkdwnText(text, LIMITS.contextText)) });

export function fieldsSection(fields: string[]): KnownBlock {
  return { type: 'section', fields: fields.slice(0, LIMITS.fields).map((text) => mrkdwnText(text, LIMITS.fieldText)) };
}

export interface ButtonSpec {
  actionId: string;
  text: string;
  value: string;
  style?: 'primary' | 'danger';
}

export const button = (b: ButtonSpec) => ({
  type: 'button' as const,
  action_id: b.actionId,
  text: plainText(b.text, LIMITS.buttonText),
  value: b.value.slice(0, LIMITS.buttonValue),
  ...(b.style ? { style: b.style } : {}),
});

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null;

function fitText(value: unknown, max: number): unknown {
  if (!isObj(value) || typeof value.text !== 'string') return value;
  // Every reply passes here on its way out: the test spares clean texts the two passes of the strip.
  const text = value.type === 'plain_text' && firstControl(value.text) !== undefined ? stripControlsToOneLine(value.text) : value.text;
  return { ...value, text: cut(text, max) };
}

const fitButton = (element: unknown): unknown =>
  (isObj(element) && element.type === 'button' ? { ...element, text: fitText(element.text, LIMITS.buttonText) } : element);

function fitBlock(block: Obj): Obj {
  switch (block.type) {
    case 'section': {
      const out: Obj = { ...block };
      if (block.text !== undefined) out.text = fitText(block.text, LIMITS.sectionText);
      if (Array.isArray(block.fields)) out.fields = block.fields.slice(0, LIMITS.fields).map((f) => fitText(f, LIMITS.fieldText));
      if (block.accessory !== undefined) out.accessory = fitButton(block.accessory);
      return out;
    }
    case 'header':
      return { ...block, text: fitText(block.text, LIMITS.headerText) };
    case 'context':
      return Array.isArray(block.elements)
        ? { ...block, elements: block.elements.slice(0, LIMITS.contextElements).map((e) => fitText(e, LIMITS.contextText)) }
        : block;
    case 'actions':
      return Array.isArray(block.elements)
        ? { ...block, elements: block.elements.slice(0, LIMITS.actionsElements).map(fitButton) }
        : block;
    default:
      return block;
  }
}

/** The blocks within Slack's limits: long texts cut, extra blocks, fields and elements dropped. */
export function fitBlocks<B extends KnownBlock | Block>(blocks: B[], maxBlocks: number = LIMITS.blocksPerMessage): B[] {
  return blocks.slice(0, maxBlocks).map((b) => fitBlock(b as unknown as Obj) as unknown as B);
}

/** A reply that Slack will accept whatever the data: the one exit every command and button reply goes through. */
export function fitReply<R extends Reply>(reply: R): R {
  return { ...reply, text: cut(reply.text, LIMITS.messageText), ...(reply.blocks ? { blocks: fitBlocks(reply.blocks) } : {}) };
}
