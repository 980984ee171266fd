package io.domaindesk.security;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import io.domaindesk.infrastructure.ClientAddresses;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code domaindesk.trusted-proxies} ({@code DOMAINDESK_TRUSTED_PROXIES}): the reverse
 * proxies, as CIDR blocks, whose {@code X-Forwarded-For} / {@code Forwarded} headers say
 * who the client is. None by default: the client is the socket's peer, and a header
 * anyone can send changes nothing.
 *
 * @param trustedProxies CIDR blocks or single addresses, e.g. {@code 10.0.0.0/8, ::1}
 */
@ConfigurationProperties("domaindesk")
record TrustedProxies(List<String> trustedProxies) {

	TrustedProxies {
		trustedProxies = (trustedProxies != null)
				? trustedProxies.stream().map(String::strip).filter((s) -> !s.isEmpty()).toList() : List.of();
		for (String block : trustedProxies) {
			Block.parse(block);
		}
	}

	boolean trusts(String address) {
		InetAddress parsed = ClientAddresses.parseLiteral(address);
		return parsed != null && this.trustedProxies.stream().map(Block::parse).anyMatch((b) -> b.contains(parsed));
	}

	/**
	 * The client behind a trusted proxy: the forwarded addresses read from the right (the
	 * nearest hop first), skipping trusted proxies; the first other one is the client.
	 * Anything that is not an IP literal ends the walk: the socket's peer is used rather
	 * than a made-up value.
	 */
	String clientOf(String peer, Enumeration<String> forwardedFor, Enumeration<String> forwarded) {
		List<String> hops = new ArrayList<>();
		if (forwarded != null && forwarded.hasMoreElements()) {
			for (String header : Collections.list(forwarded)) {
				for (String element : header.split(",")) {
					for (String pair : element.split(";")) {
						String[] kv = pair.strip().split("=", 2);
						if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("for")) {
							hops.add(unquote(kv[1].strip()));
						}
					}
				}
			}
		}
		else if (forwardedFor != null) {
			for (String header : Collections.list(forwardedFor)) {
				for (String hop : header.split(",")) {
					hops.add(hop.strip());
				}
			}
		}
		String client = peer;
		for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - 20; i--) {
			InetAddress hop = ClientAddresses.parseLiteral(hops.get(i));
			if (hop == null) {
				return client;
			}
			client = hop.getHostAddress();
			if (!trusts(client)) {
				return client;
			}
		}
		return client;
	}

	private static String unquote(String value) {
		String v = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
				? value.substring(1, value.length() - 1) : value;
		// [2001:db8::1]:4711 or 192.0.2.1:4711
		if (v.startsWith("[")) {
			int end = v.indexOf(']');
			return (end > 0) ? v.substring(1, end) : v;
		}
		int colon = v.indexOf(':');
		return (colon > 0 && v.indexOf(':', colon + 1) < 0) ? v.substring(0, colon) : v;
	}

	private record Block(byte[] network, int prefix) {

		static Block parse(String text) {
			String[] parts = text.split("/", 2);
			InetAddress address = ClientAddresses.parseLiteral(parts[0].strip());
			if (address == null) {
				throw new IllegalStateException("DOMAINDESK_TRUSTED_PROXIES: not an IP address or CIDR block: " + text);
			}
			int bits = address.getAddress().length * 8;
			int prefix;
			try {
				prefix = (parts.length == 2) ? Integer.parseInt(parts[1].strip()) : bits;
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalStateException(
						"DOMAINDESK_TRUSTED_PROXIES: bad prefix length in " + text.toLowerCase(Locale.ROOT));
			}
			return new Block(address.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((candidate[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
