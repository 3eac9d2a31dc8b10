// The emoji names the bot uses and people react with, as characters; any other
// :name: stays as text, as Slack shows an emoji it does not know.
export const EMOJI = {
  raising_hand: '🙋', white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', warning: '⚠️', tada: '🎉',
  thread: '🧵', hourglass: '⌛', hourglass_flowing_sand: '⏳', telephone_receiver: '📞', telephone: '☎️', phone: '📱',
  sunny: '☀️', scales: '⚖️', no_entry_sign: '🚫', no_entry: '⛔', memo: '📝', heavy_minus_sign: '➖', fast_forward: '⏩',
  calendar: '📆', date: '📅', spiral_calendar_pad: '🗓️', '+1': '👍', thumbsup: '👍', '-1': '👎', thumbsdown: '👎',
  eyes: '👀', heart: '❤️', moneybag: '💰', money_with_wings: '💸', email: '📧', envelope: '✉️', page_facing_up: '📄',
  bell: '🔔', rotating_light: '🚨', red_circle: '🔴', large_yellow_circle: '🟡', large_green_circle: '🟢',
  large_orange_circle: '🟠', white_circle: '⚪', chart_with_upwards_trend: '📈', chart_with_downwards_trend: '📉',
  handshake: '🤝', pushpin: '📌', mag: '🔍', lock: '🔒', clock1: '🕐', alarm_clock: '⏰', wave: '👋', pray: '🙏',
  slightly_smiling_face: '🙂', smile: '😄', house: '🏠', inbox_tray: '📥', outbox_tray: '📤', bust_in_silhouette: '👤',
  busts_in_silhouette: '👥', zap: '⚡', fire: '🔥', question: '❓', exclamation: '❗', arrow_right: '➡️', repeat: '🔁',
};

/** What the reaction picker offers: the claim reaction first. */
export const PICKER = ['raising_hand', 'white_check_mark', 'eyes', '+1', 'tada', 'telephone_receiver', 'memo', 'x'];

export function emojiChar(name) {
  return EMOJI[name] ?? `:${name}:`;
}
