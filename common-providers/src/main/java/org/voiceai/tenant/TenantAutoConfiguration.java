package org.voiceai.tenant;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/** The readers of tenant configuration both services share. */
@AutoConfiguration(after = R2dbcAutoConfiguration.class)
public final class TenantAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecretaryRepository secretaryRepository(DatabaseClient database) {
		return new SecretaryRepository(database);
	}

}
