package org.voiceai.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Test settings for a context on the embedded defaults: a private, throw-away embedded PostgreSQL on a free port
 * (never the developer's shared one), in-memory shared state, a fixed secret key, short provider cache TTL and a
 * circuit breaker that opens after two failures, and a patient test HTTP client.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "voice-ai.database.host=", "voice-ai.embedded.port=0",
		"voice-ai.embedded.data-directory=", "voice-ai.redis.url=", "voice-ai.home=target/voice-ai-test-home",
		"voice-ai.secrets.key=" + EmbeddedDefaults.SECRET_KEY, "voice-ai.providers.cache-ttl=300ms",
		"voice-ai.providers.attempt-timeout=2s", "voice-ai.providers.circuit-breaker.minimum-number-of-calls=2",
		"voice-ai.providers.circuit-breaker.sliding-window-size=2",
		"voice-ai.providers.circuit-breaker.wait-in-open-state=1h",
		"voice-ai.service.token=" + EmbeddedDefaults.SERVICE_TOKEN,
		// A loaded two-core CI machine can take more than the default 5 s to answer the first request of a context.
		"spring.test.webtestclient.timeout=60s" })
public @interface EmbeddedDefaults {

	/** The AES key the tests use (base64 of 32 bytes). */
	String SECRET_KEY = "q2hLrDkbkFQ0RYoXSpVZ4O1a2CfbDk7mRvDSGnAH3bk=";

	/** The service API token the tests send (voice-ai-service). */
	String SERVICE_TOKEN = "test-service-token-0123456789";

}
