import type { DispositionAction } from '../disposition/model';

/** What the steps are derived from: one entry per field still in the code (gone fields excluded). */
export interface StepFieldView {
  personal: boolean;
  sensitive: boolean;
  action?: DispositionAction;
  /** The recipient is abroad (an Art. 38 mechanism is named, or `abroad`/`country` says so). */
  abroad: boolean;
}

/** A process step of the deregistration, with the legal basis it rests on (shared/spec/legal.md). */
export interface StepDefinition {
  id: string;
  titleZh: string;
  titleEn: string;
  basis: string;
  /** Why the step is needed for these fields (zh / en), or undefined when it is not. */
  needed(fields: readonly StepFieldView[]): string | undefined;
}

/** `1 field`, `3 fields`. */
const fieldCount = (n: number): string => `${n} field${n === 1 ? '' : 's'}`;

const personal = (fields: readonly StepFieldView[]): StepFieldView[] => fields.filter((f) => f.personal);
const withAction = (fields: readonly StepFieldView[], ...actions: DispositionAction[]): StepFieldView[] =>
  personal(fields).filter((f) => f.action !== undefined && actions.includes(f.action));

/** When there is any personal information at all. */
function anyPersonal(fields: readonly StepFieldView[]): string | undefined {
  const all = personal(fields);
  if (all.length === 0) return undefined;
  const sensitive = all.filter((f) => f.sensitive).length;
  return `${all.length} 个个人信息字段，其中敏感 ${sensitive} 个 / ${fieldCount(all.length)} of personal information, ${sensitive} sensitive`;
}

/** The steps in the order they are done. Ids are stable: people's statuses hang on them. */
export const STEP_DEFINITIONS: readonly StepDefinition[] = [
  {
    id: 'inventory',
    titleZh: '对个人信息分类管理，形成并维护本清单',
    titleEn: 'Classify the personal information and keep this inventory',
    basis: '个人信息保护法 第51条（分类管理） / PIPL Art. 51',
    needed: anyPersonal,
  },
  {
    id: 'backup-encrypt',
    titleZh: '处置前备份，备份加密保存',
    titleEn: 'Back up before disposal and encrypt the backups',
    basis: '个人信息保护法 第51条（加密、去标识化） / PIPL Art. 51',
    needed: anyPersonal,
  },
  {
    id: 'notify-recipient',
    titleZh: '向个人告知接收方的名称和联系方式',
    titleEn: "Tell every individual the recipient's name and contact",
    basis: '个人信息保护法 第22条 / PIPL Art. 22',
    needed(fields) {
      const transferred = withAction(fields, 'transfer').length;
      return transferred > 0 ? `${transferred} 个字段转移给接收方 / ${fieldCount(transferred)} transferred to a recipient` : undefined;
    },
  },
  {
    id: 'impact-assessment',
    titleZh: '开展个人信息保护影响评估，报告至少保存三年',
    titleEn: 'Carry out a personal-information protection impact assessment; keep the report at least 3 years',
    basis: '个人信息保护法 第55条、第56条 / PIPL Art. 55, 56',
    needed(fields) {
      const transferred = withAction(fields, 'transfer');
      const sensitiveKept = withAction(fields, 'retain').filter((f) => f.sensitive).length;
      if (transferred.length === 0 && sensitiveKept === 0) return undefined;
      const parts: string[] = [];
      if (transferred.length > 0) parts.push(`${transferred.length} 个字段向他人提供 / ${fieldCount(transferred.length)} provided to another processor`);
      if (sensitiveKept > 0) parts.push(`${sensitiveKept} 个敏感字段留存 / ${sensitiveKept} sensitive ${sensitiveKept === 1 ? 'field' : 'fields'} kept`);
      return parts.join('; ');
    },
  },
  {
    id: 'cross-border',
    titleZh: '向境外提供：通过安全评估、认证或签订标准合同，告知境外接收方并取得单独同意',
    titleEn: 'Recipient abroad: security assessment, certification or standard contract; notice and separate consent',
    basis: '个人信息保护法 第38条、第39条 / PIPL Art. 38, 39',
    needed(fields) {
      const abroad = personal(fields).filter((f) => f.abroad).length;
      return abroad > 0 ? `${abroad} 个字段的接收方在境外 / ${fieldCount(abroad)} going to a recipient abroad` : undefined;
    },
  },
  {
    id: 'archive-custodian',
    titleZh: '指定留存档案的保管单位，记录每项留存的截止日期；留存期间除存储和安全保护外停止处理',
    titleEn: 'Appoint the custodian of retained archives and record when each retention ends; meanwhile only store and protect them',
    basis: '档案法 第16条；会计档案管理办法 第20条；个人信息保护法 第47条第2款 / Archives Law Art. 16; Accounting Archives Measures Art. 20; PIPL Art. 47 para. 2',
    needed(fields) {
      const kept = withAction(fields, 'retain').length;
      return kept > 0 ? `${kept} 个字段依法留存 / ${fieldCount(kept)} kept because a law requires it` : undefined;
    },
  },
  {
    id: 'delete-verify',
    titleZh: '删除或匿名化个人信息并核验结果（含备份）',
    titleEn: 'Delete or anonymize the personal information and verify it, backups included',
    basis: '个人信息保护法 第47条、第73条 / PIPL Art. 47, 73',
    needed: anyPersonal,
  },
  {
    id: 'destroy-media',
    titleZh: '销毁存储介质并登记销毁清单',
    titleEn: 'Destroy the storage media and record what was destroyed',
    basis: '个人信息保护法 第47条 / PIPL Art. 47',
    needed: anyPersonal,
  },
  {
    id: 'confidentiality',
    titleZh: '处置人员签署保密协议并接受培训',
    titleEn: 'Confidentiality agreements and training for the people doing the disposal',
    basis: '个人信息保护法 第51条 / PIPL Art. 51',
    needed: anyPersonal,
  },
  {
    id: 'audit-report',
    titleZh: '形成最终处置审计报告，与处理记录一并至少保存三年',
    titleEn: 'Write the final disposal audit report; keep it with the processing records at least 3 years',
    basis: '个人信息保护法 第56条 / PIPL Art. 56',
    needed: anyPersonal,
  },
];
