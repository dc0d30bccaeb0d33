package org.voiceai.service.tenant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers authenticate ({@code voice-ai.service.*}).
 *
 * @param token the shared bearer token FreeSWITCH's Lua scripts and the FusionPBX pages send (VOICE_AI_SERVICE_TOKEN);
 * required outside the embedded default, which generates one
 * @param domainCacheTtl how long a domain's existence and enabled flag are cached
 */
@ConfigurationProperties("voice-ai.service")
public record ServiceSecurityProperties(String token, @DefaultValue("30s") Duration domainCacheTtl) {

	@Override
	public String toString() {
		return "ServiceSecurityProperties[token=" + ((this.token == null || this.token.isBlank()) ? "unset" : "set")
				+ ", domainCacheTtl=" + this.domainCacheTtl + "]";
	}

}
