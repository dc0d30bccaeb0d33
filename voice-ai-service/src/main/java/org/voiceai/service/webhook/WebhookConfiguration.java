package org.voiceai.service.webhook;

import java.nio.file.Path;
import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

/** The webhook outbox, its URL policy and the dispatcher that sends it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

	@Bean
	SafeUrlPolicy safeUrlPolicy(WebhookProperties properties) {
		return new SafeUrlPolicy(properties.allowPrivateNetworks());
	}

	@Bean
	WebhookOutbox webhookOutbox(DatabaseClient database, JsonMapper json, SafeUrlPolicy policy,
			ObjectProvider<Clock> clock) {
		return new WebhookOutbox(database, json, policy, clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	WebhookSigner webhookSigner(WebhookProperties properties, Environment environment) {
		Path file = (properties.signingSecretFile() != null) ? properties.signingSecretFile()
				: Path.of(environment.getProperty("voice-ai.home", System.getProperty("user.home") + "/.voice-ai"),
						"webhook.secret");
		return WebhookSigner.resolve(properties.signingSecret(), file);
	}

	@Bean
	WebhookClient webhookClient(WebhookProperties properties, SafeUrlPolicy policy, WebhookSigner signer,
			ObjectProvider<Clock> clock) {
		return new WebhookClient(properties, policy, signer, clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	WebhookDispatcher webhookDispatcher(WebhookOutbox outbox, WebhookClient client, SafeUrlPolicy policy,
			WebhookProperties properties) {
		return new WebhookDispatcher(outbox, client, policy, properties);
	}

}
