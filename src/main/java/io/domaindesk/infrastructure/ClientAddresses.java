package io.domaindesk.infrastructure;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Client addresses as the per-address limits count them (failed logins, the public
 * consent page): parsed only when they are IP literals, and bucketed so that one
 * subscriber counts once.
 */
public final class ClientAddresses {

	/** An IP literal, v4 or v6; nothing that would make InetAddress ask a DNS server. */
	private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}");

	private ClientAddresses() {
	}

	/** The address when the text is an IP literal (at most 45 characters), else null. */
	public static InetAddress parseLiteral(String text) {
		if (text == null || text.length() > 45 || !LITERAL.matcher(text).matches()
				|| (!text.contains(":") && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The bucket a limit is kept for: an IPv4 address as such, an IPv6 address by its /64
	 * (one subscriber usually gets a whole /64, so its single addresses are free to
	 * rotate). Anything that is not an IP literal counts under one shared key rather than
	 * not at all. At most 64 characters.
	 */
	public static String bucket(String address) {
		InetAddress parsed = parseLiteral(address);
		if (parsed == null) {
			return "unknown";
		}
		if (parsed instanceof Inet6Address) {
			byte[] bytes = Arrays.copyOf(parsed.getAddress(), 16);
			Arrays.fill(bytes, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return parsed.getHostAddress();
	}

}
