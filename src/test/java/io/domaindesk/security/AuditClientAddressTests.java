package io.domaindesk.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The address and the values an audit row records: forwarded headers only from a
 * configured proxy, every value validated and bounded, and a row whatever the client
 * sent.
 */
@IntegrationTest
class AuditClientAddressTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Test
	void anOversizedOrMalformedRequestStillLeavesItsFailedLoginInTheAudit() {
		String marker = "xff" + System.nanoTime();
		// A name with control characters, far longer than the column; headers of 10,000
		// characters; a forwarded address from someone who is not a proxy.
		String name = marker + "\r\n\u001b[31m" + "n".repeat(10_000);
		assertThat(this.mvc.post()
			.uri("/login")
			.param("username", name)
			.param("password", "wrong")
			.header("X-Forwarded-For", "203.0.113.66")
			.header("Forwarded", "for=\"" + "x".repeat(10_000) + "\"")
			.header("User-Agent", "agent-" + "a".repeat(10_000))
			.with((request) -> {
				request.setRemoteAddr("198.51.100.7");
				return request;
			})
			.with(csrf())).hasRedirectedUrl("/login?error");
		Map<String, Object> row = this.jdbc.sql("""
				select actor, ip, action, outcome from audit_event where actor like :m order by id desc limit 1
				""").param("m", marker + "%").query().singleRow();
		assertThat(row).containsEntry("action", "login.failure")
			.containsEntry("outcome", "FAILURE")
			// The socket's peer: the header came from a client, not a trusted proxy.
			.containsEntry("ip", "198.51.100.7");
		assertThat((String) row.get("actor")).hasSize(64).doesNotContain("\n").doesNotContain("\u001b");
	}

	@Test
	void anAddressThatIsNotAnAddressAndOversizedDetailsStillLeaveTheirRow() {
		// What a permissive proxy setting used to hand over: the whole header as the
		// "address", longer than the column.
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr("203.0.113.1, " + "9".repeat(10_000));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		String marker = "big" + System.nanoTime();
		try {
			this.audit.recordAs(marker, null, AuditEntry.of(null, "login.failure", AuditOutcome.FAILURE,
					Map.of("reason", "x\u0000y" + "z".repeat(100_000), "nested", Map.of("k", "v".repeat(5000)))));
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
		Map<String, Object> row = this.jdbc.sql("""
				select ip, length(details::text) as size, details->>'reason' as reason from audit_event
				where actor = :m""").param("m", marker).query().singleRow();
		assertThat(row.get("ip")).isNull();
		assertThat((Integer) row.get("size")).isLessThan(2_500);
		assertThat((String) row.get("reason")).startsWith("x\uFFFDy").hasSize(1000);
	}

	@Test
	void forwardedHeadersCountOnlyFromAConfiguredProxyAndOnlyAsAnAddress() throws Exception {
		TrustedProxyFilter filter = new TrustedProxyFilter(new TrustedProxies(java.util.List.of("10.0.0.0/8", "::1")));
		// A trusted proxy: the nearest untrusted hop, read from the right.
		assertThat(clientSeenBy(filter, "10.0.0.5", "203.0.113.9, 198.51.100.23, 10.0.0.7")).isEqualTo("198.51.100.23");
		assertThat(clientSeenBy(filter, "::1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
		// Not an address: the walk stops, the proxy's own address is kept.
		assertThat(clientSeenBy(filter, "10.0.0.5", "evil.example, <script>")).isEqualTo("10.0.0.5");
		assertThat(clientSeenBy(filter, "10.0.0.5", "1".repeat(5000))).isEqualTo("10.0.0.5");
		// Anyone else: the header is ignored.
		assertThat(clientSeenBy(filter, "198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
		// No proxy configured (the default): ignored from everyone.
		assertThat(clientSeenBy(new TrustedProxyFilter(new TrustedProxies(null)), "10.0.0.5", "203.0.113.9"))
			.isEqualTo("10.0.0.5");
	}

	private static String clientSeenBy(TrustedProxyFilter filter, String peer, String forwardedFor) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/domains");
		request.setRemoteAddr(peer);
		request.addHeader("X-Forwarded-For", forwardedFor);
		String[] seen = new String[1];
		filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen[0] = req.getRemoteAddr());
		return seen[0];
	}

}
