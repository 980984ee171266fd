package io.domaindesk.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Every sandbox bean carries this so that component scanning alone never starts the
 * emulator: production must opt out by simply not setting the property.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(prefix = "domaindesk.sandbox", name = "enabled", havingValue = "true")
@interface ConditionalOnSandbox {

}
