package io.domaindesk.agency;

import org.springframework.ui.Model;

/**
 * One section of {@code /account}, the page where a user manages their own account. Any
 * module may contribute one as a bean (ordered with {@code @Order}); the page renders the
 * fragment named {@code section} of {@link #template()}, after {@link #addTo} filled the
 * model. A section whose form failed validation finds its form object already in the
 * model and keeps it.
 */
public interface AccountSection {

	/**
	 * The template that holds the {@code section} fragment, such as
	 * {@code agency/account-password}.
	 */
	String template();

	/** Adds what the fragment needs, for the current user. */
	void addTo(Model model, DeskPrincipal user);

}
