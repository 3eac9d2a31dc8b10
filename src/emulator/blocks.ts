// Block Kit limits that Slack enforces on the server, reported the way Slack
// reports them: `invalid_blocks` (messages) or `invalid_arguments` (views) with
// one "<problem> [json-pointer:/path]" line per error.

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface BlockLimits {
  maxBlocks: number;
  /** Input blocks are meant for modals; messages refuse them. */
  allowInput: boolean;
}

export const MESSAGE_LIMITS: BlockLimits = { maxBlocks: 50, allowInput: false };
export const VIEW_LIMITS: BlockLimits = { maxBlocks: 100, allowInput: true };

export function validateBlocks(blocks: unknown[], limits: BlockLimits, pointer = '/blocks'): string[] {
  const errors: string[] = [];
  const fail = (problem: string, path: string) => errors.push(`${problem} [json-pointer:${path}]`);
  if (blocks.length > limits.maxBlocks) fail(`must be less than ${limits.maxBlocks + 1} items`, pointer);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const path = `${pointer}/${index}`;
    if (!isObj(block) || typeof block.type !== 'string') {
      fail('missing required field: type', path);
      return;
    }
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > 255) fail('must be less than 256 characters', `${path}/block_id`);
      if (blockIds.has(block.block_id)) fail(`duplicate block_id: ${block.block_id}`, `${path}/block_id`);
      blockIds.add(block.block_id);
    }
    validateBlock(block, path, limits, fail);
  });
  return errors;
}

type Fail = (problem: string, path: string) => void;

function textObject(value: unknown, path: string, max: number, fail: Fail, plainOnly = false): void {
  if (!isObj(value) || typeof value.text !== 'string' || (value.type !== 'plain_text' && value.type !== 'mrkdwn')) {
    fail('must provide an object with type plain_text or mrkdwn and a text', path);
    return;
  }
  if (plainOnly && value.type !== 'plain_text') fail('must be a plain_text text object', `${path}/type`);
  if (value.text.length > max) fail(`must be less than ${max + 1} characters`, `${path}/text`);
  if (value.text.length === 0) fail('must be more than 0 characters', `${path}/text`);
}

function validateBlock(block: Obj, path: string, limits: BlockLimits, fail: Fail): void {
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) fail('must provide text or fields', path);
      if (block.text !== undefined) textObject(block.text, `${path}/text`, 3000, fail);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) fail('must be an array', `${path}/fields`);
        else {
          if (block.fields.length > 10) fail('must be less than 11 items', `${path}/fields`);
          block.fields.forEach((field, i) => textObject(field, `${path}/fields/${i}`, 2000, fail));
        }
      }
      if (block.accessory !== undefined) validateElements([block.accessory], `${path}/accessory`, fail, true);
      return;
    }
    case 'header':
      textObject(block.text, `${path}/text`, 150, fail, true);
      return;
    case 'actions':
      if (!Array.isArray(block.elements) || block.elements.length === 0) fail('must provide elements', `${path}/elements`);
      else {
        if (block.elements.length > 25) fail('must be less than 26 items', `${path}/elements`);
        validateElements(block.elements, `${path}/elements`, fail);
      }
      return;
    case 'context':
      if (!Array.isArray(block.elements) || block.elements.length === 0) fail('must provide elements', `${path}/elements`);
      else {
        if (block.elements.length > 10) fail('must be less than 11 items', `${path}/elements`);
        block.elements.forEach((element, i) => {
          if (isObj(element) && element.type !== 'image') textObject(element, `${path}/elements/${i}`, 3000, fail);
        });
      }
      return;
    case 'input':
      if (!limits.allowInput) fail('input blocks are not allowed here', path);
      textObject(block.label, `${path}/label`, 2000, fail, true);
      if (!isObj(block.element)) fail('must provide an element', `${path}/element`);
      else validateElements([block.element], `${path}/element`, fail, true);
      return;
    case 'markdown':
      if (typeof block.text !== 'string' || block.text.length > 12000) fail('must be a string of at most 12000 characters', `${path}/text`);
      return;
    default:
      return;
  }
}

function validateElements(elements: unknown[], path: string, fail: Fail, single = false): void {
  const actionIds = new Set<string>();
  elements.forEach((element, i) => {
    const at = single ? path : `${path}/${i}`;
    if (!isObj(element) || typeof element.type !== 'string') {
      fail('missing required field: type', at);
      return;
    }
    if (typeof element.action_id === 'string') {
      if (element.action_id.length > 255) fail('must be less than 256 characters', `${at}/action_id`);
      if (actionIds.has(element.action_id)) fail(`duplicate action_id: ${element.action_id}`, `${at}/action_id`);
      actionIds.add(element.action_id);
    }
    if (element.type === 'button') {
      textObject(element.text, `${at}/text`, 75, fail, true);
      if (typeof element.value === 'string' && element.value.length > 2000) fail('must be less than 2001 characters', `${at}/value`);
      if (typeof element.url === 'string' && element.url.length > 3000) fail('must be less than 3001 characters', `${at}/url`);
    }
    if (element.placeholder !== undefined) textObject(element.placeholder, `${at}/placeholder`, 150, fail, true);
    if (Array.isArray(element.options)) {
      if (element.options.length > 100) fail('must be less than 101 items', `${at}/options`);
      element.options.forEach((option, j) => {
        textObject(isObj(option) ? option.text : undefined, `${at}/options/${j}/text`, 75, fail);
        if (isObj(option) && typeof option.value === 'string' && option.value.length > 150) fail('must be less than 151 characters', `${at}/options/${j}/value`);
      });
    }
    if (element.type === 'plain_text_input' && typeof element.max_length === 'number' && element.max_length > 3000) {
      fail('must be less than 3001', `${at}/max_length`);
    }
  });
}
