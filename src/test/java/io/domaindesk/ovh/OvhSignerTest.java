package io.domaindesk.ovh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Official vectors from python-ovh, go-ovh and php-ovh, plus ours (notes §1.6).
 */
class OvhSignerTest {

	private static final String AS = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk";

	private static final String CK = "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY";

	private static final long TS = 1457018875L;

	private static final String BODY = "{\"a\":\"b\",\"c\":\"d\"}";

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GET    | https://eu.api.ovh.com/1.0/auth   | false | $1$e9556054b6309771395efa467c22e627407461ad
			POST   | https://eu.api.ovh.com/1.0/auth   | true  | $1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1
			PUT    | https://eu.api.ovh.com/1.0/auth   | true  | $1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b
			DELETE | https://eu.api.ovh.com/1.0/auth   | false | $1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85
			GET    | https://eu.api.ovh.com/1.0/authTO | false | $1$1f0958be70f095ddaba525778a9ac1dcffac89f3
			POST   | https://eu.api.ovh.com/1.0/authTO | true  | $1$b592effcb3bc2d37860eceb06a1b17670fbe49c6
			PUT    | https://eu.api.ovh.com/1.0/authTO | true  | $1$6b27c2a693a0eb4980217046b2fe10d74ba796f0
			DELETE | https://eu.api.ovh.com/1.0/authTO | false | $1$bd59b15361548c388058009e00c508081e991e8b
			GET    | https://eu.api.ovh.com/1.0/call   | false | $1$7f2db49253edfc41891023fcd1a54cf61db05fbb
			GET    | https://eu.api.ovh.com/v1/call    | false | $1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad
			GET    | https://eu.api.ovh.com/v2/call    | false | $1$bb63b132a6f84ad5433d0c534d48d3f7c3804285
			""")
	void officialVectors(String method, String url, boolean withBody, String expected) {
		assertThat(OvhSigner.sign(AS, CK, method, url, withBody ? BODY : "", TS)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					GET  | https://eu.api.ovh.com/1.0/domain/example.com/task?function=DomainTrade&status=todo | ``                                | $1$e6f72c3d8c295411b5b433107c8a560189f707ec
					PUT  | https://eu.api.ovh.com/1.0/domain/contact/123                                         | `{"firstName":"Jérôme"}`          | $1$3f0d2e185a74fd1c66ef134dc27814e489f43483
					PUT  | https://eu.api.ovh.com/1.0/domain/contact/123                                         | `{"firstName":"J\\u00e9r\\u00f4me"}` | $1$604d3a72dd12a1abe374954edd235f1b32803b96
					POST | https://eu.api.ovh.com/1.0/domain/example.com/changeContact                           | `{"contactAdmin":"ab12345-ovh"}`  | $1$89afb6d2617bd747d32abe79666a2e65f0f0d00b
					""")
	void ourVectors(String method, String url, String body, String expected) {
		assertThat(OvhSigner.sign(AS, CK, method, url, (body != null) ? body : "", TS)).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void escapedBodyIsSignedAsSixCharacterEscapes() {
		String escaped = "{\"firstName\":\"J\\u00e9r\\u00f4me\"}";
		assertThat(escaped).contains("\\u00e9").hasSize(32);
		assertThat(OvhSigner.sign(AS, CK, "PUT", "https://eu.api.ovh.com/1.0/domain/contact/123", escaped, TS))
			.isEqualTo("$1$604d3a72dd12a1abe374954edd235f1b32803b96");
	}

	@org.junit.jupiter.api.Test
	void nullBodyIsEmptyAndMethodIsUpperCased() {
		assertThat(OvhSigner.sign(AS, CK, "get", "https://eu.api.ovh.com/1.0/auth", null, TS))
			.isEqualTo("$1$e9556054b6309771395efa467c22e627407461ad");
	}

}
