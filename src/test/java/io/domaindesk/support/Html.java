package io.domaindesk.support;

import java.io.UnsupportedEncodingException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rendered page read as HTML, for slices that check what the user sees: a field, what
 * was typed in it, the error beside it.
 */
public final class Html {

	private final Document document;

	private Html(Document document) {
		this.document = document;
	}

	public static Html of(MvcResult result) throws UnsupportedEncodingException {
		return new Html(Jsoup.parse(result.getResponse().getContentAsString()));
	}

	public Document document() {
		return this.document;
	}

	/** The one form control with this name; fails when there is none. */
	public Element field(String name) {
		Element field = this.document.selectFirst("[name=\"" + name + "\"]");
		assertThat(field).as("a field named %s", name).isNotNull();
		return field;
	}

	/** The error shown beside a field: its block (label, input, help, error) holds it. */
	public String errorBeside(String name) {
		Element field = field(name);
		assertThat(field.hasClass("is-invalid")).as("%s is marked invalid", name).isTrue();
		Element error = field.parent().selectFirst(".invalid-feedback");
		assertThat(error).as("an error beside %s", name).isNotNull();
		return error.text();
	}

	/** A field without an error beside it. */
	public void noErrorBeside(String name) {
		Element field = field(name);
		assertThat(field.hasClass("is-invalid")).as("%s is marked invalid", name).isFalse();
		assertThat(field.parent().select(".invalid-feedback")).as("errors beside %s", name).isEmpty();
	}

	public String text() {
		return this.document.text();
	}

}
