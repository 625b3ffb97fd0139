// The part of vscode.Memento (globalState, workspaceState) the stores of the model use: plain Node can give one too.
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}
