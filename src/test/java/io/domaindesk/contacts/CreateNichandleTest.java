package io.domaindesk.contacts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new contact's form checked before OVHcloud sees it, as the Control Panel checks it:
 * typed phone numbers and identifiers normalised, the rules' prefix put before them.
 */
class CreateNichandleTest {

	private static final String PHONE = "^\\+(\\d{1,5}\\.)?\\d{1,15}$";

	private static final List<CreateNichandle.Field> FIELDS = List.of(
			new CreateNichandle.Field("phone", true, 255L, PHONE, List.of(), "+33.612345678", "+33"),
			new CreateNichandle.Field("companyNationalIdentificationNumber", false, 255L, "^[0-9]{9}([0-9]{5})?$",
					List.of(), null, null),
			new CreateNichandle.Field("zip", true, 255L, "[0-9]{5}", List.of(), "75002", null));

	@Test
	void aFrenchNumberTypedTheFrenchWayPasses() {
		Map<String, String> typed = Map.of("phone", "06 12-34 (56) 78", "companyNationalIdentificationNumber",
				"732 829 320 00074", "zip", "75002");
		assertThat(CreateNichandle.check(FIELDS, typed)).isEmpty();
		assertThat(CreateNichandle.normalised(FIELDS, typed)).containsEntry("phone", "+33612345678")
			.containsEntry("companyNationalIdentificationNumber", "73282932000074")
			.containsEntry("zip", "75002");
	}

	@Test
	void whatFailsTheExpressionIsStillReported() {
		Map<String, CreateNichandle.Problem> problems = CreateNichandle.check(FIELDS,
				Map.of("phone", "06 12 34 56 7x", "zip", "750"));
		assertThat(problems).containsOnlyKeys("phone", "zip");
		assertThat(problems.get("phone").code()).isEqualTo("newAccount.pattern");
	}

	@Test
	void anUnanchoredExpressionSearchesLikeTheControlPanel() {
		assertThat(CreateNichandle.check(FIELDS, Map.of("phone", "+33.612345678", "zip", "F-75002"))).isEmpty();
	}

}
