package io.domaindesk.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official OVHcloud test vectors (python-ovh, go-ovh, php-ovh) and ours from the
 * notes.
 */
class SignerTests {

	static final String AS = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk";

	static final String CK = "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY";

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					GET|https://eu.api.ovh.com/1.0/auth||$1$e9556054b6309771395efa467c22e627407461ad
					POST|https://eu.api.ovh.com/1.0/auth|{"a":"b","c":"d"}|$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1
					PUT|https://eu.api.ovh.com/1.0/auth|{"a":"b","c":"d"}|$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b
					DELETE|https://eu.api.ovh.com/1.0/auth||$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85
					GET|https://eu.api.ovh.com/1.0/call||$1$7f2db49253edfc41891023fcd1a54cf61db05fbb
					GET|https://eu.api.ovh.com/v1/call||$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad
					GET|https://eu.api.ovh.com/1.0/domain/example.com/task?function=DomainTrade&status=todo||$1$e6f72c3d8c295411b5b433107c8a560189f707ec
					PUT|https://eu.api.ovh.com/1.0/domain/contact/123|{"firstName":"Jérôme"}|$1$3f0d2e185a74fd1c66ef134dc27814e489f43483
					POST|https://eu.api.ovh.com/1.0/domain/example.com/changeContact|{"contactAdmin":"ab12345-ovh"}|$1$89afb6d2617bd747d32abe79666a2e65f0f0d00b
					""")
	void signsLikeOvhcloud(String method, String url, String body, String expected) {
		assertThat(Signer.sign(AS, CK, method, url, (body != null) ? body : "", "1457018875")).isEqualTo(expected);
		assertThat(TestSigner.sign(AS, CK, method, url, body, "1457018875")).isEqualTo(expected);
	}

}
