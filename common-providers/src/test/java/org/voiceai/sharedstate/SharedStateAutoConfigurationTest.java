package org.voiceai.sharedstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

class SharedStateAutoConfigurationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static EmbeddedRedis redis;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class));

	@BeforeAll
	static void startRedis() {
		redis = EmbeddedRedis.start();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void withoutUrlStateIsInMemoryAndHealthy() {
		runner.run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(SharedState.class);
			assertThat(context.getBean(SharedState.class)).isInstanceOf(InMemorySharedState.class);
			assertThat(context).doesNotHaveBean(RedisSharedState.class);

			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("kind", "in-memory");
		});
	}

	@Test
	void blankUrlMeansInMemory() {
		runner.withPropertyValues("voice-ai.redis.url= ").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SharedState.class)).isInstanceOf(InMemorySharedState.class);
		});
	}

	@Test
	void inMemoryStateUsesTheApplicationClock() {
		MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
		runner.withBean(Clock.class, () -> clock).run(context -> {
			SharedState state = context.getBean(SharedState.class);
			state.put("d1:k", "v", Duration.ofHours(1)).block(TIMEOUT);
			assertThat(state.get("d1:k").block(TIMEOUT)).isEqualTo("v");

			clock.advance(Duration.ofHours(2));

			assertThat(state.get("d1:k").block(TIMEOUT)).isNull();
		});
	}

	@Test
	void withUrlStateIsInRedisThroughOurConnectionFactory() {
		runner.withPropertyValues("voice-ai.redis.url=" + redis.url(), "voice-ai.redis.key-prefix=custom:")
			.run(context -> {
				assertThat(context).hasNotFailed().hasSingleBean(SharedState.class);
				assertThat(context.getBean(SharedState.class)).isInstanceOf(RedisSharedState.class);

				// Boot backed off its own factory (which would point at localhost:6379) and built its templates on ours.
				assertThat(context).hasSingleBean(RedisConnectionFactory.class)
					.hasSingleBean(ReactiveStringRedisTemplate.class)
					.hasSingleBean(StringRedisTemplate.class);
				assertThat(context.getBean(LettuceConnectionFactory.class).getPort()).isEqualTo(redis.port());

				SharedState state = context.getBean(SharedState.class);
				state.put("d1:k", "round trip", Duration.ofMinutes(1)).block(TIMEOUT);
				assertThat(state.get("d1:k").block(TIMEOUT)).isEqualTo("round trip");
				// The configured prefix reached the store; read through Boot's blocking template to prove it shares it.
				assertThat(context.getBean(StringRedisTemplate.class).opsForValue().get("custom:d1:k"))
					.isEqualTo("round trip");

				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("kind", "redis");
			});
	}

	@Test
	void unreachableRedisIsReportedDownNotThrown() {
		runner.withPropertyValues("voice-ai.redis.url=redis://127.0.0.1:" + EmbeddedRedis.freePort())
			.run(context -> {
				// Startup does not need Redis: the application starts and readiness says what is wrong.
				assertThat(context).hasNotFailed();

				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("kind", "redis").containsKey("error");
			});
	}

	@Test
	void invalidUrlFailsStartupWithAClearMessage() {
		runner.withPropertyValues("voice-ai.redis.url=http://user:hunter2@host").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isNotNull();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("voice-ai.redis.url is not a valid Redis URL");
		});
	}

	@Test
	void anApplicationSharedStateWins() {
		SharedState own = new InMemorySharedState(Clock.systemUTC());
		runner.withPropertyValues("voice-ai.redis.url=" + redis.url())
			.withBean("ownSharedState", SharedState.class, () -> own)
			.run(context -> {
				assertThat(context).hasSingleBean(SharedState.class);
				assertThat(context.getBean(SharedState.class)).isSameAs(own);
				assertThat(health(context).getDetails()).containsEntry("kind", "in-memory");
			});
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("sharedState", SharedStateHealthIndicator.class).health().block(TIMEOUT);
	}
}
