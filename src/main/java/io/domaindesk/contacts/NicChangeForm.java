package io.domaindesk.contacts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.Errors;

/**
 * The new nichandles, by OVHcloud's field names; each optional, at least one. Used by the
 * single-domain form and by the bulk form.
 */
record NicChangeForm(String contactAdmin, String contactTech, String contactBilling) {

	static NicChangeForm empty() {
		return new NicChangeForm("", "", "");
	}

	/**
	 * The roles asked for, normalised; format errors are reported next to their field.
	 */
	Map<String, String> requested(Errors errors) {
		Map<String, String> requested = new LinkedHashMap<>();
		check("contactAdmin", this.contactAdmin, requested, errors);
		check("contactTech", this.contactTech, requested, errors);
		check("contactBilling", this.contactBilling, requested, errors);
		if (requested.isEmpty() && !errors.hasErrors()) {
			errors.reject("nic.form.nothing");
		}
		return requested;
	}

	private static void check(String field, String value, Map<String, String> requested, Errors errors) {
		String nic = Nichandles.normalise(value);
		if (nic == null) {
			return;
		}
		if (!Nichandles.valid(nic)) {
			errors.rejectValue(field, "nic.form.format", new Object[] { value.strip() }, null);
			return;
		}
		requested.put(field, nic);
	}

}
