/** The classifier's verdict on one field. */
export interface Classification {
  /** True when the field holds personal information. */
  isPI: boolean;
  /** A category id from the categories table (`identity.id_number`…), `business.*`, or null. */
  category: string | null;
  /** Sensitive personal information (PIPL Art. 28). */
  sensitive: boolean;
  /** 0..1: how sure the classifier is of `isPI` together with `category`. */
  confidence: number;
  /** Human-readable evidence: which token, comment word, type, context or value matched. */
  reasons: string[];
  /** The field looks encrypted, hashed or masked (it is still PI). */
  protected: boolean;
}
