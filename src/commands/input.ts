// Checks of ids typed by the user, shared by every prompt: they run as the user types and again before use.
import vscode = require('vscode');

const MAX_ID_LENGTH = 256;

/** Why `value` cannot be a `name` (AppId, GroupId, UserId), or undefined when it can. */
export function idProblem(value: string, name: string): string | undefined {
  if (value.length === 0) return `${name} is required.`;
  if (value.trim().length === 0) return `${name} cannot be only spaces.`;
  if (value.length > MAX_ID_LENGTH) return `${name} is too long (at most ${MAX_ID_LENGTH} characters).`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${name} cannot contain control characters such as line breaks or tabs.`;
  return undefined;
}

/** For showInputBox's validateInput: blocking problems, and a warning for spaces at either end. */
export function validateIdInput(value: string, name: string): string | vscode.InputBoxValidationMessage | undefined {
  const problem = idProblem(value, name);
  if (problem) return problem;
  if (value !== value.trim()) {
    return { message: `${name} starts or ends with a space: make sure it belongs to the id.`, severity: vscode.InputBoxValidationSeverity.Warning };
  }
  return undefined;
}

/** Asks for an id; undefined when the user cancels. */
export async function askId(name: string, options: vscode.InputBoxOptions = {}): Promise<string | undefined> {
  return vscode.window.showInputBox({ ignoreFocusOut: true, prompt: `The ${name}.`, ...options, validateInput: (value) => validateIdInput(value, name) });
}
