package org.voiceai.providers.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.manager.ProviderCircuitBreakers;
import org.voiceai.providers.manager.ProviderInstances;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.providers.secret.SecretKeyLoader;

/** Wires the provider registry, the secret cipher and the per-domain provider manager. */
@AutoConfiguration(after = { R2dbcAutoConfiguration.class, JacksonAutoConfiguration.class })
@EnableConfigurationProperties({ ProvidersProperties.class, SecretsProperties.class })
public final class ProvidersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecretCipher secretCipher(SecretsProperties properties) {
		Path keyFile = (properties.keyFile() != null) ? properties.keyFile()
				: Path.of(System.getProperty("user.home"), ".voice-ai", "secret.key");
		return SecretKeyLoader.load(properties.key(), keyFile);
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderHttp providerHttp(JsonMapper json) {
		// One pool for all providers of all domains; per-provider clients only set base URL and timeout.
		ConnectionProvider connections = ConnectionProvider.builder("voice-ai-providers")
			.maxConnections(256)
			.pendingAcquireTimeout(Duration.ofSeconds(5))
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		return new ProviderHttp(connections, new HttpErrorMapper(json));
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderRegistry providerRegistry(ObjectProvider<ProviderFactory<?>> factories) {
		return new ProviderRegistry(factories.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderRowRepository providerRowRepository(DatabaseClient database, JsonMapper json, SecretCipher cipher) {
		return new ProviderRowRepository(database, json, cipher);
	}

	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerRegistry circuitBreakerRegistry() {
		return CircuitBreakerRegistry.ofDefaults();
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderCircuitBreakers providerCircuitBreakers(CircuitBreakerRegistry registry, ProvidersProperties properties) {
		ProvidersProperties.CircuitBreaker settings = properties.circuitBreaker();
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.waitDurationInOpenState(settings.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build();
		return new ProviderCircuitBreakers(registry, config);
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderManager providerManager(ProviderRowRepository repository, ProviderRegistry registry, JsonMapper json,
			SecretCipher cipher, ProviderCircuitBreakers breakers, ProvidersProperties properties) {
		return new ProviderManager(repository, registry, new ProviderInstances(registry, json, cipher), breakers,
				properties.cacheTtl(), properties.attemptTimeout());
	}

}
