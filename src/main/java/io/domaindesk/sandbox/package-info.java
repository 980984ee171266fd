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
 * <li>HTTP 460 means an expired resource (notes §2.2 and §2.3, python-ovh
 * {@code ResourceExpiredError}): answering an expired contact change, and a contact
 * change on a lapsed domain service ({@code services.Service} status {@code expired},
 * notes §4.2; notes §2.2 also saw "This service is expired" without its status, the
 * status here is a choice): {@link ContactChanges}, {@link Domains#EXPIRED}.</li>
 * <li>{@code changeContact} answers a list of task ids, one per nichandle (notes §4.3,
 * docs {@code api_domain_contacts}); contacts already in place get no task, so the list
 * can be empty (inferred, not written in a source): {@link ContactChanges}.</li>
 * <li>A contact-change task carries its own creation date, {@code dateRequest} ("Date at
 * which the request has been made", schema {@code v1/me.json}
 * {@code nichandle.contactChange.Task}; the model has no {@code creationDate}, that is
 * {@code domain.Task}'s); the sandbox's 7-day expiry (issue 16's figure, no source in the
 * notes) counts from it. A task may be days old when a client first reads it (asked in
 * the Control Panel, or recorded by the client later than OVHcloud created it):
 * {@link ContactChangeControl#requestedAt}, expiry in {@link ContactChanges}.</li>
 * <li>The clock: the client signs with server time learnt from the unauthenticated
 * {@code GET /auth/time} (notes §1.3, schema {@code v1/auth.json}), which the wrappers
 * learn once and never again (notes §1.3 "re-sync on auth failures yourself"), while
 * server clocks can be minutes off (notes §6.3, Posh-ACME#162). A timestamp more than 5
 * minutes off is refused before anything runs with the legacy {@code QUERY_TIME_OUT}
 * (notes §2.1 shape, §2.2; its status is undocumented, 400 here) and a bad signature with
 * {@code INVALID_SIGNATURE} 400 (notes §2.2). Per account, {@link ClockSkews} moves
 * OVHcloud's clock so that signed calls fail until the client reads the time again (or
 * for good, when the time endpoint and the check disagree); {@link CallLog} counts what
 * the sandbox received, to prove a refused write is sent once more and never a third
 * time.</li>
 * </ul>
 *
 * <p>
 * Facts it models for orders, owner changes and their tasks (issue 13, with their
 * source):
 * <ul>
 * <li>An order is paid at checkout only with {@code autoPayWithPreferredPaymentMethod}
 * and a default payment method (guide line 374 "payer automatiquement le bon de commande
 * avec le moyen de paiement par défaut du Nic"; schema {@code v1/me.json}
 * {@code /me/payment/method}); otherwise it stays {@code notPaid} (notes §4.8, status
 * enum of {@code GET /me/order/{orderId}/status}) until paid with a registered means
 * ({@code availableRegisteredPaymentMean}, {@code payWithRegisteredPaymentMean}, notes
 * §4.8) or in the Control Panel at the order's {@code url} ({@code billing.Order}, notes
 * §4.8). Per account: a default method, a registered one only, or none
 * ({@link SandboxAccounts.Payment}, {@link AccountSettings}, {@link Carts},
 * {@link PaymentApi}), with the older {@code /me/paymentMean/*} routes (schema
 * {@code v1/me.json}).</li>
 * <li>An unpaid order past its {@code expirationDate} is {@code cancelled} (notes §4.8:
 * {@code billing.Order.expirationDate}, status {@code cancelled}); OVHcloud may also
 * cancel an order, or it may answer 404 "The requested object (id = …) does not exist"
 * (notes §2.2): {@link SandboxAccounts#cancelOrder},
 * {@link SandboxAccounts#forgetOrder}.</li>
 * <li>A completed owner change may leave the domain with a new owner contact, a copy with
 * another id ("un nouveau contact propriétaire est créé … afin de toujours avoir un
 * identifiant unique par domaine", guide line 154): per account in
 * {@link AccountSettings} ({@code copyOwnerOnTrade}), done by {@link DomainTasks}.</li>
 * <li>A {@code DomainTrade} task in {@code error} needs an argument fixed before a
 * relaunch; relaunching without the fix fails again (notes §0 item 13 and §4.4,
 * "fix-and-relaunch flow", docs {@code api_domain_tasks}; schema {@code v1/me.json}
 * {@code /me/task/domain/{id}/argument/{key}}): per account ({@code tradeTaskError}),
 * {@link TaskArguments}, {@link TaskArgumentApi}, {@link DomainTasks}.</li>
 * <li>The new-account rules give the phone a {@code prefix} for France
 * ({@code nichandle.CreationRule.prefix} "Prefix of the field value", schema
 * {@code v1/newAccount.json}; the Control Panel puts it before what is typed,
 * {@code ovh/manager} {@code newAccountForm} field controller):
 * {@link NewAccountApi}.</li>
 * </ul>
 */
package io.domaindesk.sandbox;
