package org.voiceai.service.conversations;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import org.voiceai.service.webhook.WebhookOutbox;
import org.voiceai.sharedstate.SharedState;
import org.voiceai.tenant.SecretaryRepository;

/** The conversation store and the recorder the turn-based API writes through. */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

	@Bean
	ConversationRepository conversationRepository(DatabaseClient database, JsonMapper json) {
		return new ConversationRepository(database, json);
	}

	@Bean
	ConversationRecorder conversationRecorder(ConversationRepository conversations, SecretaryRepository secretaries,
			WebhookOutbox webhooks, TransactionalOperator transaction, SharedState state, ObjectProvider<Clock> clock) {
		return new ConversationRecorder(conversations, secretaries, webhooks, transaction, state,
				clock.getIfUnique(Clock::systemUTC));
	}

}
