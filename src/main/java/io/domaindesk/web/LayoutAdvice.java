package io.domaindesk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the layout needs on every page: the current user and links that switch language
 * without losing the filters in the current URL.
 */
@ControllerAdvice
class LayoutAdvice {

	private final CurrentUser currentUser;

	LayoutAdvice(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@ModelAttribute("me")
	DeskPrincipal me() {
		return this.currentUser.find().orElse(null);
	}

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		Map<String, String> links = new LinkedHashMap<>();
		for (var locale : WebConfiguration.SUPPORTED) {
			String url = ServletUriComponentsBuilder.fromRequest(request)
				.replaceQueryParam("lang", locale.getLanguage())
				.build()
				.toUriString();
			// Only the path and query: the host comes from the browser, never from a
			// forged Host header.
			int pathStart = url.indexOf('/', url.indexOf("//") + 2);
			links.put(locale.getLanguage(), (pathStart >= 0) ? url.substring(pathStart) : "/");
		}
		return links;
	}

}
