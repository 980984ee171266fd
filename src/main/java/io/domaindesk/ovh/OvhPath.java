package io.domaindesk.ovh;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One API path, kept both as its template (metrics, logs, errors) and as the encoded
 * string that is sent and signed.
 *
 * @param template e.g. {@code /domain/{serviceName}/task/{id}}
 * @param path encoded path, e.g. {@code /domain/example.com/task/42}
 * @param query encoded query without {@code ?}, empty when none
 */
record OvhPath(String template, String path, String query) {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/**
	 * Fills each {@code {name}} of the template, in order, with an encoded value.
	 */
	static OvhPath of(String template, Object... values) {
		StringBuilder path = new StringBuilder();
		int next = 0;
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (c == '{') {
				int end = template.indexOf('}', i);
				if (next >= values.length) {
					throw new IllegalArgumentException("Missing value for " + template);
				}
				Object value = Objects.requireNonNull(values[next++], () -> "Null path value for " + template);
				String text = value.toString();
				if (text.isEmpty()) {
					throw new IllegalArgumentException("Empty path value for " + template);
				}
				// "." and ".." would be resolved as relative segments by servers and
				// proxies.
				path.append(text.equals(".") || text.equals("..") ? text.replace(".", "%2E") : encode(text));
				i = end + 1;
			}
			else {
				path.append(c);
				i++;
			}
		}
		if (next != values.length) {
			throw new IllegalArgumentException("Too many values for " + template);
		}
		return new OvhPath(template, path.toString(), "");
	}

	/**
	 * Adds a query parameter; null values are left out, as the wrappers do.
	 */
	OvhPath query(String name, Object value) {
		if (value == null) {
			return this;
		}
		String pair = encode(name) + "=" + encode(value.toString());
		return new OvhPath(this.template, this.path, this.query.isEmpty() ? pair : this.query + "&" + pair);
	}

	String pathAndQuery() {
		return this.query.isEmpty() ? this.path : this.path + "?" + this.query;
	}

	/**
	 * Percent-encodes everything but RFC 3986 unreserved characters, so a domain name or
	 * id can never add a path segment or a query.
	 */
	static String encode(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(bytes.length);
		for (byte b : bytes) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		return out.toString();
	}

}
