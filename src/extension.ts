import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // The explorer tree and commands are registered here once the service layer is in place.
}

export function deactivate(): void {}
