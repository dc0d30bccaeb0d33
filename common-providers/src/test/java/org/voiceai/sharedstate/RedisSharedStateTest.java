package org.voiceai.sharedstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import reactor.test.StepVerifier;

/** The contract against a real Redis 7, plus what only Redis has: key prefixes and server-side TTLs. */
class RedisSharedStateTest extends SharedStateContract {

	private static EmbeddedRedis redis;

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate template;

	private String prefix;

	@BeforeAll
	static void startRedis() {
		redis = EmbeddedRedis.start();
		connectionFactory = RedisUrlConnectionFactory.create(redis.url(), Duration.ofSeconds(2));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		template = new ReactiveStringRedisTemplate(connectionFactory);
	}

	@AfterAll
	static void stopRedis() {
		if (connectionFactory != null) {
			connectionFactory.destroy();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Override
	protected SharedState newState() {
		// A prefix per test keeps tests apart without flushing the server.
		prefix = "test-" + UUID.randomUUID() + ":";
		return new RedisSharedState(template, prefix);
	}

	@Override
	protected void advance(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everyKeyIsPrefixed() {
		state.put("d1:k", "v", LONG_TTL).block(TIMEOUT);
		state.increment("d1:n", LONG_TTL).block(TIMEOUT);
		state.append("d1:l", "a", LONG_TTL).block(TIMEOUT);

		StepVerifier.create(template.opsForValue().get(prefix + "d1:k")).expectNext("v").expectComplete().verify(TIMEOUT);
		StepVerifier.create(template.opsForValue().get(prefix + "d1:n")).expectNext("1").expectComplete().verify(TIMEOUT);
		StepVerifier.create(template.opsForList().size(prefix + "d1:l")).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(template.hasKey("d1:k")).expectNext(false).expectComplete().verify(TIMEOUT);
	}

	@Test
	void defaultPrefixIsVoiceAi() {
		String key = "d1:" + UUID.randomUUID();
		SharedState defaults = new RedisSharedState(template);
		defaults.put(key, "v", LONG_TTL).block(TIMEOUT);
		try {
			StepVerifier.create(template.opsForValue().get("voice-ai:" + key)).expectNext("v").expectComplete().verify(TIMEOUT);
		}
		finally {
			template.delete("voice-ai:" + key).block(TIMEOUT);
		}
	}

	@Test
	void everyWriteLeavesAServerSideTtl() {
		state.put("d1:k", "v", LONG_TTL).block(TIMEOUT);
		state.putIfAbsent("d1:k2", "v", LONG_TTL).block(TIMEOUT);
		state.increment("d1:n", LONG_TTL).block(TIMEOUT);
		state.append("d1:l", "a", LONG_TTL).block(TIMEOUT);

		for (String key : new String[] { "d1:k", "d1:k2", "d1:n", "d1:l" }) {
			StepVerifier.create(template.getExpire(prefix + key))
				.assertNext(ttl -> assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(LONG_TTL))
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	@Test
	void pingsAndNamesItself() {
		StepVerifier.create(state.ping()).expectComplete().verify(TIMEOUT);
		assertThat(state.kind()).isEqualTo("redis");
	}
}
