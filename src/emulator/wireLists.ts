// List parameters as the official SDKs send them: comma-joined (`MuteUserList=a,b`, the current SDKs' "simple"
// style) or flattened (`MuteUserList.1=a&MuteUserList.2=b`, the older Python SDK and pop-core's flatParams).
// Both families read their lists through here.
import { ApiFailure } from './errors';

/**
 * The items of list `name`, or undefined when it was not sent. An empty comma-joined value is an empty list; both
 * encodings at once, a gap in the numbering (Key.1, Key.3) or an empty flattened item are refused with `code`.
 */
export function readWireList(params: ReadonlyMap<string, string>, name: string, code: 'InvalidParameter' | 'InputInvalid'): string[] | undefined {
  const joined = params.get(name);
  const flattened: string[] = [];
  const numbered = new Map<number, string>();
  const prefix = `${name}.`;
  for (const [key, value] of params) {
    if (!key.startsWith(prefix)) continue;
    const position = key.slice(prefix.length);
    if (!/^[1-9][0-9]{0,4}$/.test(position)) throw new ApiFailure(code, `The parameter "${key}" is not valid: a list item is ${name}.1, ${name}.2, ...`);
    numbered.set(Number(position), value);
  }
  if (joined !== undefined && numbered.size > 0) {
    throw new ApiFailure(code, `The parameter "${name}" is given both as one value and as ${name}.1, ${name}.2, ...`);
  }
  if (joined !== undefined) return joined === '' ? [] : joined.split(',');
  if (numbered.size === 0) return undefined;
  for (let position = 1; position <= numbered.size; position++) {
    const value = numbered.get(position);
    if (value === undefined)
      throw new ApiFailure(code, `The parameter "${name}.${position}" is missing: the items of ${name} are numbered from 1 without gaps.`);
    if (value === '') throw new ApiFailure(code, `The parameter "${name}.${position}" is empty.`);
    flattened.push(value);
  }
  return flattened;
}
