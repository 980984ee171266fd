package io.domaindesk.agency;

import io.domaindesk.infrastructure.Flash;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}: an agency admin's view of the people of their agency.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final DeskUserRepository users;

	private final CurrentUser currentUser;

	private final CreateUser createUser;

	private final ManageUser manageUser;

	private final PasswordPolicy policy;

	UserAdminController(DeskUserRepository users, CurrentUser currentUser, CreateUser createUser, ManageUser manageUser,
			PasswordPolicy policy) {
		this.users = users;
		this.currentUser = currentUser;
		this.createUser = createUser;
		this.manageUser = manageUser;
		this.policy = policy;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("newUser")) {
			model.addAttribute("newUser", UserForms.NewUser.empty());
		}
		return page(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("newUser") UserForms.NewUser form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.policy.violation(form.username(), form.password()).ifPresent(code -> result.rejectValue("password", code));
		if (form.role() != null && !form.role().isBlank() && form.agencyRole() == null) {
			result.rejectValue("role", "role.invalid");
		}
		if (result.hasErrors()) {
			return page(model);
		}
		try {
			this.createUser.create(form);
		}
		catch (UsernameTakenException ex) {
			result.rejectValue("username", "username.taken");
			return page(model);
		}
		Flash.ok(redirect, "users.created", form.username());
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable Long id, RedirectAttributes redirect) {
		try {
			DeskUser user = this.manageUser.setEnabled(id, false);
			Flash.ok(redirect, "users.disabled.flash", user.getUsername());
		}
		catch (IllegalStateException ex) {
			Flash.error(redirect, "users.cannotDisableSelf");
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable Long id, RedirectAttributes redirect) {
		DeskUser user = this.manageUser.setEnabled(id, true);
		Flash.ok(redirect, "users.enabled", user.getUsername());
		return "redirect:/admin/users";
	}

	/**
	 * Changing a role ends the user's sessions, so the new role applies from their next
	 * request.
	 */
	@PostMapping("/{id}/role")
	String changeRole(@PathVariable Long id, @RequestParam(required = false) String role, RedirectAttributes redirect) {
		// Another agency's user is not found, whatever the form says.
		this.manageUser.find(id);
		Role wanted = Role.AGENCY_ROLES.stream().filter(r -> r.name().equals(role)).findFirst().orElse(null);
		if (wanted == null) {
			Flash.error(redirect, "role.invalid");
			return "redirect:/admin/users";
		}
		try {
			DeskUser user = this.manageUser.changeRole(id, wanted);
			Flash.ok(redirect, "users.roleChanged", user.getUsername());
		}
		catch (IllegalStateException ex) {
			Flash.error(redirect, "users.cannotChangeOwnRole");
		}
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}/password")
	String passwordForm(@PathVariable Long id, Model model) {
		model.addAttribute("user", this.manageUser.find(id));
		model.addAttribute("newPassword", new UserForms.NewPassword(""));
		return "agency/user-password";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable Long id, @ModelAttribute("newPassword") UserForms.NewPassword form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		DeskUser user = this.manageUser.find(id);
		this.policy.violation(user.getUsername(), form.password())
			.ifPresent(code -> result.rejectValue("password", code));
		if (result.hasErrors()) {
			model.addAttribute("user", user);
			return "agency/user-password";
		}
		this.manageUser.resetPassword(id, form.password());
		Flash.ok(redirect, "users.passwordReset", user.getUsername());
		return "redirect:/admin/users";
	}

	private String page(Model model) {
		model.addAttribute("users", this.users.findByAgencyIdOrderByUsernameAsc(this.currentUser.agencyId()));
		model.addAttribute("roles", Role.AGENCY_ROLES);
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "agency/users";
	}

}
