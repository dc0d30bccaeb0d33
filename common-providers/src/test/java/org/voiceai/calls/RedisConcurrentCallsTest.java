package org.voiceai.calls;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import org.voiceai.sharedstate.EmbeddedRedis;
import org.voiceai.sharedstate.RedisSharedState;
import org.voiceai.sharedstate.SharedState;

/** The concurrent-call limit on a real Redis 7, as several instances share it; expiry is Redis's own. */
class RedisConcurrentCallsTest extends ConcurrentCallsContract {

	private static EmbeddedRedis redis;

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate template;

	@BeforeAll
	static void startRedis() {
		redis = EmbeddedRedis.start();
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
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
		return new RedisSharedState(template, "test-" + UUID.randomUUID() + ":");
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

}
