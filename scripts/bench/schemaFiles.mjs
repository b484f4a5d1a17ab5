// Schema and model files of every format the engine reads, each declaring a few entities with
// PI and business fields, Chinese comments, some `@pi` annotations and some seed values.
import { address, bankCard, date, email, mobile, personName, residentId } from './piValues.mjs';
import { BUSINESS_FIELDS, camel, pascal, PERSON_ENTITIES, PI_FIELDS, THING_ENTITIES, ZH_PHRASES } from './vocabulary.mjs';

const ANNOTATIONS = ['@pi delete', '@pi anonymize method=hash', '@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy', '@pi retain 3y basis="电子商务法 第三十一条"', '@pi transfer to="集团共享中心" contact="dpo@example.com"'];

/** A few entities for one file: people get PI fields, things only business fields. */
export function entitiesFor(random, count) {
  return Array.from({ length: count }, () => {
    const person = random.chance(0.65);
    const base = random.pick(person ? PERSON_ENTITIES : THING_ENTITIES);
    const suffix = random.int(1, 400);
    const pi = person ? random.sample(PI_FIELDS, random.int(2, 6)) : [];
    const business = random.sample(BUSINESS_FIELDS, random.int(3, 8));
    const fields = random.sample([...pi, ...business], pi.length + business.length).map((field) => ({
      ...field,
      annotation: pi.includes(field) && random.chance(0.3) ? random.pick(ANNOTATIONS) : undefined,
    }));
    return { name: `${base.name}_${suffix}`, zh: base.zh, table: `t_${base.name}_${suffix}`, fields };
  });
}

export function sampleValue(random, field) {
  switch (field.value) {
    case 'name': return personName(random);
    case 'id': return residentId(random);
    case 'mobile': return mobile(random);
    case 'email': return email(random);
    case 'address': return address(random);
    case 'date': return date(random);
    case 'card': return bankCard(random);
    default:
      if (field.type === 'int' || field.type === 'bool') return random.int(0, 1);
      if (field.type === 'decimal') return (random.int(100, 99999) / 100).toFixed(2);
      if (field.type === 'date') return date(random);
      return `${field.name.toUpperCase()}${random.int(1000, 9999)}`;
  }
}

const SQL_TYPES = { string: 'varchar(64)', int: 'int(11)', decimal: 'decimal(12,2)', date: 'datetime', bool: 'tinyint(1)' };
const TS_TYPES = { string: 'string', int: 'number', decimal: 'number', date: 'Date', bool: 'boolean' };
const JAVA_TYPES = { string: 'String', int: 'Integer', decimal: 'BigDecimal', date: 'LocalDateTime', bool: 'Boolean' };
const GO_TYPES = { string: 'string', int: 'int', decimal: 'float64', date: 'time.Time', bool: 'bool' };
const CS_TYPES = { string: 'string', int: 'int', decimal: 'decimal', date: 'DateTime', bool: 'bool' };
const PROTO_TYPES = { string: 'string', int: 'int32', decimal: 'double', date: 'string', bool: 'bool' };
const GQL_TYPES = { string: 'String', int: 'Int', decimal: 'Float', date: 'DateTime', bool: 'Boolean' };
const JSON_TYPES = { string: 'string', int: 'integer', decimal: 'number', date: 'string', bool: 'boolean' };
const PY_FIELDS = { string: 'models.CharField("{zh}", max_length=64)', int: 'models.IntegerField("{zh}", default=0)', decimal: 'models.DecimalField("{zh}", max_digits=12, decimal_places=2)', date: 'models.DateTimeField("{zh}", null=True)', bool: 'models.BooleanField("{zh}", default=False)' };

const comment = (field) => (field.annotation ? `${field.zh} ${field.annotation}` : field.zh);

export function sqlSchema(random, entities, { withSeeds = false } = {}) {
  const out = [`-- ============================================================`, `-- ${random.pick(ZH_PHRASES)} (MySQL 5.7 表结构导出)`, `-- ============================================================`, 'SET NAMES utf8mb4;', ''];
  for (const entity of entities) {
    out.push(`-- ${entity.zh}`, `DROP TABLE IF EXISTS \`${entity.table}\`;`, `CREATE TABLE \`${entity.table}\` (`, "  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',");
    for (const field of entity.fields) out.push(`  \`${field.name}\` ${SQL_TYPES[field.type]} DEFAULT NULL COMMENT '${comment(field)}',`);
    out.push('  PRIMARY KEY (`id`)', `) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='${entity.zh}';`, '');
    if (withSeeds) {
      out.push(`INSERT INTO \`${entity.table}\` (\`id\`, ${entity.fields.map((f) => `\`${f.name}\``).join(', ')}) VALUES`);
      const rows = random.int(2, 6);
      for (let r = 0; r < rows; r++) out.push(`(${r + 1}, ${entity.fields.map((f) => sqlLiteral(sampleValue(random, f))).join(', ')})${r === rows - 1 ? ';' : ','}`);
      out.push('');
    }
  }
  return out.join('\n');
}

export function sqlLiteral(value) {
  return typeof value === 'number' ? String(value) : `'${value}'`;
}

export function prismaSchema(random, entities) {
  const out = ['// 数据模型 (Prisma)', 'generator client {', '  provider = "prisma-client-js"', '}', '', 'datasource db {', '  provider = "mysql"', '  url      = env("DATABASE_URL")', '}', ''];
  for (const entity of entities) {
    out.push(`/// ${entity.zh}`, `model ${pascal(entity.name)} {`, '  id Int @id @default(autoincrement())');
    for (const field of entity.fields) {
      const type = { string: 'String?', int: 'Int?', decimal: 'Decimal?', date: 'DateTime?', bool: 'Boolean?' }[field.type];
      out.push(`  /// ${comment(field)}`, `  ${camel(field.name)} ${type} @map("${field.name}")`);
    }
    out.push('', `  @@map("${entity.table}")`, '}', '');
  }
  return out.join('\n');
}

export function typeormEntities(random, entities) {
  const out = ["import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';", ''];
  for (const entity of entities) {
    out.push(`/** ${entity.zh} */`, `@Entity('${entity.table}')`, `export class ${pascal(entity.name)} {`, '  @PrimaryGeneratedColumn()', '  id: number;', '');
    for (const field of entity.fields) {
      out.push(`  /** ${comment(field)} */`, `  @Column({ name: '${field.name}', nullable: true, comment: '${field.zh}' })`, `  ${camel(field.name)}: ${TS_TYPES[field.type]};`, '');
    }
    out.push('}', '');
  }
  return out.join('\n');
}

export function sequelizeModels(random, entities) {
  const out = ["'use strict';", "const { DataTypes } = require('sequelize');", '', 'module.exports = (sequelize) => {'];
  for (const entity of entities) {
    out.push(`  // ${entity.zh}`, `  const ${pascal(entity.name)} = sequelize.define('${entity.name}', {`);
    for (const field of entity.fields) {
      const type = { string: 'STRING(64)', int: 'INTEGER', decimal: 'DECIMAL(12, 2)', date: 'DATE', bool: 'BOOLEAN' }[field.type];
      out.push(`    ${camel(field.name)}: { type: DataTypes.${type}, field: '${field.name}', comment: '${comment(field)}' },`);
    }
    out.push(`  }, { tableName: '${entity.table}', paranoid: ${random.chance(0.3)} });`, '');
  }
  out.push('};', '');
  return out.join('\n');
}

export function mongooseSchemas(random, entities) {
  const out = ["const mongoose = require('mongoose');", 'const { Schema } = mongoose;', ''];
  for (const entity of entities) {
    out.push(`// ${entity.zh}`, `const ${camel(entity.name)}Schema = new Schema({`);
    for (const field of entity.fields) {
      const type = { string: 'String', int: 'Number', decimal: 'Number', date: 'Date', bool: 'Boolean' }[field.type];
      out.push(`  ${camel(field.name)}: { type: ${type} }, // ${comment(field)}`);
    }
    out.push('}, { timestamps: true });', `module.exports.${pascal(entity.name)} = mongoose.model('${pascal(entity.name)}', ${camel(entity.name)}Schema);`, '');
  }
  return out.join('\n');
}

export function typescriptInterfaces(random, entities) {
  const out = [`// ${random.pick(ZH_PHRASES)}`, ''];
  for (const entity of entities) {
    out.push(`/** ${entity.zh} 接口返回 */`, `export interface ${pascal(entity.name)}Dto {`, '  id: number;');
    for (const field of entity.fields) out.push(`  /** ${comment(field)} */`, `  ${camel(field.name)}?: ${TS_TYPES[field.type]};`);
    out.push('}', '');
  }
  return out.join('\n');
}

export function djangoModels(random, entities) {
  const out = ['# -*- coding: utf-8 -*-', `"""${random.pick(ZH_PHRASES)}"""`, 'from django.db import models', '', ''];
  for (const entity of entities) {
    out.push(`class ${pascal(entity.name)}(models.Model):`, `    """${entity.zh}"""`, '');
    for (const field of entity.fields) {
      if (field.annotation) out.push(`    # ${field.annotation}`);
      out.push(`    ${field.name} = ${PY_FIELDS[field.type].replace('{zh}', field.zh)}`);
    }
    out.push('', '    class Meta:', `        db_table = "${entity.table}"`, `        verbose_name = "${entity.zh}"`, '', '');
  }
  return out.join('\n');
}

export function sqlalchemyModels(random, entities) {
  const out = ['from sqlalchemy import Column, DateTime, Integer, Numeric, String, Boolean', 'from sqlalchemy.orm import declarative_base', '', 'Base = declarative_base()', '', ''];
  for (const entity of entities) {
    out.push(`class ${pascal(entity.name)}(Base):`, `    """${entity.zh}"""`, `    __tablename__ = "${entity.table}"`, '', '    id = Column(Integer, primary_key=True)');
    for (const field of entity.fields) {
      const type = { string: 'String(64)', int: 'Integer', decimal: 'Numeric(12, 2)', date: 'DateTime', bool: 'Boolean' }[field.type];
      out.push(`    ${field.name} = Column(${type}, comment="${comment(field)}")`);
    }
    out.push('', '');
  }
  return out.join('\n');
}

export function jpaEntities(random, entities) {
  const entity = entities[0];
  const out = [`package com.example.${random.pick(['hr', 'mall', 'crm'])}.domain;`, '', 'import java.math.BigDecimal;', 'import java.time.LocalDateTime;', 'import javax.persistence.*;', '', `/**`, ` * ${entity.zh}`, ` */`, '@Entity', `@Table(name = "${entity.table}")`, `public class ${pascal(entity.name)} {`, '', '    @Id', '    @GeneratedValue(strategy = GenerationType.IDENTITY)', '    private Long id;', ''];
  for (const field of entity.fields) out.push(`    /** ${comment(field)} */`, `    @Column(name = "${field.name}")`, `    private ${JAVA_TYPES[field.type]} ${camel(field.name)};`, '');
  for (const field of entity.fields) {
    out.push(`    public ${JAVA_TYPES[field.type]} get${pascal(field.name)}() {`, `        return ${camel(field.name)};`, '    }', '');
  }
  out.push('}', '');
  return out.join('\n');
}

export function goStructs(random, entities) {
  const out = [`// Package model ${random.pick(ZH_PHRASES)}`, 'package model', '', 'import "time"', ''];
  for (const entity of entities) {
    out.push(`// ${pascal(entity.name)} ${entity.zh}`, `type ${pascal(entity.name)} struct {`, '\tID uint64 `gorm:"column:id;primaryKey" json:"id"`');
    for (const field of entity.fields) out.push(`\t${pascal(field.name)} ${GO_TYPES[field.type]} \`gorm:"column:${field.name}" json:"${camel(field.name)}"\` // ${comment(field)}`);
    out.push('}', '', `// TableName 表名`, `func (${pascal(entity.name)}) TableName() string { return "${entity.table}" }`, '');
  }
  out.push('var _ = time.Now', '');
  return out.join('\n');
}

export function efEntities(random, entities) {
  const out = ['using System;', 'using System.ComponentModel.DataAnnotations.Schema;', '', `namespace Example.${random.pick(['Hr', 'Mall', 'Crm'])}.Entities`, '{'];
  for (const entity of entities) {
    out.push(`    /// <summary>${entity.zh}</summary>`, `    [Table("${entity.table}")]`, `    public class ${pascal(entity.name)}`, '    {', '        public long Id { get; set; }', '');
    for (const field of entity.fields) out.push(`        /// <summary>${comment(field)}</summary>`, `        [Column("${field.name}")]`, `        public ${CS_TYPES[field.type]} ${pascal(field.name)} { get; set; }`, '');
    out.push('    }', '');
  }
  out.push('}', '');
  return out.join('\n');
}

export function mybatisMapper(random, entities) {
  const entity = entities[0];
  const out = ['<?xml version="1.0" encoding="UTF-8" ?>', '<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">', `<mapper namespace="com.example.mapper.${pascal(entity.name)}Mapper">`, `    <!-- ${entity.zh} -->`, `    <resultMap id="${pascal(entity.name)}Result" type="com.example.domain.${pascal(entity.name)}">`, '        <id property="id" column="id"/>'];
  for (const field of entity.fields) out.push(`        <!-- ${comment(field)} -->`, `        <result property="${camel(field.name)}" column="${field.name}"/>`);
  out.push('    </resultMap>', '', `    <select id="selectById" resultMap="${pascal(entity.name)}Result">`, `        select * from ${entity.table} where id = #{id}`, '    </select>', '');
  if (random.chance(0.4)) out.push(`    <delete id="purgeExpired">`, `        DELETE FROM ${entity.table} WHERE updated_at &lt; #{before}`, '    </delete>', '');
  out.push('</mapper>', '');
  return out.join('\n');
}

export function protobufMessages(random, entities) {
  const out = ['syntax = "proto3";', '', `// ${random.pick(ZH_PHRASES)}`, `package example.${random.pick(['member', 'order', 'hr'])}.v1;`, ''];
  for (const entity of entities) {
    out.push(`// ${entity.zh}`, `message ${pascal(entity.name)} {`, '  int64 id = 1;');
    entity.fields.forEach((field, i) => out.push(`  ${PROTO_TYPES[field.type]} ${field.name} = ${i + 2}; // ${comment(field)}`));
    out.push('}', '');
  }
  return out.join('\n');
}

export function graphqlTypes(random, entities) {
  const out = [`# ${random.pick(ZH_PHRASES)}`, 'scalar DateTime', ''];
  for (const entity of entities) {
    out.push('"""', entity.zh, '"""', `type ${pascal(entity.name)} {`, '  id: ID!');
    for (const field of entity.fields) out.push(`  """${comment(field)}"""`, `  ${camel(field.name)}: ${GQL_TYPES[field.type]}`);
    out.push('}', '');
  }
  return out.join('\n');
}

export function jsonSchema(random, entities) {
  const entity = entities[0];
  const properties = Object.fromEntries(entity.fields.map((field) => [camel(field.name), { type: JSON_TYPES[field.type], description: comment(field) }]));
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: pascal(entity.name), description: entity.zh, type: 'object', properties }, null, 2)}\n`;
}

export function openapiYaml(random, entities) {
  const out = ['openapi: 3.0.3', 'info:', `  title: ${entities[0].zh}服务 API`, '  version: 1.0.0', 'paths: {}', 'components:', '  schemas:'];
  for (const entity of entities) {
    out.push(`    ${pascal(entity.name)}:`, '      type: object', `      description: ${entity.zh}`, '      properties:');
    for (const field of entity.fields) out.push(`        ${camel(field.name)}:`, `          type: ${JSON_TYPES[field.type]}`, `          description: "${comment(field).replace(/"/g, "'")}"`);
  }
  return `${out.join('\n')}\n`;
}

export function csvDictionary(random, entities) {
  const out = ['表名,字段名,类型,说明'];
  for (const entity of entities) {
    out.push(`${entity.table},id,bigint,主键`);
    for (const field of entity.fields) out.push(`${entity.table},${field.name},${SQL_TYPES[field.type].replace(',', ' ')},${field.zh}`);
  }
  return `${out.join('\n')}\n`;
}

export function jsonFixture(random, entities) {
  const fixture = { _meta: { note: '合成测试数据, 不对应真实个人' } };
  for (const entity of entities) {
    fixture[`${camel(entity.name)}s`] = Array.from({ length: random.int(2, 5) }, (_, i) => ({ id: i + 1, ...Object.fromEntries(entity.fields.map((f) => [camel(f.name), sampleValue(random, f)])) }));
  }
  return `${JSON.stringify(fixture, null, 2)}\n`;
}

/** Schema formats with their file extension and generator. */
export const SCHEMA_KINDS = [
  { kind: 'sql-ddl', dir: 'db/schema', ext: 'sql', make: (r, e) => sqlSchema(r, e, { withSeeds: r.chance(0.3) }) },
  { kind: 'prisma', dir: 'prisma', ext: 'prisma', make: prismaSchema },
  { kind: 'typeorm', dir: 'src/entities', ext: 'entity.ts', make: typeormEntities },
  { kind: 'sequelize', dir: 'models', ext: 'model.js', make: sequelizeModels },
  { kind: 'mongoose', dir: 'schemas', ext: 'schema.js', make: mongooseSchemas },
  { kind: 'ts-types', dir: 'src/types', ext: 'types.ts', make: typescriptInterfaces },
  { kind: 'django', dir: 'app', ext: 'models.py', make: djangoModels },
  { kind: 'sqlalchemy', dir: 'db', ext: 'tables.py', make: sqlalchemyModels },
  { kind: 'jpa', dir: 'src/main/java/domain', ext: 'java', make: jpaEntities, one: true },
  { kind: 'gorm', dir: 'internal/model', ext: 'go', make: goStructs },
  { kind: 'ef-core', dir: 'Entities', ext: 'cs', make: efEntities },
  { kind: 'mybatis', dir: 'src/main/resources/mapper', ext: 'Mapper.xml', make: mybatisMapper, one: true },
  { kind: 'protobuf', dir: 'api/proto', ext: 'proto', make: protobufMessages },
  { kind: 'graphql', dir: 'graphql', ext: 'graphql', make: graphqlTypes },
  { kind: 'json-schema', dir: 'schemas/json', ext: 'schema.json', make: jsonSchema, one: true },
  { kind: 'openapi', dir: 'api', ext: 'openapi.yaml', make: openapiYaml },
  { kind: 'csv-dictionary', dir: 'docs/dict', ext: 'csv', make: csvDictionary },
  { kind: 'json-fixture', dir: 'test/fixtures', ext: 'fixture.json', make: jsonFixture },
];
