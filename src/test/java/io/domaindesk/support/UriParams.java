package io.domaindesk.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.util.UriComponentsBuilder;

/** The query parameters of a list's URL, decoded, for the probes of the benchmarks. */
public final class UriParams {

	private UriParams() {
	}

	public static Map<String, String> of(String uri) {
		return UriComponentsBuilder.fromUriString(uri)
			.build()
			.getQueryParams()
			.toSingleValueMap()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(e) -> URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
	}

	public static Long number(String value) {
		return (value != null) ? Long.valueOf(value) : null;
	}

}
