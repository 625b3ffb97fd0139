/// <reference lib="dom" />
// The dashboard's webview: draws what the host sends (src/dashboard/panel.ts) with Observable Plot, as SVG, in the
// colours of the current theme (read from VS Code's CSS variables, and read again when the theme changes). Each
// chart can be shown as a table of the same numbers and saved as PNG or SVG (the host writes the file). Built by
// esbuild into dist/dashboard.js, loaded only when a dashboard opens. Everything shown is text nodes: nothing the
// host sends is parsed as HTML.
import * as Plot from '@observablehq/plot';
import type { Bin } from '../model/dashboard/bins';
import type { ChartName, HostMessage, MembersState, MessagesState, Sample, SamplingState, WebviewMessage } from '../model/dashboard/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('dashboard') as HTMLElement;

let strings: Record<string, string> = {};
let locale = 'en';
let numbers = new Intl.NumberFormat('en');
let state: Extract<HostMessage, { type: 'state' }> | undefined;
/** The charts shown as tables rather than drawings. */
const asTable = new Set<ChartName>();

function t(key: string, ...args: (string | number)[]): string {
  const text = strings[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)] ?? ''));
}

function send(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, onClick: () => void, className = 'button'): HTMLButtonElement {
  const node = element('button', className, label);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

// ---------------------------------------------------------------------------------------------- theme and formats

interface Theme {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  font: string;
  palette: string[];
}

const PALETTE = [
  '--vscode-charts-blue',
  '--vscode-charts-green',
  '--vscode-charts-orange',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
];

function cssVariable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** The theme's colours now: drawings carry them as values, so that a saved SVG or PNG looks as the panel did. */
function theme(): Theme {
  const style = getComputedStyle(document.body);
  const foreground = cssVariable(style, '--vscode-foreground', '#cccccc');
  return {
    foreground,
    muted: cssVariable(style, '--vscode-descriptionForeground', foreground),
    grid: cssVariable(style, '--vscode-editorWidget-border', cssVariable(style, '--vscode-panel-border', '#80808059')),
    background: cssVariable(style, '--vscode-editor-background', '#1e1e1e'),
    font: cssVariable(style, '--vscode-font-family', 'system-ui, sans-serif'),
    palette: PALETTE.map((name, index) => cssVariable(style, name, ['#3794ff', '#89d185', '#d18616', '#b180d7', '#f14c4c', '#cca700'][index])),
  };
}

function formatMoment(date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

// ---------------------------------------------------------------------------------------------- charts

interface Chart {
  name: ChartName;
  title: string;
  note?: string;
  /** The drawing (an SVG element Plot made), or undefined when there is nothing to draw. */
  draw?: (width: number, colors: Theme) => SVGSVGElement | HTMLElement;
  table: { columns: string[]; rows: (string | number)[][] };
  /** Extra controls under the title (Load all, Pause…). */
  controls?: HTMLElement[];
  /** Rows of the table a user can act on (a sender). */
  onRow?: (row: (string | number)[]) => void;
}

function plotOptions(width: number, colors: Theme, yLabel: string, height = 200, yMax?: number): Plot.PlotOptions {
  return {
    width,
    height,
    marginLeft: 52,
    style: { background: 'transparent', color: colors.foreground, fontFamily: colors.font, fontSize: '11px', overflow: 'visible' },
    y: { grid: true, label: yLabel, tickFormat: (value: number) => numbers.format(value), ...(yMax !== undefined ? { ticks: countTicks(yMax, height) } : {}) },
  };
}

/** A time axis whose ticks fit the width, each labelled as finely as the ticks are apart (a day, a minute, a second). */
function timeAxis(width: number, spanMs: number): Plot.ScaleOptions {
  // No two ticks closer than the finest label tells apart (a second).
  const ticks = Math.max(1, Math.min(Math.floor(width / 110), Math.floor(spanMs / 1000)));
  const apart = spanMs / ticks;
  const format: Intl.DateTimeFormatOptions =
    apart >= 86_400_000
      ? { dateStyle: 'short' }
      : spanMs >= 86_400_000
        ? { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }
        : apart >= 60_000
          ? { hour: '2-digit', minute: '2-digit' }
          : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
  if (apart < 60_000 && spanMs >= 60_000 * ticks) format.second = undefined;
  const formatter = new Intl.DateTimeFormat(locale, format);
  return { type: 'time', label: null, ticks, tickFormat: (date: Date) => formatter.format(date) };
}

/** A count axis: whole numbers only, as many ticks as fit. */
function countTicks(max: number, room: number): number {
  return Math.max(1, Math.min(Math.ceil(max), Math.floor(room / 60)));
}

function spanOf(dates: Date[]): number {
  return dates.length > 1 ? dates[dates.length - 1].getTime() - dates[0].getTime() : 0;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A key of the colours in the drawing itself (so that a saved SVG or PNG has it too), in its top margin. */
function withLegend<T extends Element>(figure: T, entries: { label: string; color: string }[], colors: Theme): T {
  const legend = document.createElementNS(SVG_NS, 'g');
  legend.setAttribute('aria-label', 'legend');
  let x = 52;
  for (const entry of entries) {
    const swatch = document.createElementNS(SVG_NS, 'rect');
    for (const [name, value] of Object.entries({ x: x, y: 4, width: 10, height: 10, fill: entry.color })) swatch.setAttribute(name, String(value));
    const text = document.createElementNS(SVG_NS, 'text');
    for (const [name, value] of Object.entries({ x: x + 14, y: 13, fill: colors.foreground, 'text-anchor': 'start' })) text.setAttribute(name, String(value));
    text.textContent = entry.label;
    legend.append(swatch, text);
    x += 24 + entry.label.length * 7;
  }
  figure.appendChild(legend);
  return figure;
}

/** Plot's own stylesheet is inline, which the Content-Security-Policy refuses: the panel's stylesheet has what is needed. */
function withoutInlineStyle<T extends Element>(figure: T): T {
  for (const style of figure.querySelectorAll('style')) style.remove();
  return figure;
}

function membersCharts(members: MembersState): Chart[] {
  const bins = members.bins;
  const dates = bins.map((bin: Bin) => ({ date: new Date(bin.start * 1000), count: bin.count, cumulative: bin.cumulative }));
  const span = spanOf(dates.map((entry) => entry.date));
  const interval = members.interval ? t(`interval_${members.interval}`) : '';
  const controls: HTMLElement[] = [];
  const progress = element('p', 'note');
  if (!members.available) progress.textContent = t('membersUnavailable');
  else if (members.loaded === 0) progress.textContent = t('membersNone');
  else if (members.complete) progress.textContent = t('membersAll', numbers.format(members.loaded));
  else progress.textContent = t('membersFrom', numbers.format(members.loaded), members.total !== undefined ? numbers.format(members.total) : '?');
  controls.push(progress);
  if (members.available && members.loading) {
    const line = element('p', 'loading');
    line.setAttribute('role', 'status');
    line.textContent =
      members.total !== undefined
        ? t('loading', numbers.format(members.loaded), numbers.format(members.total))
        : t('loadingNoTotal', numbers.format(members.loaded));
    controls.push(
      line,
      button(t('cancel'), () => send({ type: 'cancelLoad' })),
    );
  } else if (members.available && !members.complete) {
    controls.push(button(t('loadAll'), () => send({ type: 'loadAll' }), 'button primary'));
  }
  const curve: Chart = {
    name: 'members',
    title: t('membersTitle'),
    controls,
    draw:
      members.available && dates.length > 0
        ? (width, colors) =>
            Plot.plot({
              ...plotOptions(width, colors, t('cumulative')),
              x: timeAxis(width, span),
              marks: [
                Plot.areaY(dates, { x: 'date', y: 'cumulative', fill: colors.palette[0], fillOpacity: 0.18, curve: 'step-after' }),
                Plot.lineY(dates, { x: 'date', y: 'cumulative', stroke: colors.palette[0], strokeWidth: 2, curve: 'step-after', className: 'members-line' }),
                Plot.ruleY([0], { stroke: colors.grid }),
              ],
            })
        : undefined,
    table: {
      columns: [t('time'), t('cumulative')],
      rows: dates.map((entry) => [formatMoment(entry.date), entry.cumulative]),
    },
  };
  const joins: Chart = {
    name: 'joins',
    title: t('joinsTitle', interval),
    draw:
      members.available && dates.length > 0
        ? (width, colors) =>
            Plot.plot({
              ...plotOptions(width, colors, t('joins'), 140, Math.max(...dates.map((entry) => entry.count))),
              x: timeAxis(width, span),
              marks: [
                Plot.rectY(dates, {
                  x1: 'date',
                  x2: (entry: { date: Date }) => new Date(entry.date.getTime() + intervalMs(members)),
                  y: 'count',
                  fill: colors.palette[1],
                  inset: 0.5,
                  ariaLabel: t('joins'),
                }),
                Plot.ruleY([0], { stroke: colors.grid }),
              ],
            })
        : undefined,
    table: { columns: [t('time'), t('joins')], rows: dates.map((entry) => [formatMoment(entry.date), entry.count]) },
  };
  return members.available ? [curve, joins] : [curve];
}

const INTERVAL_SECONDS: Record<string, number> = {
  minute: 60,
  '5 minutes': 300,
  '15 minutes': 900,
  hour: 3600,
  '6 hours': 21_600,
  day: 86_400,
  week: 604_800,
  month: 2_592_000,
};

function intervalMs(members: MembersState): number {
  return (INTERVAL_SECONDS[members.interval ?? 'minute'] ?? 60) * 1000;
}

function activityChart(sampling: SamplingState): Chart {
  const samples = sampling.samples;
  const live = samples.some((sample: Sample) => sample.online !== undefined);
  const series = samples.flatMap((sample) => {
    const date = new Date(sample.time);
    const points: { date: Date; series: string; value: number }[] = [];
    if (sample.online !== undefined) points.push({ date, series: t('online'), value: sample.online });
    if (sample.members !== undefined) points.push({ date, series: t('members'), value: sample.members });
    return points;
  });
  const status = element(
    'p',
    'note',
    sampling.paused ? t('samplingPaused') : t('sampling', sampling.everySeconds, sampling.action, `${numbers.format(Math.round(sampling.share * 1000) / 10)}%`),
  );
  status.setAttribute('role', 'status');
  const controls: HTMLElement[] = [status];
  if (sampling.error) controls.push(element('p', 'error', t('samplingFailed', sampling.error)));
  controls.push(button(sampling.paused ? t('resume') : t('pause'), () => send({ type: sampling.paused ? 'resumeSampling' : 'pauseSampling' })));
  const last = samples.at(-1);
  if (last?.messages !== undefined)
    controls.push(element('p', 'note', `${t('messagesSent')}: ${numbers.format(last.messages)} · TotalTimes: ${numbers.format(last.totalTimes ?? 0)}`));
  return {
    name: 'activity',
    title: live ? t('activityTitle') : t('activityTitleLegacy'),
    controls,
    note: samples.length === 0 ? t('noSamples') : undefined,
    draw:
      series.length > 0
        ? (width, colors) =>
            Plot.plot({
              ...plotOptions(width, colors, live ? t('online') : t('members'), 160),
              x: timeAxis(width, spanOf(series.map((point) => point.date))),
              marks: [
                Plot.lineY(series, {
                  x: 'date',
                  y: 'value',
                  stroke: colors.palette[live ? 2 : 0],
                  strokeWidth: 2,
                  marker: series.length < 40 ? 'dot' : undefined,
                }),
              ],
            })
        : undefined,
    table: {
      columns: [t('time'), live ? t('online') : t('members'), t('messagesSent')],
      rows: samples.map((sample) => [formatMoment(new Date(sample.time)), sample.online ?? sample.members ?? '', sample.messages ?? '']),
    },
  };
}

/** The most messages of one minute, all types together (the stacked bar's height). */
function maxPerMinute(perMinute: { date: Date; count: number }[]): number {
  const totals = new Map<number, number>();
  for (const entry of perMinute) totals.set(entry.date.getTime(), (totals.get(entry.date.getTime()) ?? 0) + entry.count);
  return Math.max(1, ...totals.values());
}

function messageCharts(messages: MessagesState): Chart[] {
  const stats = messages.stats;
  const controls: HTMLElement[] = [];
  if (messages.loading) controls.push(element('p', 'loading', t('messagesLoading')));
  else if (messages.error) controls.push(element('p', 'error', messages.error));
  else if (stats) controls.push(element('p', 'note', t(messages.more ? 'messagesMore' : 'messagesRead', numbers.format(messages.read), messages.action)));
  if (stats && !stats.timed && stats.total > 0) controls.push(element('p', 'note', t('messagesUntimed', messages.action)));
  controls.push(button(t('readAgain'), () => send({ type: 'refreshMessages' })));
  const types = stats?.byType.map((entry) => String(entry.type)) ?? [];
  const perMinute = (stats?.perMinute ?? []).map((entry) => ({ date: new Date(entry.minute * 1000), type: String(entry.type), count: entry.count }));
  const timed = stats?.timed ?? false;
  const volume: Chart = {
    name: 'messages',
    title: timed ? t('messagesTitle') : t('messagesByType'),
    controls,
    note: stats && stats.total === 0 ? t('messagesNone') : undefined,
    draw:
      stats && stats.total > 0
        ? (width, colors) =>
            timed
              ? withLegend(
                  Plot.plot({
                    ...plotOptions(width, colors, t('count'), 170, maxPerMinute(perMinute)),
                    marginTop: 34,
                    x: timeAxis(width, spanOf(perMinute.map((entry) => entry.date)) + 60_000),
                    color: { domain: types, range: colors.palette },
                    marks: [
                      Plot.rectY(
                        perMinute,
                        Plot.stackY({
                          x1: 'date',
                          x2: (entry: { date: Date }) => new Date(entry.date.getTime() + 60_000),
                          y: 'count',
                          fill: 'type',
                          inset: 0.5,
                        }),
                      ),
                      Plot.ruleY([0], { stroke: colors.grid }),
                    ],
                  }),
                  types.map((type, index) => ({ label: `${t('type')} ${type}`, color: colors.palette[index % colors.palette.length] })),
                  colors,
                )
              : Plot.plot({
                  ...plotOptions(width, colors, t('count'), 160, Math.max(...stats.byType.map((entry) => entry.count))),
                  x: { type: 'band', label: t('type') },
                  marks: [
                    Plot.barY(stats.byType, { x: (entry: { type: number }) => String(entry.type), y: 'count', fill: colors.palette[0] }),
                    Plot.ruleY([0], { stroke: colors.grid }),
                  ],
                })
        : undefined,
    table: timed
      ? { columns: [t('minute'), t('type'), t('count')], rows: perMinute.map((entry) => [formatMoment(entry.date), entry.type, entry.count]) }
      : { columns: [t('type'), t('count')], rows: (stats?.byType ?? []).map((entry) => [entry.type, entry.count]) },
  };
  const senders = stats?.topSenders ?? [];
  const top: Chart = {
    name: 'senders',
    title: t('sendersTitle'),
    note: senders.length ? t('sendersHint') : undefined,
    draw:
      senders.length > 0
        ? (width, colors) => {
            const figure = Plot.plot({
              ...plotOptions(width, colors, '', Math.max(80, senders.length * 22 + 30)),
              marginLeft: Math.min(160, Math.max(60, width / 3)),
              y: { type: 'band', domain: senders.map((entry) => entry.sender), label: null },
              x: { grid: true, label: t('count'), ticks: countTicks(senders[0].count, width), tickFormat: (value: number) => numbers.format(value) },
              marks: [Plot.barX(senders, { y: 'sender', x: 'count', fill: colors.palette[3] }), Plot.ruleX([0], { stroke: colors.grid })],
            });
            // A sender's bar reveals that member in the tree.
            figure.querySelectorAll('g[aria-label="bar"] rect').forEach((bar, index) => {
              bar.classList.add('clickable');
              bar.addEventListener('click', () => send({ type: 'revealSender', sender: senders[index].sender }));
            });
            return figure;
          }
        : undefined,
    table: { columns: [t('sender'), t('count')], rows: senders.map((entry) => [entry.sender, entry.count]) },
    onRow: (row) => send({ type: 'revealSender', sender: String(row[0]) }),
  };
  return [volume, top];
}

// ---------------------------------------------------------------------------------------------- rendering

function table(chart: Chart): HTMLTableElement {
  const node = element('table', 'data');
  node.setAttribute('aria-label', chart.title);
  const head = node.createTHead().insertRow();
  for (const column of chart.table.columns) head.appendChild(element('th', undefined, column)).setAttribute('scope', 'col');
  const body = node.createTBody();
  for (const row of chart.table.rows) {
    const tr = body.insertRow();
    row.forEach((cell, index) => {
      const td = tr.insertCell();
      if (index === 0 && chart.onRow) {
        td.appendChild(button(String(cell), () => chart.onRow?.(row), 'link'));
      } else {
        td.textContent = typeof cell === 'number' ? numbers.format(cell) : cell;
      }
      if (typeof cell === 'number') td.className = 'number';
    });
  }
  return node;
}

/** The chart's SVG as a standalone file: its colours are values already; the font and background are added. */
function svgText(svg: SVGSVGElement, colors: Theme): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.background = colors.background;
  return new XMLSerializer().serializeToString(copy);
}

async function pngDataUrl(svg: SVGSVGElement, colors: Theme): Promise<string> {
  const text = svgText(svg, colors);
  const scale = 2;
  const width = svg.width.baseVal.value || svg.clientWidth;
  const height = svg.height.baseVal.value || svg.clientHeight;
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = colors.background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

function section(chart: Chart, width: number, colors: Theme): HTMLElement {
  const node = element('section', `chart chart-${chart.name}`);
  node.dataset.chart = chart.name;
  const header = element('div', 'chart-header');
  header.appendChild(element('h2', undefined, chart.title));
  const tools = element('div', 'tools');
  const showTable = asTable.has(chart.name) || !chart.draw;
  let figure: SVGSVGElement | HTMLElement | undefined;
  if (chart.draw) {
    tools.appendChild(
      button(showTable ? t('chart') : t('table'), () => {
        if (asTable.has(chart.name)) asTable.delete(chart.name);
        else asTable.add(chart.name);
        render();
      }),
    );
    if (!showTable) {
      figure = withoutInlineStyle(chart.draw(width, colors));
      const svg = figure instanceof SVGSVGElement ? figure : figure.querySelector('svg');
      if (svg) {
        tools.appendChild(button(t('saveSvg'), () => send({ type: 'save', chart: chart.name, format: 'svg', data: svgText(svg, theme()) })));
        tools.appendChild(
          button(t('savePng'), () => {
            void pngDataUrl(svg, theme()).then((data) => send({ type: 'save', chart: chart.name, format: 'png', data }));
          }),
        );
      }
    }
  }
  header.appendChild(tools);
  node.appendChild(header);
  for (const control of chart.controls ?? []) node.appendChild(control);
  if (chart.note) node.appendChild(element('p', 'note', chart.note));
  if (figure) node.appendChild(element('div', 'figure')).appendChild(figure);
  if (showTable && chart.table.rows.length > 0) node.appendChild(element('div', 'table-wrap')).appendChild(table(chart));
  return node;
}

/** What each part of the panel was last drawn from: a part whose state did not change is kept as it is. */
const drawn = new Map<string, { key: string; nodes: HTMLElement[] }>();

function part(name: string, slice: unknown, common: string, build: () => HTMLElement[]): HTMLElement[] {
  const key = `${common}|${JSON.stringify(slice)}`;
  const last = drawn.get(name);
  if (last?.key === key) return last.nodes;
  const nodes = build();
  drawn.set(name, { key, nodes });
  return nodes;
}

function render(): void {
  if (!state) return;
  const current = state;
  const colors = theme();
  const width = Math.max(240, Math.floor(root.clientWidth || document.body.clientWidth) - 8);
  const common = JSON.stringify([width, colors, [...asTable].sort(), locale]);
  const header = part('header', current.header, common, () => {
    const list = element('dl', 'header');
    for (const field of current.header) {
      list.appendChild(element('dt', undefined, field.label));
      list.appendChild(element('dd', undefined, field.value));
    }
    return [list];
  });
  const sections = (charts: Chart[]) => charts.map((chart) => section(chart, width, colors));
  const members = part('members', current.members, common, () => sections(membersCharts(current.members)));
  const activity = part('activity', current.sampling, common, () => sections([activityChart(current.sampling)]));
  const messages = part('messages', current.messages, common, () => sections(messageCharts(current.messages)));
  const scroll = { x: window.scrollX, y: window.scrollY };
  root.replaceChildren(...header, ...members, ...activity, ...messages);
  window.scrollTo(scroll.x, scroll.y);
  root.setAttribute('aria-busy', 'false');
  root.dataset.rendered = String(Number(root.dataset.rendered ?? 0) + 1);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      strings = message.strings;
      locale = message.locale;
      numbers = new Intl.NumberFormat(locale);
      document.title = message.title;
      break;
    case 'state':
      state = message;
      render();
      break;
    case 'saved': {
      const note = element('p', 'saved', t('saved', message.file));
      note.setAttribute('role', 'status');
      root.querySelector(`section[data-chart="${message.chart}"] .chart-header`)?.after(note);
      break;
    }
  }
});

// A new theme changes VS Code's CSS variables and the body's class: draw again in its colours.
const themeObserver = new MutationObserver(() => render());
themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
// A narrower or wider panel: draw again at its width (only when the width changed: drawing changes the height).
let drawnWidth = 0;
new ResizeObserver(() => {
  const width = document.body.clientWidth;
  if (width !== drawnWidth) {
    drawnWidth = width;
    render();
  }
}).observe(document.body);

send({ type: 'ready' });
