/**
 * Commercialisation signals: which of a creator's recent posts are sponsored (disclosure markers in hashtags and
 * caption, the platform's paid-partnership flag, discount codes and affiliate links, read in context: negated
 * markers, partner brands tied to the deal, the creator's own products as self-promotion), the sponsored share and
 * the disclosure gap (sponsored by code or link but not disclosed); the evaluation on hand-labelled real captions
 * lives in the {@code evaluation} sub-package. The marker lists are data ({@code markers.json}
 * beside these classes). Uses the JDK, Jackson (to read the lists), the domain records and the shared signal types;
 * no Spring, SQL or HTTP.
 */
package io.microreach.signals.commercial;
