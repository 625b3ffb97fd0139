// "Copy as code": a ready snippet that makes the same call a tree node made, in TypeScript (pop-core),
// Python (aliyun-python-sdk-core) or the aliyun CLI. Credentials are always read from the environment,
// never written into the snippet.
import { ACTION_INFO, API_VERSION, type ActionName, type HttpMethod } from './api/types';

export type SnippetLanguage = 'typescript' | 'python' | 'shell';

export interface SnippetRequest {
  action: string;
  params: Record<string, string | number>;
  endpoint: string;
  /** Adds the STS token variable. */
  sts: boolean;
}

export const SNIPPET_LANGUAGES: { language: SnippetLanguage; label: string; detail: string }[] = [
  { language: 'typescript', label: 'TypeScript', detail: '@alicloud/pop-core RPCClient' },
  { language: 'python', label: 'Python', detail: 'aliyun-python-sdk-core CommonRequest' },
  { language: 'shell', label: 'aliyun CLI', detail: 'aliyun live <Action>' },
];

/** The action's own method (LiveMessage: POST, ListLiveMessageGroupByPage: GET); POST for legacy actions, as the extension sends them. */
function methodOf(action: string): HttpMethod {
  return (Object.prototype.hasOwnProperty.call(ACTION_INFO, action) ? ACTION_INFO[action as ActionName].method : undefined) ?? 'POST';
}

export function buildSnippet(language: SnippetLanguage, request: SnippetRequest): string {
  switch (language) {
    case 'typescript':
      return typescriptSnippet(request);
    case 'python':
      return pythonSnippet(request);
    case 'shell':
      return cliSnippet(request);
  }
}

function typescriptSnippet({ action, params, endpoint, sts }: SnippetRequest): string {
  const lines = [
    "import RPCClient from '@alicloud/pop-core/lib/rpc';",
    '',
    'const client = new RPCClient({',
    `  endpoint: ${JSON.stringify(endpoint)},`,
    `  apiVersion: ${JSON.stringify(API_VERSION)},`,
    '  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID!,',
    '  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET!,',
    ...(sts ? ['  securityToken: process.env.ALIBABA_CLOUD_SECURITY_TOKEN,'] : []),
    '});',
    '',
    `const response = await client.request(${JSON.stringify(action)}, {`,
    ...Object.entries(params).map(([key, value]) => `  ${key}: ${JSON.stringify(value)},`),
    `}, { method: '${methodOf(action)}' });`,
    'console.log(JSON.stringify(response, null, 2));',
  ];
  return lines.join('\n') + '\n';
}

function pythonSnippet({ action, params, endpoint, sts }: SnippetRequest): string {
  const url = new URL(endpoint);
  const lines = [
    'import json',
    'import os',
    '',
    'from aliyunsdkcore.client import AcsClient',
    'from aliyunsdkcore.request import CommonRequest',
    ...(sts ? ['from aliyunsdkcore.auth.credentials import StsTokenCredential'] : []),
    '',
    ...(sts
      ? [
          'credential = StsTokenCredential(',
          "    os.environ['ALIBABA_CLOUD_ACCESS_KEY_ID'],",
          "    os.environ['ALIBABA_CLOUD_ACCESS_KEY_SECRET'],",
          "    os.environ['ALIBABA_CLOUD_SECURITY_TOKEN'],",
          ')',
          "client = AcsClient(region_id='cn-shanghai', credential=credential)",
        ]
      : [
          'client = AcsClient(',
          "    os.environ['ALIBABA_CLOUD_ACCESS_KEY_ID'],",
          "    os.environ['ALIBABA_CLOUD_ACCESS_KEY_SECRET'],",
          "    'cn-shanghai',",
          ')',
        ]),
    '',
    'request = CommonRequest()',
    `request.set_domain(${JSON.stringify(url.host)})`,
    `request.set_version(${JSON.stringify(API_VERSION)})`,
    `request.set_action_name(${JSON.stringify(action)})`,
    `request.set_method('${methodOf(action)}')`,
    `request.set_protocol_type(${JSON.stringify(url.protocol.replace(':', ''))})`,
    ...Object.entries(params).map(([key, value]) => `request.add_query_param(${JSON.stringify(key)}, ${JSON.stringify(String(value))})`),
    '',
    'response = client.do_action_with_exception(request)',
    'print(json.dumps(json.loads(response), indent=2, ensure_ascii=False))',
  ];
  return lines.join('\n') + '\n';
}

function cliSnippet({ action, params, endpoint, sts }: SnippetRequest): string {
  const url = new URL(endpoint);
  const flags = Object.entries(params).map(([key, value]) => `  --${key} ${shellQuote(String(value))}`);
  const lines = [
    '# Credentials come from your aliyun CLI profile or from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET' +
      (sts ? ' / ALIBABA_CLOUD_SECURITY_TOKEN' : '') +
      '.',
    `aliyun live ${action} \\`,
    ...flags.map((flag) => `${flag} \\`),
    `  --endpoint ${shellQuote(url.host)}`,
  ];
  return lines.join('\n') + '\n';
}

/** POSIX single quoting: safe for any id, including quotes, spaces, $ and newlines. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.:/@+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
