package io.domaindesk.infrastructure;

import io.domaindesk.ovh.OvhException;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The layout's message banner, the one way controllers fill it: a message key and always
 * an argument array (the layout cannot build an empty one itself). OVHcloud's errors are
 * shown in words with their QueryID, so that support can find the call.
 */
public final class Flash {

	static final String NO_QUERY_ID = "—";

	private Flash() {
	}

	public static void ok(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashArgs", args);
	}

	public static void ok(Model model, String key, Object... args) {
		model.addAttribute("flash", key);
		model.addAttribute("flashArgs", args);
	}

	public static void error(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("flashError", key);
		redirect.addFlashAttribute("flashArgs", args);
	}

	public static void error(Model model, String key, Object... args) {
		model.addAttribute("flashError", key);
		model.addAttribute("flashArgs", args);
	}

	/** OVHcloud's answer in words, with its QueryID for support. */
	public static void ovh(RedirectAttributes redirect, OvhException ex) {
		failed(redirect, key(ex), ex.inWords(), ex.queryId());
	}

	public static void ovh(Model model, OvhException ex) {
		failed(model, key(ex), ex.inWords(), ex.queryId());
	}

	/** An expired service or request also says what to do about it. */
	private static String key(OvhException ex) {
		return (ex instanceof OvhException.Expired) ? "ovh.expired" : "ovh.error";
	}

	/**
	 * An OVHcloud failure recorded earlier (on a trade, a change): its words and QueryID
	 * as stored, under a message of the caller's choice.
	 */
	public static void failed(RedirectAttributes redirect, String key, String inWords, String queryId) {
		error(redirect, key, inWords, queryId(queryId));
	}

	public static void failed(Model model, String key, String inWords, String queryId) {
		error(model, key, inWords, queryId(queryId));
	}

	static String queryId(String queryId) {
		return (queryId != null && !queryId.isBlank()) ? queryId : NO_QUERY_ID;
	}

}
