package io.domaindesk.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links of a page cost nothing per link: only WebJar links are given to the resource
 * chain (to get their version); a link to a page of the application never is, since the
 * static handler ({@code /**}) would look for it in every jar of the classpath, per link
 * and per request (issue 15: 61 % of a list page's CPU).
 */
@IntegrationTest
class PageLinksTests {

	@LocalServerPort
	int port;

	@Autowired
	ResourceUrlProvider resources;

	@Test
	void onlyWebJarLinksAreLookedUpAndTheyKeepTheirVersion() {
		ResourceHttpRequestHandler statics = this.resources.getHandlerMap().get("/**");
		List<String> lookedUp = new CopyOnWriteArrayList<>();
		ResourceResolver recorder = new Recorder(lookedUp);
		statics.getResourceResolvers().add(0, recorder);
		try {
			BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
			for (String page : List.of("/domains", "/nic-changes?state=all", "/trades")) {
				String html = bob.get(page).body();
				assertThat(html).as(page)
					.containsPattern("/webjars/bootstrap/\\d[^/\"]*/css/bootstrap\\.min\\.css")
					.containsPattern("/webjars/htmx\\.org/\\d[^/\"]*/dist/htmx\\.min\\.js")
					.contains("href=\"/css/app.css\"");
			}
			assertThat(lookedUp).as("links looked up as static files").isEmpty();
		}
		finally {
			statics.getResourceResolvers().remove(recorder);
		}
	}

	/**
	 * A WebJar link's version is looked up once, not on every page: the lookup searches
	 * the classpath, hit or miss (half of the CPU of a list page before).
	 */
	@Test
	void eachWebJarLinkIsLookedUpOnceNotOnEveryPage() {
		ResourceHttpRequestHandler webjars = this.resources.getHandlerMap().get("/webjars/**");
		assertThat(webjars).as("the WebJars' handler").isNotNull();
		List<String> lookedUp = new CopyOnWriteArrayList<>();
		ResourceResolver recorder = new Recorder(lookedUp);
		webjars.getResourceResolvers().add(0, recorder);
		try {
			BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
			for (int i = 0; i < 3; i++) {
				for (String page : List.of("/domains", "/clients", "/trades")) {
					assertThat(bob.get(page).body()).as(page)
						.containsPattern("/webjars/bootstrap/\\d[^/\"]*/css/bootstrap\\.min\\.css");
				}
			}
			assertThat(lookedUp).as("WebJar links looked up over 9 pages").doesNotHaveDuplicates();
		}
		finally {
			webjars.getResourceResolvers().remove(recorder);
		}
	}

	/** Notes each path the static handler is asked to write as a URL. */
	private record Recorder(List<String> lookedUp) implements ResourceResolver {

		@Override
		public Resource resolveResource(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return chain.resolveResource(request, requestPath, locations);
		}

		@Override
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			this.lookedUp.add(resourcePath);
			return chain.resolveUrlPath(resourcePath, locations);
		}

	}

}
