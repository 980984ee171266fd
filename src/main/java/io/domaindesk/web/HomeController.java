package io.domaindesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The entry points that belong to no feature: the home page and the login page.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/domains";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
