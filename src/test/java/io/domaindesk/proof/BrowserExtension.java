package io.domaindesk.proof;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.AssertionFailedError;

/**
 * Gives a test class the run's one Chromium ({@link Browser} parameters), made fresh for
 * it, saves a screenshot and the HTML under {@code target/browser-screenshots/} when a
 * step fails, and decides what a missing browser means: skipped on a developer's machine,
 * a failure when {@code CI=true} (CI must not pass by skipping). A journey fails when its
 * pages wrote an error to the console (a script error, a resource that did not load, a
 * broken Content Security Policy: a blocked form redirect, script or style) or when
 * axe-core finds an accessibility violation in one of them (see
 * {@link Browser#checkAccessibility()}).
 */
public class BrowserExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver,
		TestExecutionExceptionHandler, TestWatcher {

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		String missing = Browser.missing();
		if (missing != null) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionFailedError("CI=true and the browser journeys cannot run: " + missing);
			}
			Assumptions.abort("Browser journeys skipped: " + missing);
		}
		// One Chromium for the whole run (the root store closes it at the end), made
		// fresh for each class: starting one costs more than a journey's step.
		Shared shared = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent(Shared.class, (key) -> new Shared(), Shared.class);
		Path downloads = Path.of("target", "browser-downloads", UUID.randomUUID().toString());
		context.getStore(NAMESPACE).put(Browser.class, shared.freshFor(downloads));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Browser browser = browser(context);
		if (browser != null) {
			java.util.List<String> errors = browser.consoleErrors();
			if (!errors.isEmpty()) {
				throw new AssertionFailedError(
						"Errors in the console during " + context.getDisplayName() + ":\n" + String.join("\n", errors));
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return browser(context);
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
		// Here, not in testFailed: the page is still the one the step failed on.
		Browser browser = browser(context);
		if (browser != null) {
			try {
				String name = context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName();
				Path file = browser.screenshot(SCREENSHOTS, name);
				throwable.addSuppressed(new RuntimeException("Screenshot of the failed step: " + file.toAbsolutePath()
						+ " (page " + browser.driver().getCurrentUrl() + ")"));
			}
			catch (Exception ex) {
				throwable.addSuppressed(ex);
			}
		}
		throw throwable;
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		System.err.println("Browser journey failed: " + context.getDisplayName() + ", screenshots in "
				+ SCREENSHOTS.toAbsolutePath());
	}

	/** The run's Chromium, started by the first class that needs it. */
	static final class Shared implements AutoCloseable {

		private Browser browser;

		Browser freshFor(Path downloads) {
			if (this.browser == null) {
				this.browser = Browser.start(downloads);
			}
			else {
				try {
					this.browser.reset(downloads);
				}
				catch (RuntimeException ex) {
					// A browser that cannot be made fresh (it crashed): a new one.
					this.browser.close();
					this.browser = Browser.start(downloads);
				}
			}
			return this.browser;
		}

		@Override
		public void close() {
			if (this.browser != null) {
				this.browser.close();
			}
		}

	}

	private static Browser browser(ExtensionContext context) {
		// Stores are looked up through the parents: the class's browser is found from a
		// method.
		return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
	}

}
