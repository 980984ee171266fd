package io.domaindesk.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator behind the conformance test must itself catch mistakes.
 */
class SchemaValidatorTests {

	private final SchemaValidator validator = new SchemaValidator();

	private static final String TASK = """
			{"id":1,"function":"DomainTrade","status":"todo","comment":null,"domain":"a.com",
			 "creationDate":"2026-01-01T10:00:00+01:00","todoDate":"2026-01-01T10:00:00+01:00",
			 "lastUpdate":"2026-01-01T10:00:00+01:00","doneDate":null,"canAccelerate":true,"canCancel":true,
			 "canRelaunch":false,"type":"domain"}""";

	@Test
	void acceptsAConformingTask() {
		assertThat(this.validator.validate("domain.Task", Json.parse(TASK))).isEmpty();
	}

	@Test
	void catchesMissingTypesEnumsAndExtras() {
		assertThat(this.validator.validate("domain.Task", Json.parse(TASK.replace("\"status\":\"todo\",", ""))))
			.anyMatch((e) -> e.contains("status"));
		assertThat(this.validator.validate("domain.Task", Json.parse(TASK.replace("\"todo\"", "\"pending\""))))
			.anyMatch((e) -> e.contains("enum"));
		assertThat(this.validator.validate("domain.Task", Json.parse(TASK.replace("\"id\":1", "\"id\":\"1\""))))
			.anyMatch((e) -> e.contains("$.id"));
		assertThat(this.validator.validate("domain.Task", Json.parse(TASK.replace("{\"id\"", "{\"extra\":1,\"id\""))))
			.anyMatch((e) -> e.contains("not a property"));
		assertThat(this.validator.validate("long[]", Json.parse("[\"a\"]"))).isNotEmpty();
	}

}
