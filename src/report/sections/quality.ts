/** Data-quality notes: issues collected by ingest and the models, imports, unmapped sources. */
import { formatLocation } from '../../issues.js';
import type { Block, Section, Table } from '../spec.js';
import type { BuildContext } from './context.js';

export function qualitySection(ctx: BuildContext): Section {
  const { dataQuality, meta, channels } = ctx.result;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const issues = [...dataQuality.issues].sort((a, b) => order[a.severity] - order[b.severity]);
  const blocks: Block[] = [];
  if (issues.length === 0) blocks.push({ kind: 'text', tone: 'note', text: ctx.tr('quality.none') });
  else {
    const table: Table = {
      id: 'data-quality',
      title: ctx.tr('section.quality'),
      columns: [
        { key: 'severity', label: ctx.tr('quality.severity'), type: 'text' },
        { key: 'where', label: ctx.tr('quality.where'), type: 'text' },
        { key: 'message', label: ctx.tr('quality.message'), type: 'text' },
        { key: 'hint', label: ctx.tr('quality.hint'), type: 'text' },
        { key: 'count', label: ctx.tr('quality.count'), type: 'integer' },
      ],
      rows: issues.map((i) => ({
        severity: ctx.tr(`quality.${i.severity}`),
        where: formatLocation(i.path),
        message: i.value !== undefined ? `${i.message} [${i.value}]` : i.message,
        hint: i.hint ?? '',
        count: i.count ?? null,
      })),
      htmlLimit: 40,
    };
    blocks.push({ kind: 'table', table });
  }
  if (meta.imports.length) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'imports',
        title: ctx.tr('quality.imports'),
        columns: [
          { key: 'file', label: ctx.tr('quality.file'), type: 'text' },
          { key: 'kind', label: ctx.tr('quality.kind'), type: 'text' },
          { key: 'rows', label: ctx.tr('quality.rows'), type: 'integer' },
          { key: 'warnings', label: ctx.tr('quality.warnings'), type: 'integer' },
          { key: 'importedAt', label: ctx.tr('quality.importedAt'), type: 'text' },
        ],
        rows: meta.imports.map((i) => ({ ...i })),
      },
    });
  }
  if (channels.unmapped.length) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'unmapped-sources',
        title: ctx.tr('quality.unmapped'),
        columns: [
          { key: 'field', label: ctx.tr('quality.field'), type: 'text' },
          { key: 'value', label: ctx.tr('quality.value'), type: 'text' },
          { key: 'count', label: ctx.tr('quality.count'), type: 'integer' },
        ],
        rows: channels.unmapped.map((u) => ({ ...u })),
        htmlLimit: 30,
      },
    });
  }
  return { id: 'quality', title: ctx.tr('section.quality'), blocks };
}
