package org.voiceai.sharedstate;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * Provides the {@link SharedState}: Redis-backed when {@code voice-ai.redis.url} has text, in-memory otherwise.
 * <p>
 * Runs before Boot's {@link DataRedisAutoConfiguration} so that, with a URL, Boot finds our connection factory and
 * backs off its own, reusing ours for its templates and its {@code redis} health contributor: one connection pool,
 * configured from one property.
 */
@AutoConfiguration(before = DataRedisAutoConfiguration.class)
@EnableConfigurationProperties(SharedStateProperties.class)
public class SharedStateAutoConfiguration {

	static final String URL_PROPERTY = "voice-ai.redis.url";

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnRedisUrl.class)
	static class RedisSharedStateConfiguration {

		@Bean
		@ConditionalOnMissingBean(RedisConnectionFactory.class)
		LettuceConnectionFactory redisConnectionFactory(SharedStateProperties properties) {
			return RedisUrlConnectionFactory.create(properties.url(), properties.connectTimeout());
		}

		/** Named as Boot names it, so Boot's reactive auto-configuration sees it and does not add a second one. */
		@Bean
		@ConditionalOnMissingBean(ReactiveStringRedisTemplate.class)
		ReactiveStringRedisTemplate reactiveStringRedisTemplate(ReactiveRedisConnectionFactory connectionFactory) {
			return new ReactiveStringRedisTemplate(connectionFactory);
		}

		@Bean
		@ConditionalOnMissingBean(SharedState.class)
		RedisSharedState redisSharedState(ReactiveStringRedisTemplate redis, SharedStateProperties properties) {
			return new RedisSharedState(redis, properties.keyPrefix());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoRedisUrl.class)
	static class InMemorySharedStateConfiguration {

		/** An application {@link Clock} bean (tests, simulations) drives expiry when there is exactly one. */
		@Bean
		@ConditionalOnMissingBean(SharedState.class)
		InMemorySharedState inMemorySharedState(ObjectProvider<Clock> clock) {
			return new InMemorySharedState(clock.getIfUnique(Clock::systemUTC));
		}
	}

	/** Only when actuator's health API is present: the module must not require actuator just for this. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
	static class SharedStateHealthConfiguration {

		/** Bean name = contributor name, so {@code management.endpoint.health.group.readiness.include} can list it. */
		@Bean(name = "sharedState")
		@ConditionalOnMissingBean(name = "sharedState")
		SharedStateHealthIndicator sharedStateHealthIndicator(SharedState sharedState) {
			return new SharedStateHealthIndicator(sharedState);
		}
	}

	/**
	 * Matches when the URL has text. {@code @ConditionalOnProperty} would also match an empty value, which is what an
	 * unset {@code ${VOICE_AI_REDIS_URL:}} placeholder yields, and an expression would break on quotes in a password.
	 */
	static final class OnRedisUrl extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return urlOutcome(context, true);
		}
	}

	/** The exact complement of {@link OnRedisUrl}, so exactly one store is configured. */
	static final class NoRedisUrl extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return urlOutcome(context, false);
		}
	}

	private static ConditionOutcome urlOutcome(ConditionContext context, boolean wanted) {
		boolean hasUrl = StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
		ConditionMessage message = ConditionMessage.forCondition(URL_PROPERTY)
			.because(hasUrl ? "has text" : "is absent or blank");
		return new ConditionOutcome(hasUrl == wanted, message);
	}
}
