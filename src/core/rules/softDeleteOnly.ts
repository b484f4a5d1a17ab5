import { entityKeyOf } from '../disposition/evidence/entityIndex';
import { showsPurge } from '../disposition/evidence/collect';
import { evidenceLocations, groupBy } from './locations';
import type { AssessedField, Diagnostic, Rule } from './model';

/** `pi/soft-delete-only`: the entity's PI is only ever flagged as deleted, never purged. */
export const softDeleteOnly: Rule = {
  meta: {
    id: 'pi/soft-delete-only',
    defaultSeverity: 'warning',
    anchor: 'pi-soft-delete-only',
    title: { en: 'PI is only soft-deleted', zh: '个人信息仅逻辑删除' },
    doc: {
      en: 'Reports an entity whose personal information the code only soft-deletes — a flag such as `deleted`, `is_deleted`, `deleted_at` or `del_flag`, an ORM soft-delete mode (`paranoid: true`, `@TableLogic`, `gorm.DeletedAt`, `@SQLDelete`) or a `softDelete()` call — while nothing purges it: no TTL index, no scheduled purge job, no `DELETE`/`TRUNCATE` or hard ORM delete naming the entity, and no cascade from a purged parent. A row marked deleted still holds the PI, so it is not deletion under PIPL Art. 47. Reported once per entity, on its first PI field that has no disposition or a delete/destroy disposition; the soft-delete evidence is attached. The evidence search is a heuristic over the scanned text.',
      zh: '报告代码只对个人信息做逻辑删除的实体——使用 `deleted`、`is_deleted`、`deleted_at`、`del_flag` 等删除标记，ORM 逻辑删除模式（`paranoid: true`、`@TableLogic`、`gorm.DeletedAt`、`@SQLDelete`）或 `softDelete()` 调用——却没有任何物理清除：没有 TTL 索引、定时清理任务、指名该实体的 `DELETE`/`TRUNCATE` 或物理删除调用，也没有来自已清除父表的级联删除。标记为已删除的记录仍保存着个人信息，不属于《个人信息保护法》第四十七条规定的删除。每个实体只报告一次，位置为其第一个未声明处置或声明了 delete/destroy 的个人信息字段，并附上逻辑删除的迹象。迹象检索是对扫描文本的启发式搜索。',
    },
    messages: {
      softOnly: {
        en: '{entity}: PI is only soft-deleted ({evidence}) and nothing purges it — {count} PI field(s) stay stored; a deletion flag is not deletion under PIPL Art. 47',
        zh: '{entity}：个人信息仅逻辑删除（{evidence}），没有任何物理清除——{count} 个个人信息字段仍被存储；删除标记不等于《个人信息保护法》第四十七条规定的删除',
      },
    },
  },
  check(context) {
    const diagnostics: Diagnostic[] = [];
    for (const group of groupBy(fieldsOfSoftDeletedEntities(context.personal), (f) => entityKeyOf(f.finding))) {
      const evidence = group.flatMap((f) => f.evidence);
      const soft = dedupe(evidence.filter((e) => e.kind === 'soft-delete'));
      if (soft.length === 0 || showsPurge(evidence)) continue;
      const affected = group.filter(({ disposition: d }) => d === null || d.action === 'delete' || d.action === 'destroy');
      if (affected.length === 0) continue;
      const first = affected[0].finding;
      diagnostics.push({
        rule: softDeleteOnly.meta.id,
        severity: context.severity(softDeleteOnly.meta.defaultSeverity),
        file: first.file,
        line: first.line,
        column: first.column,
        message: context.message('softOnly', { entity: first.entity, evidence: soft[0].text, count: affected.length }),
        fieldId: first.id,
        related: evidenceLocations(soft, context.lang),
      });
    }
    return diagnostics;
  },
};

function dedupe<T extends { file: string; line: number; column: number }>(items: readonly T[]): T[] {
  return groupBy(items, (e) => `${e.file}:${e.line}:${e.column}`).map((g) => g[0]);
}

/**
 * The fields of the entities that have soft-delete evidence, in their order: only those can be
 * reported, and most entities have none.
 */
function fieldsOfSoftDeletedEntities(fields: readonly AssessedField[]): readonly AssessedField[] {
  const keys = new Set<string>();
  for (const { finding, evidence } of fields) {
    if (evidence.some((e) => e.kind === 'soft-delete')) keys.add(entityKeyOf(finding));
  }
  return keys.size === 0 ? [] : fields.filter(({ finding }) => keys.has(entityKeyOf(finding)));
}
