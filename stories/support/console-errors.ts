/**
 * Runs `action` and returns what it wrote with `console.error`, which still
 * reaches the browser console: that is what a host sees of a bad inventory.
 */
export function captureConsoleErrors(action: () => void): string[] {
  const messages: string[] = [];
  const original = console.error;
  console.error = (...data: unknown[]) => {
    messages.push(data.map(String).join(' '));
    original(...data);
  };
  try {
    action();
  } finally {
    console.error = original;
  }
  return messages;
}
