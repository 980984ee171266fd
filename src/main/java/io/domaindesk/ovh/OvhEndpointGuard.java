package io.domaindesk.ovh;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Where DomainDesk may send a signed OVHcloud call (server-side request forgery).
 * OVHcloud's own API hosts are trusted as they are; any other host is resolved here,
 * every address it resolves to is checked, and the call then goes to the checked address
 * itself (with the host name kept for TLS and the {@code Host} header), so a DNS answer
 * that changes between the check and the connection (rebinding) does not get through.
 * <p>
 * Loopback is allowed only while the built-in sandbox is on: it is served on the
 * application's own port.
 */
public final class OvhEndpointGuard {

	/** The hosts of {@code ovh-eu}, {@code ovh-ca} and {@code ovh-us}. */
	static final Set<String> OVHCLOUD_HOSTS = Set.of("eu.api.ovh.com", "ca.api.ovh.com", "api.us.ovhcloud.com",
			"www.ovh.com", "ca.ovh.com", "us.ovhcloud.com");

	/**
	 * Resolves a host name; tests substitute a resolver that lies, as a rebinding DNS
	 * would.
	 */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	static {
		// A pinned request names its host in the Host header, which the JDK's client
		// refuses unless told otherwise (read once, when the client is first loaded).
		if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
			System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
		}
	}

	private static final OvhEndpointGuard OPEN = new OvhEndpointGuard(false, true, InetAddress::getAllByName);

	private final boolean enforced;

	private final boolean loopbackAllowed;

	private final Resolver resolver;

	private OvhEndpointGuard(boolean enforced, boolean loopbackAllowed, Resolver resolver) {
		this.enforced = enforced;
		this.loopbackAllowed = loopbackAllowed;
		this.resolver = resolver;
	}

	/** No checks: for tools and tests that talk to a server of their own. */
	public static OvhEndpointGuard open() {
		return OPEN;
	}

	/**
	 * The application's guard.
	 * @param sandboxOn whether the built-in sandbox is served (loopback then allowed)
	 */
	public static OvhEndpointGuard enforced(boolean sandboxOn) {
		return new OvhEndpointGuard(true, sandboxOn, InetAddress::getAllByName);
	}

	public OvhEndpointGuard withResolver(Resolver resolver) {
		return new OvhEndpointGuard(this.enforced, this.loopbackAllowed, resolver);
	}

	/**
	 * Checks a custom base URL as a platform admin sets it: {@code https} (plain
	 * {@code http} only to loopback while the sandbox is on), a host, no user info, query
	 * or fragment. What it resolves to is checked again on every connection.
	 * @throws IllegalArgumentException saying what is wrong
	 */
	public static URI checkBaseUrl(String url, boolean sandboxOn) {
		URI uri = parse(url);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		// An address written in the URL is refused now rather than at the first call; a
		// name is checked, resolved, on every connection.
		InetAddress literal = literal(host);
		if (literal != null && forbidden(literal) && !(sandboxOn && isLoopback(literal))) {
			throw new IllegalArgumentException(
					"A custom OVHcloud endpoint cannot point at a loopback, private, link-local or multicast address");
		}
		if ("http".equals(uri.getScheme())) {
			boolean loopback = host.equals("localhost") || isLoopbackLiteral(host);
			if (!sandboxOn || !loopback) {
				throw new IllegalArgumentException(
						"A custom OVHcloud endpoint must use https (plain http only to this machine while the sandbox is on)");
			}
		}
		return uri;
	}

	/**
	 * What every base URL must satisfy, whoever set it: http(s), a host, no user info
	 * ({@code https://eu.api.ovh.com@evil.example}), no query or fragment ({@code ?}
	 * would swallow the path DomainDesk appends).
	 */
	static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new IllegalArgumentException("An OVHcloud endpoint is ovh-eu, ovh-ca, ovh-us or an https URL");
		}
		if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
			throw new IllegalArgumentException("An OVHcloud endpoint URL cannot carry a user name or password");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new IllegalArgumentException("An OVHcloud endpoint URL needs a host name");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || url.contains("?") || url.contains("#")) {
			throw new IllegalArgumentException("An OVHcloud endpoint URL cannot have a query or a fragment");
		}
		return uri;
	}

	/**
	 * Where one request goes: the checked address, and the {@code Host} header naming
	 * what was checked (null when the URI already names the address).
	 */
	record Target(URI uri, String host) {

		HttpRequest.Builder request() {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.uri);
			if (this.host != null) {
				try {
					request.header("Host", this.host);
				}
				catch (IllegalArgumentException ex) {
					// The JDK was loaded before jdk.httpclient.allowRestrictedHeaders was
					// set: the address stays pinned, the Host header names it.
				}
			}
			return request;
		}

	}

	/**
	 * Resolves and checks the request's host, and returns the URI to connect to.
	 * @throws OvhException.NetworkError when an address is refused (nothing is sent)
	 */
	Target target(URI uri, String method, String template) {
		String host = uri.getHost();
		if (!this.enforced || host == null || OVHCLOUD_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
			return new Target(uri, null);
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(bare);
		}
		catch (UnknownHostException ex) {
			throw refused(method, template, "the endpoint's host name does not resolve");
		}
		if (addresses == null || addresses.length == 0) {
			throw refused(method, template, "the endpoint's host name does not resolve");
		}
		for (InetAddress address : addresses) {
			if (forbidden(address) && !(this.loopbackAllowed && isLoopback(address))) {
				throw refused(method, template,
						"the endpoint resolves to a loopback, private, link-local or multicast address");
			}
		}
		InetAddress chosen = addresses[0];
		String literal = (chosen instanceof Inet6Address) ? "[" + stripZone(chosen.getHostAddress()) + "]"
				: chosen.getHostAddress();
		// Rebuilt from the raw parts, so the bytes of path and query stay exactly those
		// that were signed.
		String pinned = uri.getScheme() + "://" + literal + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "")
				+ uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		boolean literalHost = bare.equalsIgnoreCase(chosen.getHostAddress());
		return new Target(URI.create(pinned), literalHost ? null : hostHeader(host, uri.getPort()));
	}

	private static String stripZone(String address) {
		int percent = address.indexOf('%');
		return (percent < 0) ? address : address.substring(0, percent);
	}

	private static String hostHeader(String host, int port) {
		return (port < 0) ? host : host + ":" + port;
	}

	private static OvhException refused(String method, String template, String why) {
		return new OvhException.NetworkError(
				new OvhException.Failure(0, "ENDPOINT_REFUSED", "call refused: " + why, null, null, method, template),
				null);
	}

	/**
	 * Loopback, private (RFC 1918, unique local), link-local, multicast, unspecified,
	 * carrier-grade NAT, benchmarking and reserved ranges, IPv4 and IPv6, including IPv4
	 * addresses written inside IPv6 (mapped, compatible, NAT64).
	 */
	static boolean forbidden(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (b.length == 4) {
			return forbiddenV4(b);
		}
		int first = b[0] & 0xff;
		// fc00::/7 unique local; fec0::/10 (site-local) is caught above.
		if ((first & 0xfe) == 0xfc) {
			return true;
		}
		if (embedsV4(b)) {
			return forbiddenV4(new byte[] { b[12], b[13], b[14], b[15] });
		}
		return false;
	}

	private static boolean embedsV4(byte[] b) {
		boolean zeros80 = true;
		for (int i = 0; i < 10; i++) {
			zeros80 &= b[i] == 0;
		}
		boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = zeros80 && b[10] == 0 && b[11] == 0;
		// 64:ff9b::/96, NAT64.
		boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = b[i] == 0;
		}
		return mapped || compatible || nat64;
	}

	private static boolean forbiddenV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		return a0 == 0 || a0 == 10 || a0 == 127 || (a0 == 100 && a1 >= 64 && a1 < 128) || (a0 == 169 && a1 == 254)
				|| (a0 == 172 && a1 >= 16 && a1 < 32) || (a0 == 192 && a1 == 168)
				|| (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) || (a0 == 198 && (a1 == 18 || a1 == 19)) || a0 >= 224;
	}

	private static boolean isLoopback(InetAddress address) {
		byte[] b = address.getAddress();
		if (address.isLoopbackAddress()) {
			return true;
		}
		return b.length == 16 && embedsV4(b) && (b[12] & 0xff) == 127;
	}

	/**
	 * The address an IP-literal host names (brackets allowed), else null; never a DNS
	 * lookup.
	 */
	private static InetAddress literal(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (!bare.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
			return null;
		}
		try {
			return InetAddress.getByName(bare);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean isLoopbackLiteral(String host) {
		InetAddress address = literal(host);
		return address != null && isLoopback(address);
	}

}
