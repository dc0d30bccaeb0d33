package org.voiceai.calls;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.sharedstate.SharedState;
import org.voiceai.sharedstate.SharedStateAutoConfiguration;

/** The per-domain concurrent-call limit both services enforce, with limits from the domain's settings. */
@AutoConfiguration(after = { R2dbcAutoConfiguration.class, SharedStateAutoConfiguration.class })
@EnableConfigurationProperties(ConcurrentCallsProperties.class)
public final class ConcurrentCallsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallLimits callLimits(DatabaseClient database, ConcurrentCallsProperties properties) {
		return new SettingsCallLimits(database, properties.defaultLimit(), properties.limitCacheTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	ConcurrentCalls concurrentCalls(SharedState state, CallLimits limits, ConcurrentCallsProperties properties) {
		return new ConcurrentCalls(state, limits, properties.maxCallDuration());
	}

}
