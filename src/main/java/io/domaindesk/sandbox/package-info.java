/**
 * An OVHcloud API v1 emulator served under {@code /ovh-sandbox/1.0}, independent of the
 * client module.
 *
 * <p>
 * Facts of {@code ovh-api-notes.md} it models for connecting accounts, owner rules and
 * contact changes (issue 13, with their source):
 * <ul>
 * <li>The consumer key is validated on OVHcloud's own page behind {@code validationUrl},
 * another origin than the application, which then redirects to {@code redirection} (notes
 * §1.5, docs {@code api_right_delegation}): {@link CredentialPage} on {@code localhost}
 * for a caller at {@code 127.0.0.1} and the other way round.</li>
 * <li>First and last name are the owner's identity only for an individual, the
 * organisation name for a legal person: the {@code update} rule makes them read-only
 * "when {@code legalForm == individual} and the name is set" (notes §4.5, §4.6, docs
 * {@code api_domain_contacts} "le nom/prénom pour une personne physique ou le nom de
 * l'entreprise/association pour une personne morale"): {@link OwnerRules}, with a
 * top-level {@code and} of conditions and a nested group inside
 * {@code OWNER_CONTACT.fields} (rule format, notes §4.6).</li>
 * <li>{@code PUT /domain/contact/{id}} keeps what the body leaves out; an explicit
 * {@code null} clears an optional field (schema {@code domain.Contact}: every property
 * nullable, notes §4.5): {@link OwnerContacts}.</li>
 * <li>Contact-change lists filter by {@code state} and the states are
 * {@code todo|checkValidity|validatingByCustomers|doing} pending, the others final (notes
 * §3.1, §4.3): {@link ContactChangeApi}; Iceberg on or off (notes §3.2).</li>
 * <li>Tokens are personal: each party answers from its own account with the token mailed
 * to it (notes §4.3, docs {@code managing_contacts}); {@link TokenPolicy} keeps a lenient
 * demo mode ({@code domaindesk.sandbox.contact-change-tokens.lenient}).</li>
 * <li>HTTP 460 means an expired resource (notes §2.2, python-ovh
 * {@code ResourceExpiredError}): answering an expired contact change.</li>
 * <li>{@code changeContact} answers a list of task ids, one per nichandle (notes §4.3,
 * docs {@code api_domain_contacts}); contacts already in place get no task, so the list
 * can be empty (inferred, not written in a source).</li>
 * </ul>
 */
package io.domaindesk.sandbox;
