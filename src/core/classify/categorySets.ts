/** Groups of category ids the classifier's checks refer to. */

/** Categories whose yes/no flag itself reveals the trait (is_pregnant, is_minor, sfcj). */
export const TRAIT_CATEGORIES = new Set(['health.record', 'other.minor', 'other.criminal', 'identity.special', 'other.marital', 'other.religion', 'other.sexual_orientation', 'biometric.face', 'biometric.fingerprint']);

/** Heads that still carry the trait for trait categories (abnormal_flag, pregnancy_status). */
export const TRAIT_HEADS = new Set(['flag', 'status', 'state']);

/** Categories that hold text; a numeric column of them is a foreign key or a code, not the value. */
export const TEXT_CATEGORIES = new Set(['basic.name', 'basic.email', 'basic.photo', 'identity.document_image', 'network.account', 'basic.family', 'work.record', 'contacts.list', 'communication.content']);

/** Text no integer column can hold: an integer `post_author` points at a person, it does not name one. */
export const NEVER_NUMBERS = new Set(['basic.name', 'basic.email', 'basic.photo', 'identity.document_image', 'communication.content']);

/** Categories (or prefixes) that are PI only when the owner is a person (a supplier's bank account is not). */
export const OWNER_DEPENDENT = ['network.credential', 'basic.address', 'basic.phone', 'basic.email', 'basic.photo', 'property.', 'location.', 'device.', 'network.account', 'network.ip', 'communication.', 'online.'];

/** Traits only a natural person has: a thing's 产地 or launch date is no birthplace or birthday. */
export const PERSON_ONLY = new Set(['basic.birth', 'basic.gender', 'basic.age', 'basic.nationality', 'basic.ethnicity', 'basic.political', 'other.marital', 'other.religion', 'other.sexual_orientation']);

/** A person's generic contact fields, which emergency contacts, guardians and families remap. */
export const CONTACT_LIKE = ['basic.name', 'basic.phone', 'basic.family', 'basic.address', 'basic.email'];

/** Words that, inside a medical record entity, make a generic field part of the record. */
export const MEDICAL_RECORD_WORDS = new Set(['report', 'result', 'results', 'file', 'attachment', 'pdf', 'image', 'conclusion', 'advice']);

export function isOwnerDependent(category: string): boolean {
  return OWNER_DEPENDENT.some((prefix) => category.startsWith(prefix));
}
