package io.domaindesk.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.opentest4j.AssertionFailedError;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core (the WebJar on the test classpath) run inside the page the browser shows,
 * against WCAG 2.1 A and AA. The script is handed to the page by WebDriver, which the
 * page's Content Security Policy does not govern: the application's policy stays as it
 * is. A page already checked in the same state (same address, same number of elements) is
 * not checked again, so that polling loops do not pay for it each time.
 */
final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/**
	 * {@code DOMAINDESK_AXE_REPORT=file}: the violations of every page are appended to
	 * this file instead of failing at the first page, to see all that is left to fix in
	 * one run. Never set in CI.
	 */
	private static final String REPORT = System.getenv("DOMAINDESK_AXE_REPORT");

	private static final String SOURCE = load();

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
			  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
			     targets: v.nodes.map(n => n.target.join(' '))}))))
			  .catch(e => done('axe failed: ' + e));
			""";

	private final Set<String> checked = new HashSet<>();

	private static String load() {
		String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("axe-core is not on the test classpath: " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks the page shown now and fails with every violation found: rule, impact,
	 * elements (CSS selectors) and the page's address.
	 */
	void check(JavascriptExecutor page) {
		String state;
		try {
			state = (String) page.executeScript("return document.readyState === 'complete' && !document.querySelector"
					+ "('.htmx-request, .htmx-swapping, .htmx-settling') ? location.href + ' #'"
					+ " + document.getElementsByTagName('*').length : null;");
		}
		catch (UnhandledAlertException ex) {
			// A dialog the journey is about to read: the page under it was checked
			// before.
			return;
		}
		if (state == null || !this.checked.add(state)) {
			return;
		}
		String url = state.substring(0, state.lastIndexOf(" #"));
		Object result;
		try {
			page.executeScript("if (typeof window.axe === 'undefined') {" + SOURCE + "\n}");
			result = page.executeAsyncScript(RUN, TAGS);
		}
		catch (UnhandledAlertException ex) {
			this.checked.remove(state);
			return;
		}
		catch (WebDriverException ex) {
			// The page went away while axe read it (a click's navigation): the next page
			// is checked in its turn.
			this.checked.remove(state);
			return;
		}
		if (result instanceof String failure) {
			throw new AssertionFailedError(failure + " on " + url);
		}
		List<String> lines = new ArrayList<>();
		for (Object item : (List<?>) result) {
			Map<?, ?> violation = (Map<?, ?>) item;
			lines.add("- " + violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
					+ "\n    " + String.join("\n    ",
							((List<?>) violation.get("targets")).stream().map(String::valueOf).toList()));
		}
		if (!lines.isEmpty() && REPORT != null) {
			try {
				Files.writeString(Path.of(REPORT), url + "\n" + String.join("\n", lines) + "\n",
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return;
		}
		if (!lines.isEmpty()) {
			throw new AssertionFailedError(
					"Accessibility (axe-core, WCAG 2.1 A/AA) violations on " + url + ":\n" + String.join("\n", lines));
		}
	}

}
