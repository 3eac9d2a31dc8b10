// Slack sends a picked person as `<@U123|jane>`. In an example to copy, that
// reads as markup; people type `@jane` and pick from the list.

/** `<@U123|jane>` → `@jane`; the id when Slack sent no name; anything else as it is. */
export function typedMention(token: string): string {
  const m = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/.exec(token.trim());
  return m ? `@${m[2] || m[1]}` : token;
}
