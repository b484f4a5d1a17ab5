import type { ExtractedField } from '../extract/model';
import { CONTACT_LIKE } from './categorySets';
import type { EntityContext } from './entityContext';
import type { TermHit } from './termIndex';

/** Where the term was found: the tokens and the description text in front of it. */
export interface TermSite {
  hit: TermHit;
  qualifier: readonly string[];
  qualifierText: string;
}

/**
 * A person's generic fields change meaning inside some entities and after some qualifiers: an
 * emergency contact's name is `contacts.list`, a guardian's phone `other.minor`, a relative's
 * name `basic.family`, a phone number in a call record `communication.record`, a person's
 * standalone city `location.coarse`.
 */
export function refineForEntity(category: string, site: TermSite, context: EntityContext, siblings: readonly ExtractedField[]): string {
  const { hit, qualifier, qualifierText } = site;
  if (qualifier.includes('emergency') || qualifierText.includes('紧急联系人')) return CONTACT_LIKE.includes(category) ? 'contacts.list' : category;
  if (qualifier.includes('guardian') || qualifier.includes('jhr') || qualifierText.includes('监护人')) {
    return CONTACT_LIKE.includes(category) || category.startsWith('identity.') ? 'other.minor' : category;
  }
  switch (context.role) {
    case 'emergency-contact':
      return CONTACT_LIKE.includes(category) ? 'contacts.list' : category;
    case 'guardian':
      return CONTACT_LIKE.includes(category) ? 'other.minor' : category;
    case 'family':
      return category === 'basic.name' ? 'basic.family' : category;
    case 'communication':
      if (category === 'basic.phone' || category === 'network.account' || category === 'online.activity') return 'communication.record';
      if (category === 'communication.record' && hit.entry.contextual) return 'communication.record';
      return category;
    case 'lodging':
      return category === 'basic.address' || category === 'location.coarse' ? 'location.lodging' : category;
    default:
      break;
  }
  if (category === 'basic.address' && hit.term === 'city' && context.role !== 'address') {
    const isPostal = siblings.some((s) => /addr|address|street|district|detail|地址/i.test(`${s.name} ${s.description ?? ''}`));
    if (!isPostal) return 'location.coarse';
  }
  return category;
}
