// Showing text that came from the user or a file, safely.

/**
 * Control characters from the input (a key in an answers file, a pasted value, bytes of a damaged
 * file quoted by JSON.parse) are shown escaped, e.g. \u001b: never sent to the terminal raw.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
