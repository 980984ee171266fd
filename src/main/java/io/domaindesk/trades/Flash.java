package io.domaindesk.trades;

import io.domaindesk.ovh.OvhException;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The layout's message banner: a key and always an argument array (the layout cannot
 * build an empty one itself).
 */
final class Flash {

	private Flash() {
	}

	static void ok(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashArgs", args);
	}

	static void error(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("flashError", key);
		redirect.addFlashAttribute("flashArgs", args);
	}

	static void error(Model model, String key, Object... args) {
		model.addAttribute("flashError", key);
		model.addAttribute("flashArgs", args);
	}

	/** OVHcloud's answer in words, with its QueryID for support. */
	static void ovh(RedirectAttributes redirect, OvhException ex) {
		error(redirect, "ovh.error", UpdateOwner.describe(ex), queryId(ex.queryId()));
	}

	static void ovh(Model model, OvhException ex) {
		error(model, "ovh.error", UpdateOwner.describe(ex), queryId(ex.queryId()));
	}

	static String queryId(String queryId) {
		return (queryId != null) ? queryId : "—";
	}

}
