package io.domaindesk.sandbox;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns sandbox failures into OVHcloud error bodies, never Spring's default error page.
 */
@RestControllerAdvice(assignableTypes = { AuthApi.class, MeApi.class, NewAccountApi.class, DomainApi.class,
		DomainTaskApi.class, ContactChangeApi.class, OwnerContactApi.class, ConfigurationRuleApi.class, OrderApi.class,
		FallbackApi.class, PaymentApi.class, TaskArgumentApi.class })
@ConditionalOnSandbox
class SandboxErrorAdvice {

	@ExceptionHandler(OvhError.class)
	ResponseEntity<JsonNode> ovh(OvhError error) {
		return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<JsonNode> unreadable(Exception ex) {
		return ovh(OvhError.badRequest("Invalid JSON received"));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<JsonNode> invalid(IllegalArgumentException ex) {
		return ovh(OvhError.badRequest("Invalid parameter: " + ex.getMessage()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<JsonNode> missing(MissingServletRequestParameterException ex) {
		return ovh(OvhError.badRequest("Missing parameter(s): " + ex.getParameterName()));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<JsonNode> missingHeader(MissingRequestHeaderException ex) {
		return ovh(OvhError.badRequest("Missing header: " + ex.getHeaderName()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<JsonNode> mismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			return ovh(OvhError.notFound());
		}
		return ovh(OvhError.of(HttpStatus.BAD_REQUEST, "Client::BadRequest",
				"[" + ex.getName() + "] Given data (" + ex.getValue() + ") is not valid"));
	}

}
