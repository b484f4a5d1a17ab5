// Everything else a subsidiary's repositories hold: ordinary source code, docs, configuration,
// large SQL dumps with INSERT data, minified bundles, binaries and a node_modules folder.
import { mobile } from './piValues.mjs';
import { entitiesFor, sampleValue, sqlLiteral, sqlSchema } from './schemaFiles.mjs';
import { camel, pascal, PERSON_ENTITIES, SYSTEMS, THING_ENTITIES, ZH_PHRASES } from './vocabulary.mjs';

const VERBS = ['find', 'list', 'create', 'update', 'sync', 'export', 'validate', 'load', 'merge', 'notify'];
const NOUNS = ['Order', 'Coupon', 'Report', 'Stock', 'Invoice', 'Shipment', 'Profile', 'Token', 'Batch', 'Config'];

function entityName(random) {
  return `${random.pick([...PERSON_ENTITIES, ...THING_ENTITIES]).name}_${random.int(1, 400)}`;
}

export function typescriptService(random, functions) {
  const entity = pascal(entityName(random));
  const out = ["import { Injectable, Logger } from '@nestjs/common';", `import { ${entity}Repository } from '../repositories';`, '', `/** ${random.pick(ZH_PHRASES)} */`, '@Injectable()', `export class ${entity}Service {`, `  private readonly logger = new Logger('${entity}Service');`, '', `  constructor(private readonly ${camel(entity)}Repository: ${entity}Repository) {}`, ''];
  for (let i = 0; i < functions; i++) {
    const name = `${random.pick(VERBS)}${random.pick(NOUNS)}${i}`;
    out.push(`  /** ${random.pick(ZH_PHRASES)} */`, `  async ${name}(id: number, options: { page?: number; size?: number } = {}): Promise<unknown[]> {`, `    const page = options.page ?? 1;`, `    const size = Math.min(options.size ?? 20, 100);`, `    // ${random.pick(ZH_PHRASES)}`, `    const rows = await this.${camel(entity)}Repository.find({ where: { id }, skip: (page - 1) * size, take: size });`);
    if (random.chance(0.08)) out.push(`    await this.${camel(entity)}Repository.delete({ id });`);
    if (random.chance(0.05)) out.push(`    this.logger.log(\`masked \${maskPhone(String(id))}\`);`);
    out.push(`    this.logger.debug(\`${name} \${rows.length}\`);`, '    return rows.filter((row) => row !== undefined);', '  }', '');
  }
  out.push('}', '');
  if (random.chance(0.1)) out.unshift("import { Cron } from '@nestjs/schedule';");
  return out.join('\n');
}

export function javascriptUtil(random, functions) {
  const out = ["'use strict';", '', `// ${random.pick(ZH_PHRASES)}`];
  for (let i = 0; i < functions; i++) {
    const name = `${random.pick(VERBS)}${random.pick(NOUNS)}${i}`;
    out.push(`/** ${random.pick(ZH_PHRASES)} */`, `function ${name}(items, limit) {`, '  const result = [];', '  for (const item of items) {', '    if (result.length >= limit) break;', `    if (item && item.status !== ${random.int(0, 3)}) result.push({ ...item, checked: true });`, '  }', '  return result;', '}', '');
  }
  out.push(`module.exports = { ${Array.from({ length: functions }, (_, i) => `${VERBS[0]}Dummy${i}: null`).join(', ')} };`, '');
  return out.join('\n');
}

export function pythonScript(random, functions) {
  const out = ['#!/usr/bin/env python3', '# -*- coding: utf-8 -*-', `"""${random.pick(ZH_PHRASES)}"""`, 'import json', 'import logging', '', 'logger = logging.getLogger(__name__)', '', ''];
  for (let i = 0; i < functions; i++) {
    out.push(`def ${random.pick(VERBS)}_${random.pick(NOUNS).toLowerCase()}_${i}(rows, limit=20):`, `    """${random.pick(ZH_PHRASES)}"""`, '    result = []', '    for row in rows:', `        # ${random.pick(ZH_PHRASES)}`, `        if row.get("status") == ${random.int(0, 3)}:`, '            result.append(row)', '    logger.info("done %d", len(result))', '    return result[:limit]', '', '');
  }
  if (random.chance(0.1)) out.push(`def purge():`, `    ${pascal(entityName(random))}.objects.filter(status=9).delete()`, '');
  return out.join('\n');
}

export function javaService(random, functions) {
  const entity = pascal(entityName(random));
  const out = [`package com.example.${random.pick(['hr', 'mall', 'crm'])}.service;`, '', 'import java.util.List;', 'import org.springframework.stereotype.Service;', '', `/** ${random.pick(ZH_PHRASES)} */`, '@Service', `public class ${entity}Service {`, '', `    private final ${entity}Repository ${camel(entity)}Repository;`, '', `    public ${entity}Service(${entity}Repository repository) {`, `        this.${camel(entity)}Repository = repository;`, '    }', ''];
  for (let i = 0; i < functions; i++) {
    out.push(`    /** ${random.pick(ZH_PHRASES)} */`, `    public List<${entity}> ${random.pick(VERBS)}${random.pick(NOUNS)}${i}(Long id, int page) {`, `        // ${random.pick(ZH_PHRASES)}`, `        List<${entity}> rows = ${camel(entity)}Repository.findAllById(List.of(id));`, `        return rows.subList(0, Math.min(rows.size(), page * 20));`, '    }', '');
  }
  if (random.chance(0.1)) out.push('    @Scheduled(cron = "0 0 2 * * ?")', '    public void purgeExpired() {', `        ${camel(entity)}Repository.deleteAllInBatch();`, '    }', '');
  out.push('}', '');
  return out.join('\n');
}

export function goHandler(random, functions) {
  const out = ['package handler', '', 'import (', '\t"encoding/json"', '\t"net/http"', ')', ''];
  for (let i = 0; i < functions; i++) {
    out.push(`// ${random.pick(VERBS)}${random.pick(NOUNS)}${i} ${random.pick(ZH_PHRASES)}`, `func ${random.pick(VERBS)}${random.pick(NOUNS)}${i}(w http.ResponseWriter, r *http.Request) {`, '\tvar body map[string]interface{}', '\tif err := json.NewDecoder(r.Body).Decode(&body); err != nil {', '\t\thttp.Error(w, err.Error(), http.StatusBadRequest)', '\t\treturn', '\t}', '\t_ = json.NewEncoder(w).Encode(body)', '}', '');
  }
  return out.join('\n');
}

export function csharpController(random, functions) {
  const out = ['using Microsoft.AspNetCore.Mvc;', '', 'namespace Example.Api.Controllers', '{', `    // ${random.pick(ZH_PHRASES)}`, '    [ApiController]', `    public static class ${random.pick(NOUNS)}Helpers${random.int(1, 99)}`, '    {'];
  for (let i = 0; i < functions; i++) {
    out.push(`        // ${random.pick(ZH_PHRASES)}`, `        public static int ${random.pick(VERBS)}${random.pick(NOUNS)}${i}(int page)`, '        {', '            return page < 1 ? 1 : page;', '        }', '');
  }
  out.push('    }', '}', '');
  return out.join('\n');
}

export function sqlMigration(random) {
  const table = `t_${entityName(random)}`;
  const out = [`-- ${random.pick(ZH_PHRASES)}`, `ALTER TABLE \`${table}\` ADD INDEX idx_created_at (created_at);`, `UPDATE \`${table}\` SET status = 1 WHERE status IS NULL;`];
  if (random.chance(0.3)) out.push(`-- 注销前清理过期数据`, `DELETE FROM \`${table}\` WHERE updated_at < '2020-01-01';`);
  return `${out.join('\n')}\n`;
}

export function markdownDoc(random, paragraphs) {
  const system = random.pick(SYSTEMS);
  const out = [`# ${system} 服务说明`, '', `${random.pick(ZH_PHRASES)}。本文档描述接口约定、部署步骤与数据处置要求。`, ''];
  for (let i = 0; i < paragraphs; i++) {
    out.push(`## ${i + 1}. ${random.pick(ZH_PHRASES)}`, '', `${random.pick(ZH_PHRASES)}, ${random.pick(ZH_PHRASES)}。`, `See the ${random.pick(NOUNS).toLowerCase()} module for details; run \`make ${random.pick(VERBS)}\` before release.`, '');
    if (random.chance(0.3)) out.push('```sh', `curl -s http://localhost:8080/api/${random.pick(NOUNS).toLowerCase()}?page=1`, '```', '');
    if (random.chance(0.05)) out.push(`测试账号手机号: ${mobile(random)} (合成数据)`, '');
  }
  return out.join('\n');
}

export function jsonConfig(random) {
  const config = { name: `@example/${random.pick(SYSTEMS)}`, version: `1.${random.int(0, 20)}.${random.int(0, 9)}`, private: true, scripts: { build: 'tsc -p .', test: 'jest' }, dependencies: Object.fromEntries(random.sample(['express', 'lodash', 'dayjs', 'axios', 'typeorm', 'mysql2', 'ioredis'], 4).map((d) => [d, `^${random.int(1, 9)}.0.0`])), config: { port: random.int(3000, 9000), timeoutMs: random.int(1000, 30000), retries: random.int(0, 5) } };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function yamlConfig(random) {
  const system = random.pick(SYSTEMS);
  return [`# ${system} ${random.pick(ZH_PHRASES)}`, 'server:', `  port: ${random.int(3000, 9000)}`, 'spring:', '  datasource:', `    url: jdbc:mysql://db.internal:3306/${system.replace(/-/g, '_')}?useUnicode=true`, '    username: app', '    password: ${DB_PASSWORD}', '  redis:', '    host: redis.internal', `    timeout: ${random.int(1000, 5000)}`, 'logging:', '  level:', `    root: ${random.pick(['INFO', 'WARN'])}`, ''].join('\n');
}

/** A dump of one table: its DDL then `rows` INSERT rows, one per line (mysqldump --skip-extended-insert style batches). */
export function sqlDump(random, rows) {
  const [entity] = entitiesFor(random, 1);
  const out = [sqlSchema(random, [entity]), 'LOCK TABLES `' + entity.table + '` WRITE;'];
  const columns = `(\`id\`, ${entity.fields.map((f) => `\`${f.name}\``).join(', ')})`;
  for (let r = 0; r < rows; r++) {
    if (r % 500 === 0) out.push(`INSERT INTO \`${entity.table}\` ${columns} VALUES`);
    const end = r % 500 === 499 || r === rows - 1 ? ';' : ',';
    out.push(`(${r + 1}, ${entity.fields.map((f) => sqlLiteral(sampleValue(random, f))).join(', ')})${end}`);
  }
  out.push('UNLOCK TABLES;', '');
  return out.join('\n');
}

/** A minified bundle: a few very long lines of code. */
export function minifiedBundle(random, bytes) {
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const part = `function ${randomIdent(random)}(a,b){var c=a.${randomIdent(random)}||{};return b?c[b]:Object.keys(c).map(function(d){return c[d]+${random.int(0, 999)}})}`;
    parts.push(part);
    size += part.length;
  }
  const lines = [];
  for (let i = 0; i < parts.length; i += 400) lines.push(parts.slice(i, i + 400).join(';'));
  return `!function(){${lines.join('\n')}}();\n`;
}

/** Bytes that are not text (images, archives): NUL bytes early on. */
export function binaryBytes(random, size) {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = random.int(0, 255);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 0);
  return bytes;
}

export function nodeModuleFile(random) {
  return `'use strict';\nmodule.exports = function ${randomIdent(random)}(x) { return x; };\n// contact: ${mobile(random)}\n`;
}

function randomIdent(random) {
  return `${random.pick(['a', 'b', 'c', 'e', 'f', 'g', 'h'])}${random.int(0, 9999).toString(36)}`;
}

/** Ordinary source kinds: extension, generator and functions per file. */
export const SOURCE_KINDS = [
  { kind: 'ts-service', dir: 'src/services', ext: 'service.ts', make: typescriptService, weight: 5 },
  { kind: 'js-util', dir: 'lib', ext: 'js', make: javascriptUtil, weight: 3 },
  { kind: 'py-script', dir: 'scripts', ext: 'py', make: pythonScript, weight: 3 },
  { kind: 'java-service', dir: 'src/main/java/service', ext: 'java', make: javaService, weight: 3 },
  { kind: 'go-handler', dir: 'internal/handler', ext: 'go', make: goHandler, weight: 2 },
  { kind: 'cs-helper', dir: 'Helpers', ext: 'cs', make: csharpController, weight: 1 },
];

export { entityName };
