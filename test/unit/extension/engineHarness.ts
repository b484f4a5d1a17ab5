import { defaultConfig } from '../../../src/core/config/defaults';
import type { PiAuditConfig } from '../../../src/core/config/model';
import { Engine } from '../../../src/core/engine';
import { auditFields, type Audit } from '../../../src/core/scan/auditFields';

/** One real Engine for a test file (grammars load once), auditing single files as the editor does. */
export class SingleFileAudit {
  readonly config: PiAuditConfig;
  private readonly engine: Engine;

  constructor(config: Partial<PiAuditConfig> = {}) {
    this.config = { ...defaultConfig(), ...config };
    this.engine = new Engine(this.config);
  }

  async audit(file: string, text: string): Promise<Audit & { lines: string[] }> {
    const analysis = await this.engine.analyze(file, text);
    const audit = auditFields({ analyses: [analysis], texts: new Map([[file, text]]), config: this.config, lang: 'en', system: 'test' });
    return { ...audit, lines: text.split('\n') };
  }

  async fields(file: string, text: string): Promise<Awaited<ReturnType<Engine['analyze']>>['fields']> {
    return (await this.engine.analyze(file, text)).fields;
  }
}
