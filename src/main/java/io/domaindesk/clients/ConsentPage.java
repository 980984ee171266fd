package io.domaindesk.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.domaindesk.audit.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /consent/{token}}: the only public page besides login. It shows the owner the
 * stored text of the request, in the owner's language, and takes one answer. Whatever
 * makes a link unusable (unknown, used, expired, revoked, malformed) gives the same
 * neutral page with the same status and body, so a visitor learns nothing from trying.
 */
@Controller
@RequestMapping("/consent/{token}")
class ConsentPage {

	/** The neutral page's status: not found, whatever the reason. */
	static final int NEUTRAL_STATUS = HttpServletResponse.SC_NOT_FOUND;

	private final AnswerConsent answers;

	private final ConsentRateLimit rateLimit;

	private final ConsentProperties properties;

	private final MessageSource messages;

	ConsentPage(AnswerConsent answers, ConsentRateLimit rateLimit, ConsentProperties properties,
			MessageSource messages) {
		this.answers = answers;
		this.rateLimit = rateLimit;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping
	String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.rateLimit.admit(AuditLog.clientIp())) {
			return limited(request, response, model);
		}
		Optional<ConsentRequest> open = this.answers.open(token);
		if (open.isEmpty()) {
			return neutral(request, response, model);
		}
		ConsentRequest consent = open.get();
		Locale locale = Locale.forLanguageTag(consent.getLocale());
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("t", texts(locale, "title", "agree", "decline", "comment", "commentHelp", "sha"));
		model.addAttribute("paragraphs", paragraphs(consent.getShownText()));
		model.addAttribute("sha256", consent.getShownSha256());
		model.addAttribute("maxComment", this.properties.maxComment());
		model.addAttribute("token", token);
		return "clients/consent";
	}

	@PostMapping
	String answer(@PathVariable String token, @RequestParam(defaultValue = "") String answer,
			@RequestParam(required = false) String comment, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!this.rateLimit.admit(AuditLog.clientIp())) {
			return limited(request, response, model);
		}
		if (!answer.equals("agree") && !answer.equals("decline")) {
			return neutral(request, response, model);
		}
		Optional<ConsentRequest> answered = this.answers.answer(token, answer.equals("agree"), comment,
				request.getHeader(HttpHeaders.USER_AGENT));
		if (answered.isEmpty()) {
			return neutral(request, response, model);
		}
		Locale locale = Locale.forLanguageTag(answered.get().getLocale());
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("t", texts(locale, "title", "thanks"));
		model.addAttribute("outcome",
				this.messages.getMessage("consent.page.answered." + answered.get().getStatus(), null, locale));
		return "clients/consent-answered";
	}

	private String neutral(HttpServletRequest request, HttpServletResponse response, Model model) {
		Locale locale = browserLocale(request);
		response.setStatus(NEUTRAL_STATUS);
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("t", texts(locale, "title", "neutral.heading", "neutral.text"));
		return "clients/consent-neutral";
	}

	private String limited(HttpServletRequest request, HttpServletResponse response, Model model) {
		Locale locale = browserLocale(request);
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, "60");
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("t", texts(locale, "title", "limited.heading", "limited.text"));
		return "clients/consent-neutral";
	}

	/** The page's own words, in the recipient's language whatever the browser says. */
	private Map<String, String> texts(Locale locale, String... keys) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : keys) {
			String name = key.contains(".") ? key.substring(key.indexOf('.') + 1) : key;
			texts.put(name, this.messages.getMessage("consent.page." + key, null, locale));
		}
		return texts;
	}

	/** Blank lines separate paragraphs; the first paragraph is the heading. */
	static List<List<String>> paragraphs(String text) {
		List<List<String>> paragraphs = new ArrayList<>();
		for (String block : text.split("\n\n")) {
			paragraphs.add(List.of(block.split("\n")));
		}
		return paragraphs;
	}

	private static Locale browserLocale(HttpServletRequest request) {
		return "fr".equals(request.getLocale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
	}

}
