package io.domaindesk.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route the schema flags {@code noAuthentication}: it works without a signature,
 * but a signature that is sent is still checked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface NoAuthentication {

}
