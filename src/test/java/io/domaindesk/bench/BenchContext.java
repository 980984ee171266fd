package io.domaindesk.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import io.domaindesk.support.IntegrationTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The benchmarks' application: the demo plus a third sandbox account with 20,000 domains
 * (OVHcloud nichandle {@code bb3000-ovh}) and a fourth with 100,000 ({@code bc4000-ovh},
 * the full sync of one agency at platform scale; {@code -Dbench.sync.domains} makes it
 * smaller to iterate), with production's read timeout. Every benchmark class uses this
 * one annotation, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("bench")
@IntegrationTest
@TestPropertySource(properties = { "domaindesk.sandbox.accounts[0].nichandle=ae1000-ovh",
		"domaindesk.sandbox.accounts[0].application-key=dd-demo-ak-exemple",
		"domaindesk.sandbox.accounts[0].application-secret=dd-demo-as-exemple-0123456789abcdef",
		"domaindesk.sandbox.accounts[0].consumer-key=dd-demo-ck-exemple-0123456789abcdef",
		"domaindesk.sandbox.accounts[0].domains=250", "domaindesk.sandbox.accounts[0].company-name=Agence Exemple",
		"domaindesk.sandbox.accounts[1].nichandle=sn2000-ovh",
		"domaindesk.sandbox.accounts[1].application-key=dd-demo-ak-nord",
		"domaindesk.sandbox.accounts[1].application-secret=dd-demo-as-nord-0123456789abcdef",
		"domaindesk.sandbox.accounts[1].consumer-key=dd-demo-ck-nord-0123456789abcdef",
		"domaindesk.sandbox.accounts[1].domains=40", "domaindesk.sandbox.accounts[1].company-name=Studio Nord",
		"domaindesk.sandbox.accounts[2].nichandle=bb3000-ovh",
		"domaindesk.sandbox.accounts[2].application-key=dd-bench-ak",
		"domaindesk.sandbox.accounts[2].application-secret=dd-bench-as-0123456789abcdef",
		"domaindesk.sandbox.accounts[2].consumer-key=dd-bench-ck-0123456789abcdef",
		"domaindesk.sandbox.accounts[2].domains=20000", "domaindesk.sandbox.accounts[2].company-name=Bench",
		"domaindesk.sandbox.accounts[3].nichandle=bc4000-ovh",
		"domaindesk.sandbox.accounts[3].application-key=dd-bench-big-ak",
		"domaindesk.sandbox.accounts[3].application-secret=dd-bench-big-as-0123456789abcdef",
		"domaindesk.sandbox.accounts[3].consumer-key=dd-bench-big-ck-0123456789abcdef",
		"domaindesk.sandbox.accounts[3].domains=${bench.sync.domains:100000}",
		"domaindesk.sandbox.accounts[3].company-name=Bench big",
		// Production's read timeout, not the tests' 4 s: the list of 100,000 domains is
		// one
		// answer, slower than that while the benchmark keeps the machine busy.
		"domaindesk.ovh.read-timeout=30s",
		// The tests' profile never pauses a sync; the benchmarks measure production's
		// pacing (-Dbench.sync.busy-share=1 measures the sync unpaced).
		"domaindesk.sync.busy-share=${bench.sync.busy-share:0.25}" })
public @interface BenchContext {

}
