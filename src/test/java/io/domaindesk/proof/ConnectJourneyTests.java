package io.domaindesk.proof;

import java.net.URI;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import io.domaindesk.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency admin connects an OVHcloud account by requesting a consumer key: the form,
 * OVHcloud's validation page on another origin (the sandbox serves it at
 * {@code localhost} while the application is browsed at {@code 127.0.0.1}), and back in
 * DomainDesk with the connection tested. The extension fails the journey on any Content
 * Security Policy violation, such as a form redirect to another origin that Chromium
 * blocks.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@Tag("browser")
class ConnectJourneyTests {

	@LocalServerPort
	int port;

	@Test
	void anAdminConnectsAnAccountWithARequestedConsumerKey(Browser browser) {
		browser.base(this.port);
		browser.loginAs("alice");
		browser.open("/admin/ovh-accounts");
		String label = "Requested key " + System.nanoTime();
		browser.type("#label", label);
		// Agency admins choose from a list; the built-in sandbox is one of its entries.
		new Select(browser.find("#endpoint")).selectByValue("sandbox");
		browser.type("#applicationKey", "dd-demo-ak-exemple");
		browser.type("#applicationSecret", "dd-demo-as-exemple-0123456789abcdef");
		browser.button("Connect").click();

		browser.await(d -> browser.path().endsWith("/authorize"));
		browser.button("Continue at OVHcloud").click();
		browser.await(d -> d.getCurrentUrl().contains("/ovh-sandbox/auth"));
		URI ovhcloud = URI.create(browser.driver().getCurrentUrl());
		assertThat(ovhcloud.getHost()).as("OVHcloud's page is another origin").isEqualTo("localhost");
		browser.button("Authorise").click();

		browser.await(d -> browser.path().endsWith("/validated"));
		assertThat(browser.text()).contains("Back from OVHcloud: " + label);
		browser.button("Test the connection").click();
		browser.await(d -> browser.path().equals("/admin/ovh-accounts"));
		assertThat(browser.text()).contains(label).contains("Connected as ae1000-ovh");
		assertThat(browser.consoleErrors()).isEmpty();
	}

}
