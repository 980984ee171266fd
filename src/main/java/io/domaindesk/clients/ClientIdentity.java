package io.domaindesk.clients;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import io.domaindesk.domains.Inventory;

/**
 * Who a domain's owner is, independent of OVHcloud's contact ids: the organisation for a
 * legal person, first and last name for an individual, plus the e-mail address, each
 * normalised (case, accents, punctuation, spaces). Two owner contacts with the same
 * identity are the same client, which is how a copy OVHcloud makes with a new id (after a
 * trade, for example) falls back into its client.
 *
 * @param key the normalised identity, {@code null} when the owner is unknown
 * @param name the owner as the client list shows it
 * @param email the owner's e-mail address as OVHcloud has it
 */
record ClientIdentity(String key, String name, String email) {

	/** Longer keys are cut: identities that long are equal well before the end. */
	static final int MAX_KEY = 700;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	static ClientIdentity of(Inventory.OwnerIdentity owner) {
		boolean legalPerson = !blank(owner.ownerOrganisation()) && !"individual".equals(owner.ownerLegalForm());
		String who = legalPerson ? owner.ownerOrganisation() : owner.ownerName();
		String email = blank(owner.ownerEmail()) ? null : owner.ownerEmail().strip();
		if (blank(who) && email == null) {
			// Nothing known about the owner but its contact id: a client of its own.
			return blank(owner.ownerContactId()) ? new ClientIdentity(null, null, null)
					: new ClientIdentity("c:" + owner.ownerContactId(), "#" + owner.ownerContactId(), null);
		}
		// Letters and digits only: "ACME S.A.S." and "Acme SAS", "Jean-Pierre" and
		// "Jean Pierre" are the same owner.
		String key = (legalPerson ? "o:" : "p:") + normalise(who).replace(" ", "") + "|"
				+ ((email != null) ? email.toLowerCase(Locale.ROOT) : "");
		String name = !blank(who) ? who.strip() : email;
		return new ClientIdentity(cut(key, MAX_KEY), cut(name, 255), cut(email, 255));
	}

	/** Lower case, without accents, punctuation or repeated spaces. */
	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return SEPARATORS.matcher(plain).replaceAll(" ").strip();
	}

	static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
