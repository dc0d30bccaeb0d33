package org.voiceai.tenant;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.transfer.TransferDestinationRepository;

/** The readers of tenant configuration both services share. */
@AutoConfiguration(after = { R2dbcAutoConfiguration.class, JacksonAutoConfiguration.class })
public final class TenantAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecretaryRepository secretaryRepository(DatabaseClient database) {
		return new SecretaryRepository(database);
	}

	@Bean
	@ConditionalOnMissingBean
	TransferDestinationRepository transferDestinationRepository(DatabaseClient database, JsonMapper json) {
		return new TransferDestinationRepository(database, json);
	}

}
